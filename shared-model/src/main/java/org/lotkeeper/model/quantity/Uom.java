package org.lotkeeper.model.quantity;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Units of measure by their UN/ECE Recommendation 20 codes, as EPCIS uses them. Each unit has an
 * exact factor to the base unit of its dimension (KGM, LTR, H87).
 */
public enum Uom {
    KGM(Dimension.MASS, "1", "kg"),
    GRM(Dimension.MASS, "0.001", "g"),
    MGM(Dimension.MASS, "0.000001", "mg"),
    TNE(Dimension.MASS, "1000", "t"),
    LBR(Dimension.MASS, "0.45359237", "lb"),
    LTR(Dimension.VOLUME, "1", "L"),
    MLT(Dimension.VOLUME, "0.001", "mL"),
    MTQ(Dimension.VOLUME, "1000", "m³"),
    GLL(Dimension.VOLUME, "3.785411784", "US gal"),
    H87(Dimension.COUNT, "1", "pc"),
    EA(Dimension.COUNT, "1", "ea");

    private static final Map<String, Uom> BY_CODE = new HashMap<>();

    static {
        for (Uom u : values()) {
            BY_CODE.put(u.name(), u);
        }
    }

    private final Dimension dimension;
    private final BigDecimal toBase;
    private final String symbol;

    Uom(Dimension dimension, String toBase, String symbol) {
        this.dimension = dimension;
        this.toBase = new BigDecimal(toBase);
        this.symbol = symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** How many base units of the dimension one of this unit is, exactly. */
    public BigDecimal toBaseFactor() {
        return toBase;
    }

    /** A short symbol for people ("kg"); the wire always uses the code. */
    public String symbol() {
        return symbol;
    }

    public static Uom base(Dimension dimension) {
        return switch (dimension) {
            case MASS -> KGM;
            case VOLUME -> LTR;
            case COUNT -> H87;
        };
    }

    /**
     * The unit a person keys: its Rec 20 code or its symbol, in any case ("kg", "KGM", "l", "pc");
     * empty when it is neither.
     */
    public static Optional<Uom> keyed(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Uom u : values()) {
            if (u.name().equalsIgnoreCase(text) || u.symbol.equalsIgnoreCase(text)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** The unit with this Rec 20 code, if Lotkeeper knows it. Codes are upper case. */
    public static Optional<Uom> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
