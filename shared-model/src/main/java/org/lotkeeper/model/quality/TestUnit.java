package org.lotkeeper.model.quality;

import java.util.Optional;

/**
 * Units a test result is reported in, by their UN/ECE Recommendation 20 codes (the wire and the
 * exports use the code, people read the symbol). Quantities of stock use
 * {@link org.lotkeeper.model.quantity.Uom}; these are the units of properties.
 */
public enum TestUnit {
    PERCENT("P1", "%"),
    PARTS_PER_MILLION("59", "ppm"),
    MILLIGRAM_PER_KILOGRAM("NA", "mg/kg"),
    MILLIPASCAL_SECOND("C7", "mPa·s"),
    GRAM_PER_CUBIC_CENTIMETRE("23", "g/cm³"),
    KILOGRAM_PER_LITRE("B35", "kg/L"),
    DEGREE_CELSIUS("CEL", "°C"),
    MICROMETRE("4H", "µm"),
    MINUTE("MIN", "min");

    private final String code;
    private final String symbol;

    TestUnit(String code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** The Rec 20 code, as the wire carries it. */
    public String code() {
        return code;
    }

    /** What people read. */
    public String symbol() {
        return symbol;
    }

    /** Whether a result in this unit can be below zero (a temperature); a content, a viscosity or a time cannot. */
    public boolean mayBeNegative() {
        return this == DEGREE_CELSIUS;
    }

    /** The unit with this Rec 20 code. */
    public static Optional<TestUnit> ofCode(String code) {
        for (TestUnit u : values()) {
            if (u.code.equals(code)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
