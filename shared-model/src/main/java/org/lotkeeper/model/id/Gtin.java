package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/**
 * A Global Trade Item Number, always held in its 14-digit form. GTIN-8, -12 and -13 are
 * accepted and left-padded with zeros; the check digit must be right.
 */
public record Gtin(String value) implements TextId {

    public Gtin {
        Gs1Digits.requireDigits("GTIN", value);
        switch (value.length()) {
            case 8, 12, 13, 14 -> {}
            default ->
                throw new InvalidIdentifierException(
                        "GTIN", Reason.BAD_LENGTH, -1, "GTIN must have 8, 12, 13 or 14 digits, not " + value.length());
        }
        value = "0".repeat(14 - value.length()) + value;
        Gs1Digits.requireCheckDigit("GTIN", value);
    }

    public static Gtin of(String value) {
        return new Gtin(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
