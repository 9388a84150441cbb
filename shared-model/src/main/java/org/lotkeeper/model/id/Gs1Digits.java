package org.lotkeeper.model.id;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/** The GS1 mod-10 check digit and the digit-only rules shared by GTIN, SSCC and GLN. */
public final class Gs1Digits {

    private Gs1Digits() {}

    /**
     * The check digit for the digits before it: from the rightmost digit leftwards, weights
     * 3, 1, 3, 1 …; check = (10 − sum mod 10) mod 10.
     */
    public static int checkDigit(CharSequence digitsWithoutCheck) {
        int sum = 0;
        boolean three = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            int d = digitsWithoutCheck.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the last digit of {@code digits} is the right check digit for the others. */
    public static boolean hasValidCheckDigit(CharSequence digits) {
        int n = digits.length();
        return n >= 2 && digits.charAt(n - 1) - '0' == checkDigit(digits.subSequence(0, n - 1));
    }

    /** Appends the check digit. */
    public static String withCheckDigit(String digitsWithoutCheck) {
        requireDigits("digits", digitsWithoutCheck);
        return digitsWithoutCheck + checkDigit(digitsWithoutCheck);
    }

    static String requireDigits(String kind, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException(kind, Reason.EMPTY, -1, kind + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException(
                        kind,
                        Reason.BAD_CHARACTER,
                        i,
                        kind + " may contain digits only; found '" + printable(c) + "' at position " + (i + 1));
            }
        }
        return value;
    }

    static void requireCheckDigit(String kind, String digits) {
        if (!hasValidCheckDigit(digits)) {
            int expected = checkDigit(digits.subSequence(0, digits.length() - 1));
            throw new InvalidIdentifierException(
                    kind,
                    Reason.CHECK_DIGIT,
                    digits.length() - 1,
                    kind + " " + digits + " has a wrong check digit (expected " + expected + ")");
        }
    }

    /** A character as it can safely appear in a message: control characters become \\uXXXX. */
    public static String printable(char c) {
        return c < 0x20 || c == 0x7f || Character.isISOControl(c)
                ? String.format("\\u%04X", (int) c)
                : String.valueOf(c);
    }
}
