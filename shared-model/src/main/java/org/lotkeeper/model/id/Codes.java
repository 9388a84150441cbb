package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/**
 * The rule for the plant's own codes (items, locations, partners, sites, users, devices, orders):
 * 1–40 characters of letters, digits and {@code - _ . /}, starting with a letter or digit. Such
 * codes are printed as barcodes and typed on keypads, so the alphabet is kept narrow; they are
 * case-sensitive.
 */
final class Codes {

    static final int MAX_LENGTH = 40;

    private Codes() {}

    static String require(String kind, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException(kind, Reason.EMPTY, -1, kind + " is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(
                    kind,
                    Reason.TOO_LONG,
                    MAX_LENGTH,
                    kind + " is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum && (i == 0 || (c != '-' && c != '_' && c != '.' && c != '/'))) {
                throw new InvalidIdentifierException(
                        kind,
                        Reason.BAD_CHARACTER,
                        i,
                        kind + " may not contain '" + Gs1Digits.printable(c) + "' at position " + (i + 1)
                                + " (letters, digits and - _ . / only, starting with a letter or digit)");
            }
        }
        return value;
    }
}
