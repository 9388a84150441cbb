package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/** Global Location Number: 13 digits with a mod-10 check digit. */
public record Gln(String value) implements TextId {

    public Gln {
        Gs1Digits.requireDigits("GLN", value);
        if (value.length() != 13) {
            throw new InvalidIdentifierException(
                    "GLN", Reason.BAD_LENGTH, -1, "GLN must have 13 digits, not " + value.length());
        }
        Gs1Digits.requireCheckDigit("GLN", value);
    }

    public static Gln of(String value) {
        return new Gln(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
