package org.lotkeeper.bench;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.scan.ScanRecogniser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * docs/QUALITY.md P2: GS1 element string and Digital Link parsing, ≥ 1,000,000 parses/s on one core.
 * Every decode validates fully (check digits, dates with the century window, set 82, pair rules)
 * and builds the typed result. Baselines in the same run: a regex that only splits the plain
 * GTIN + lot + expiry string into three strings (no validation at all), and
 * {@code Quantity.parse}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Gs1DecodeBenchmark {

    private static final String ELEMENT_STRING = "010950110153000310ABC123\u001d17251231";
    private static final String GS1_128 = "]C1010950110153000317251231" + "3103001234" + "10ABC123\u001d21SN12345";
    private static final String HUMAN_READABLE = "(01)09501101530003(10)ABC123(17)251231";
    private static final String DIGITAL_LINK = "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426";

    private static final Pattern NAIVE = Pattern.compile("01(\\d{14})10([^\\x1D]{1,20})\\x1D17(\\d{6})");

    private final Gs1Decoder decoder = Gs1Decoder.create();
    private final ScanRecogniser recogniser = new ScanRecogniser(decoder);

    @Benchmark
    public Gs1Data elementString() {
        return decoder.decode(ELEMENT_STRING);
    }

    @Benchmark
    public Gs1Data gs1128WithIdentifier() {
        return decoder.decode(GS1_128);
    }

    @Benchmark
    public Gs1Data humanReadable() {
        return decoder.decode(HUMAN_READABLE);
    }

    @Benchmark
    public Gs1Data digitalLink() {
        return decoder.decode(DIGITAL_LINK);
    }

    @Benchmark
    public Scan recogniseGs1128() {
        return recogniser.recognise(GS1_128);
    }

    /** Baseline: split the plain element string with a regex, no validation. */
    @Benchmark
    public String[] baselineRegexSplit() {
        Matcher m = NAIVE.matcher(ELEMENT_STRING);
        if (!m.matches()) {
            throw new IllegalStateException();
        }
        return new String[] {m.group(1), m.group(2), m.group(3)};
    }

    /** Baseline: the wire quantity parser (QuantityBenchmark measures it with a conversion). */
    @Benchmark
    public Quantity baselineQuantityParse() {
        return Quantity.parse("1250.125", "GRM");
    }
}
