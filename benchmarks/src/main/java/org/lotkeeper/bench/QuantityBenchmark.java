package org.lotkeeper.bench;

import java.util.concurrent.TimeUnit;

import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Parsing a wire quantity and converting it to the base unit: the step every ingested event takes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QuantityBenchmark {

    @Benchmark
    public Quantity parseAndConvertToBase() {
        return Quantity.parse("1250.125", "GRM").inBase();
    }

    @Benchmark
    public Quantity addSameUnit() {
        return Quantity.of("800", Uom.KGM).minus(Quantity.of("300.5", Uom.KGM));
    }
}
