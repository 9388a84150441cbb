package org.lotkeeper.profiles;

/** The colour theme the client starts with (the operator may change it in Settings). */
public enum Theme {
    /** The ordinary theme. */
    NORMAL,
    /** Black on white (or white on black), no pastel states; for sunlight, cold stores and arm's length. */
    HIGH_CONTRAST
}
