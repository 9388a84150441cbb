package org.lotkeeper.bench;

import java.util.concurrent.TimeUnit;

import org.lotkeeper.model.auth.PinVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one offline PIN guess costs against a device verifier (docs/SECURITY.md, "PINs"): the
 * Argon2id default beside cheaper settings and the PBKDF2 form it replaced, on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PinGuessBenchmark {

    /** Argon2id memory KiB x passes, or "pbkdf2" for the earlier form (60,000 + 10,000 iterations). */
    @Param({"65536x3", "65536x2", "32768x3", "19456x2", "pbkdf2"})
    public String cost;

    private String verifier;

    @Setup
    public void makeVerifier() {
        String hash;
        if (cost.equals("pbkdf2")) {
            // the earlier form, as stored before PINs moved to Argon2id: PIN 482913, user salt zero
            hash = "pbkdf2-sha256$60000$AAAAAAAAAAAAAAAAAAAAAA$WX8bNCJDqX+NvUoePNpeGeepS5BjqH2KWrJf54orvk4";
        } else {
            String[] mt = cost.split("x");
            hash = PinVerifier.hashPin(
                    "482913", new PinVerifier.Cost(Integer.parseInt(mt[0]), Integer.parseInt(mt[1])));
        }
        verifier = PinVerifier.deviceVerifier(hash, PinVerifier.newDeviceSalt());
    }

    @Benchmark
    public boolean oneWrongGuess() {
        return PinVerifier.matches("908172", verifier);
    }
}
