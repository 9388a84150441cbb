package org.lotkeeper.server.labels;

import java.util.Locale;
import java.util.Optional;

import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/** Which barcodes a lot label carries: GS1-128, GS1 DataMatrix, or both (the default). */
public enum LabelSymbology {
    GS1_128("gs1-128"),
    DATAMATRIX("datamatrix"),
    BOTH("both");

    private final String parameter;

    LabelSymbology(String parameter) {
        this.parameter = parameter;
    }

    /** The name in the {@code symbology} query parameter. */
    public String parameter() {
        return parameter;
    }

    boolean linear() {
        return this != DATAMATRIX;
    }

    boolean matrix() {
        return this != GS1_128;
    }

    /** The symbology named by a {@code symbology} request parameter, or a 400 naming it. */
    public static LabelSymbology parameter(String name) {
        return byName(name)
                .orElseThrow(() -> Refused.invalid(
                        ErrorCode.INVALID_FIELD, "symbology must be gs1-128, datamatrix or both", "symbology"));
    }

    /** {@code gs1-128}, {@code datamatrix} or {@code both}, any case. */
    public static Optional<LabelSymbology> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (LabelSymbology s : values()) {
            if (s.parameter.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
