package org.lotkeeper.client.scan;

/**
 * One key event from the keyboard path, with the time it arrived (milliseconds from any fixed
 * origin, e.g. {@code System.nanoTime() / 1_000_000} or the UI toolkit's event time).
 */
public sealed interface WedgeKey {

    /** When the key arrived, in milliseconds. */
    long atMillis();

    /** A typed character (the UI passes the character of a key-typed event). */
    record Char(char character, long atMillis) implements WedgeKey {}

    /** The Enter key. */
    record Enter(long atMillis) implements WedgeKey {}

    /** The Tab key. */
    record Tab(long atMillis) implements WedgeKey {}

    /** A character key. */
    static WedgeKey ch(char c, long atMillis) {
        return new Char(c, atMillis);
    }

    /** The Enter key. */
    static WedgeKey enter(long atMillis) {
        return new Enter(atMillis);
    }

    /** The Tab key. */
    static WedgeKey tab(long atMillis) {
        return new Tab(atMillis);
    }
}
