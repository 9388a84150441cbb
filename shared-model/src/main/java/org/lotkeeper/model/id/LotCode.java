package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/**
 * A lot (batch) code as GS1 AI 10 allows it: 1–20 characters of GS1 set 82. Lot codes come from
 * barcodes; they may contain {@code < > & " '} and must be escaped wherever they are shown.
 */
public record LotCode(String value) implements TextId {

    public static final int MAX_LENGTH = 20;

    public LotCode {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException("lot code", Reason.EMPTY, -1, "lot code is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(
                    "lot code",
                    Reason.TOO_LONG,
                    MAX_LENGTH,
                    "lot code is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        int bad = Gs1Charset.firstOutsideSet82(value);
        if (bad >= 0) {
            throw new InvalidIdentifierException(
                    "lot code",
                    Reason.BAD_CHARACTER,
                    bad,
                    "lot code may not contain '" + Gs1Digits.printable(value.charAt(bad)) + "' (position " + (bad + 1)
                            + ")");
        }
    }

    public static LotCode of(String value) {
        return new LotCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
