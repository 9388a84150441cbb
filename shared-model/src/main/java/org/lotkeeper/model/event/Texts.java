package org.lotkeeper.model.event;

import org.lotkeeper.model.event.InvalidTextException.Reason;

/**
 * The rules for text in events that is not a master-data code: business references
 * ({@link Reference}, at most {@value #MAX_REFERENCE} characters) and free text such as reasons
 * and notes (at most {@value #MAX_FREE_TEXT} characters). Text must not be blank and may not
 * contain control characters (tabs and line breaks included) or unpaired UTF-16 surrogates, which
 * databases and labels cannot hold faithfully. Text is stored exactly as given (not trimmed).
 */
public final class Texts {

    /** Longest business reference (PO, ASN, order, shipment, batch ticket, task, document id). */
    public static final int MAX_REFERENCE = 64;
    /** Longest free text (reason, note, name, signature meaning). */
    public static final int MAX_FREE_TEXT = 500;

    private Texts() {}

    /**
     * {@code value} when it is acceptable text of at most {@code maxLength} characters.
     *
     * @param kind      what the text is, for the message ("reason")
     * @param value     the text
     * @param maxLength the longest allowed length in UTF-16 units
     * @return value, unchanged
     * @throws InvalidTextException when it is null, blank, too long or holds a forbidden character
     */
    public static String require(String kind, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidTextException(Reason.EMPTY, kind + " is empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidTextException(
                    Reason.TOO_LONG,
                    kind + " is " + value.length() + " characters long; at most " + maxLength + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidTextException(
                        Reason.BAD_CHARACTER,
                        kind
                                + " may not contain control characters (found " + String.format("\\u%04X", (int) c)
                                + " at position " + (i + 1) + ")");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidTextException(
                        Reason.BAD_CHARACTER,
                        kind + " holds a broken character (an unpaired surrogate) at position " + (i + 1));
            }
        }
        return value;
    }

    /** Free text: {@link #require(String, String, int)} with {@value #MAX_FREE_TEXT}. */
    public static String requireFreeText(String kind, String value) {
        return require(kind, value, MAX_FREE_TEXT);
    }

    /** Free text that may be absent: null stays null, anything else must be acceptable. */
    public static String optionalFreeText(String kind, String value) {
        return value == null ? null : requireFreeText(kind, value);
    }
}
