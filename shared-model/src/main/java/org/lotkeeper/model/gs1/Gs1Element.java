package org.lotkeeper.model.gs1;

import java.util.Objects;

/**
 * One AI and its raw value as it appears in the element string (dates as {@code YYMMDD},
 * measures as six digits).
 */
public record Gs1Element(String ai, String value) {

    public Gs1Element {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
    }

    /** The GS1 data title, e.g. "GTIN", "BATCH/LOT", "USE BY OR EXPIRY"; the AI when unknown. */
    public String title() {
        Ai def = Ai.byCode(ai);
        return def == null ? ai : def.title;
    }

    /** {@code (ai)value}. */
    @Override
    public String toString() {
        return "(" + ai + ")" + value;
    }
}
