package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/** Serial Shipping Container Code (AI 00): 18 digits with a mod-10 check digit. */
public record Sscc(String value) implements TextId {

    public Sscc {
        Gs1Digits.requireDigits("SSCC", value);
        if (value.length() != 18) {
            throw new InvalidIdentifierException(
                    "SSCC", Reason.BAD_LENGTH, -1, "SSCC must have 18 digits, not " + value.length());
        }
        Gs1Digits.requireCheckDigit("SSCC", value);
    }

    public static Sscc of(String value) {
        return new Sscc(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
