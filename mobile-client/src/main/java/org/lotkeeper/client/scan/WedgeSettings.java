package org.lotkeeper.client.scan;

import java.util.Objects;

/**
 * How a keyboard-wedge scanner is set up, as its device profile says (the few settings the scan
 * path needs; the full profile lives in {@code device-profiles}).
 *
 * @param prefix            characters the scanner sends before every barcode (stripped); empty for none
 * @param suffix            characters it sends after the barcode, before the terminator (stripped); empty for none
 * @param terminator        the key that ends a barcode
 * @param gsReplacement     the character the scanner types instead of GS (ASCII 29), e.g. {@code '~'};
 *                          null when it sends GS itself
 * @param maxInterKeyMillis the longest gap between two keystrokes of one scan; slower typing is a person
 * @param minScanLength     the fewest characters a scan has; shorter fast bursts count as typing
 */
public record WedgeSettings(
        String prefix,
        String suffix,
        Terminator terminator,
        Character gsReplacement,
        long maxInterKeyMillis,
        int minScanLength) {

    /** The key that ends a barcode. */
    public enum Terminator {
        ENTER,
        TAB
    }

    /** Checks the settings. */
    public WedgeSettings {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        Objects.requireNonNull(terminator, "terminator");
        if (maxInterKeyMillis <= 0) {
            throw new IllegalArgumentException("maxInterKeyMillis must be positive, not " + maxInterKeyMillis);
        }
        if (minScanLength < 1) {
            throw new IllegalArgumentException("minScanLength must be at least 1, not " + minScanLength);
        }
        if (gsReplacement != null && gsReplacement == 29) {
            gsReplacement = null;
        }
    }

    /** The common set-up: no prefix or suffix, Enter, GS sent as is, 30 ms between keys, 4 characters. */
    public static WedgeSettings defaults() {
        return new WedgeSettings("", "", Terminator.ENTER, null, 30, 4);
    }

    /** The same settings with another GS replacement character. */
    public WedgeSettings withGsReplacement(Character replacement) {
        return new WedgeSettings(prefix, suffix, terminator, replacement, maxInterKeyMillis, minScanLength);
    }
}
