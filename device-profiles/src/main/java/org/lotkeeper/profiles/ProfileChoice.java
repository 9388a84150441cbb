package org.lotkeeper.profiles;

import java.util.Objects;
import java.util.Optional;

/**
 * The profile the client should use, how it was found, and (when the client should tell the
 * operator something) a note to show, e.g. {@code Unknown device model 'XYZ' — using the default
 * profile 'generic-touch'; choose a profile in Settings}.
 */
public record ProfileChoice(DeviceProfile profile, Basis basis, Optional<String> note) {

    /** How the profile was found. */
    public enum Basis {
        /** The name chosen in Settings. */
        CHOSEN,
        /** A model pattern matched the device's model. */
        MODEL,
        /** Nothing matched: the registry's default. */
        DEFAULT
    }

    public ProfileChoice {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(note, "note");
        if (basis == Basis.DEFAULT && note.isEmpty()) {
            throw new IllegalArgumentException("A fallback to the default profile must say so in a note");
        }
    }

    /** True when nothing matched and the default profile is used; {@link #note()} then says so. */
    public boolean isFallback() {
        return basis == Basis.DEFAULT;
    }
}
