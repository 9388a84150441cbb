package org.lotkeeper.profiles;

import java.util.Objects;

/**
 * One thing wrong with a profile.
 *
 * @param path    where, as a JSON path without the leading {@code $.}: {@code scanInput.interKeyMaxMillis},
 *                {@code workflows[2]}, {@code hardwareKeys.functionKeys.F1}; empty for the whole document
 * @param message what is wrong, as a sentence that continues the path: {@code must be between 1 and 200}
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code scanInput.interKeyMaxMillis must be between 1 and 200}; for the whole document just the message. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + " " + message;
    }
}
