package org.lotkeeper.client.scan;

import java.util.Objects;
import java.util.Optional;

/**
 * Turns keystrokes from the keyboard path into scans. A hardware scanner in keyboard-wedge mode
 * "types" a barcode as a burst of keys much faster than a person can, then its terminator (Enter
 * or Tab). This class tells the two apart by the gaps between keys:
 *
 * <ul>
 *   <li>When the terminator arrives and the last run of keys whose gaps are all at most
 *       {@link WedgeSettings#maxInterKeyMillis()} (the terminator included) has at least
 *       {@link WedgeSettings#minScanLength()} characters, that run is a {@link ScanSource#WEDGE}
 *       scan: the profile's prefix and suffix are stripped and its GS replacement character
 *       becomes GS (ASCII 29). Keys typed slowly before the burst (a stray key press) are dropped.</li>
 *   <li>Otherwise the whole input is {@link ScanSource#MANUAL} text, stripped of surrounding
 *       blanks; nothing is replaced (a person cannot type GS; the decoder is told the profile's
 *       replacement character separately).</li>
 * </ul>
 * A symbology identifier ({@code ]C1} …) sent by the scanner is kept: the decoder reads it. Enter
 * always ends the input (a person typing presses it); Tab ends it only when it is the
 * terminator, else it is the character {@code '\t'} (some profiles send Tab for GS).
 *
 * <p>Not thread-safe: feed it from the one thread that receives key events.
 */
public final class WedgeInput {

    /** Longer input is cut: no barcode is this long, and a stuck key must not exhaust memory. */
    static final int MAX_BUFFER = 4096;

    private final WedgeSettings settings;
    private final StringBuilder buffer = new StringBuilder();
    private int runStart;
    private long lastKeyAt;

    public WedgeInput(WedgeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings in use. */
    public WedgeSettings settings() {
        return settings;
    }

    /**
     * Feeds one key; returns the finished scan when the key ended the input.
     *
     * @return the scan when {@code key} was the terminator (or Enter) after some input, else empty
     */
    public Optional<RawScan> key(WedgeKey key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof WedgeKey.Enter
                || (key instanceof WedgeKey.Tab && settings.terminator() == WedgeSettings.Terminator.TAB)) {
            return finish(key.atMillis());
        }
        char c = key instanceof WedgeKey.Char ch ? ch.character() : '\t';
        if (buffer.length() > 0 && key.atMillis() - lastKeyAt > settings.maxInterKeyMillis()) {
            runStart = buffer.length();
        }
        if (buffer.length() < MAX_BUFFER) {
            buffer.append(c);
        }
        lastKeyAt = key.atMillis();
        return Optional.empty();
    }

    /** Forgets any unfinished input (e.g. when the screen changes). */
    public void reset() {
        buffer.setLength(0);
        runStart = 0;
    }

    private Optional<RawScan> finish(long at) {
        if (buffer.length() == 0) {
            return Optional.empty();
        }
        boolean fastEnd = at - lastKeyAt <= settings.maxInterKeyMillis();
        int runLength = buffer.length() - runStart;
        String all = buffer.toString();
        String run = all.substring(runStart);
        reset();
        if (fastEnd && runLength >= settings.minScanLength()) {
            return Optional.of(RawScan.of(normalise(run), ScanSource.WEDGE));
        }
        return Optional.of(RawScan.manual(all));
    }

    private String normalise(String text) {
        String t = text;
        if (!settings.prefix().isEmpty() && t.startsWith(settings.prefix())) {
            t = t.substring(settings.prefix().length());
        }
        if (!settings.suffix().isEmpty() && t.endsWith(settings.suffix())) {
            t = t.substring(0, t.length() - settings.suffix().length());
        }
        if (settings.gsReplacement() != null) {
            t = t.replace(settings.gsReplacement().charValue(), (char) 29);
        }
        return t;
    }
}
