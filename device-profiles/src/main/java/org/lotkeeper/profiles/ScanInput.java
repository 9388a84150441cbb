package org.lotkeeper.profiles;

import java.util.Objects;

import org.lotkeeper.model.id.Gs1Charset;

/**
 * How scans arrive: from a keyboard-wedge scanner (built in or paired) as a burst of keystrokes,
 * and from the camera when there is one.
 *
 * <p>The client treats keys as one scan when each follows the previous within
 * {@code interKeyMaxMillis} and there are at least {@code minScanLength} of them; slower typing
 * is manual entry. The burst ends with the {@code terminator} key, or, for
 * {@link Terminator#NONE}, when no key follows within {@code interKeyMaxMillis}.
 *
 * @param prefix                    what the scanner sends before each scan (removed by the client);
 *                                  empty for none
 * @param terminator                what the scanner sends after each scan
 * @param groupSeparatorReplacement the character the scanner sends instead of GS (ASCII 29);
 *                                  {@code '\u001D'} when it sends GS itself
 * @param symbologyIdentifiers      whether the scanner sends the AIM identifier ({@code ]C1} …) first
 * @param interKeyMaxMillis         longest gap between two keys of one scan
 * @param minScanLength             fewest characters (without prefix and terminator) that make a scan
 * @param camera                    whether the device has a camera the client may scan with (ZXing)
 */
public record ScanInput(
        String prefix,
        Terminator terminator,
        char groupSeparatorReplacement,
        boolean symbologyIdentifiers,
        int interKeyMaxMillis,
        int minScanLength,
        boolean camera) {

    /** The group separator GS (ASCII 29) that ends a variable-length GS1 field. */
    public static final char GS = '\u001D';

    static final int PREFIX_MAX_LENGTH = 8;
    static final IntRange INTER_KEY_MAX_MILLIS = new IntRange(1, 200);
    static final IntRange MIN_SCAN_LENGTH = new IntRange(2, 64);

    public ScanInput {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(terminator, "terminator");
        Problems problems = new Problems();
        checkPrefix(problems, prefix);
        checkGroupSeparatorReplacement(problems, groupSeparatorReplacement);
        INTER_KEY_MAX_MILLIS.check(problems, "interKeyMaxMillis", interKeyMaxMillis);
        MIN_SCAN_LENGTH.check(problems, "minScanLength", minScanLength);
        problems.throwIfAny("scanInput");
        crossCheck(problems, prefix, groupSeparatorReplacement);
        problems.throwIfAny("scanInput");
    }

    /** The scan text with each GS replacement turned back into GS, ready for the GS1 codec. */
    public String restoreGroupSeparators(String scanText) {
        return scanText.replace(groupSeparatorReplacement, GS);
    }

    static void checkPrefix(Problems problems, String prefix) {
        if (prefix.length() > PREFIX_MAX_LENGTH) {
            problems.add("prefix", "must be at most " + PREFIX_MAX_LENGTH + " characters, found " + prefix.length());
            return;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            String why = unusable(c);
            if (why == null && c == GS) {
                why = "is GS itself, the separator the replacement stands for";
            }
            if (why != null) {
                problems.add(
                        "prefix",
                        "must use characters outside GS1 set 82 such as \"#\" or \"\\u0002\", found " + describe(c)
                                + " at position " + (i + 1) + ", which " + why);
                return;
            }
        }
    }

    static void checkGroupSeparatorReplacement(Problems problems, char c) {
        String why = unusable(c);
        if (why != null) {
            problems.add(
                    "groupSeparatorReplacement",
                    "must be a character outside GS1 set 82 such as \"~\" or \"|\" "
                            + "(or \"\\u001D\" when the scanner sends GS itself), found " + describe(c) + ", which "
                            + why);
        }
    }

    /** Rules between fields that are each fine on their own. */
    static void crossCheck(Problems problems, String prefix, char groupSeparatorReplacement) {
        if (prefix.indexOf(groupSeparatorReplacement) >= 0) {
            problems.add(
                    "prefix",
                    "must not contain the group-separator replacement " + describe(groupSeparatorReplacement));
        }
    }

    /** Why {@code c} cannot mark scanner framing, or null when it can. */
    private static String unusable(char c) {
        if (Gs1Charset.isSet82(c)) {
            return "is in GS1 set 82, so it can be part of the data";
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            return "is white space, swallowed by wedges and text fields or taken for a terminator";
        }
        if (c == ']') {
            return "starts a symbology identifier";
        }
        return null;
    }

    static String describe(char c) {
        if (c < 0x20 || c == 0x7F || c > 0x7E) {
            return String.format("\"\\u%04X\"", (int) c);
        }
        return "\"" + c + "\"";
    }
}
