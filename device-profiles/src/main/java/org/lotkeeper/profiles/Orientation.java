package org.lotkeeper.profiles;

/** The screen orientation the client locks to; {@link Screen}'s pixel sizes are given in it. */
public enum Orientation {
    /** Taller than wide. */
    PORTRAIT,
    /** Wider than tall. */
    LANDSCAPE
}
