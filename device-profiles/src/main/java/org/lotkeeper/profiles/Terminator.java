package org.lotkeeper.profiles;

import java.util.Optional;

/** What a keyboard-wedge scanner sends after the data of one scan. */
public enum Terminator {
    /** The ENTER key. */
    ENTER(Key.ENTER.name()),
    /** The TAB key. */
    TAB(Key.TAB.name()),
    /** Nothing: the scan ends when no key follows within {@link ScanInput#interKeyMaxMillis()}. */
    NONE(null);

    private final String keyName;

    Terminator(String keyName) {
        this.keyName = keyName;
    }

    /** The key the scanner sends, empty for {@link #NONE}. */
    public Optional<Key> key() {
        return Optional.ofNullable(keyName).map(Key::new);
    }
}
