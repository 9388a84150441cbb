package org.lotkeeper.profiles;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A hardware key a profile may give a meaning: its name is the name of the JavaFX
 * {@code KeyCode} the client receives ({@code F1}, {@code ESCAPE} …), so the client maps it with
 * {@code KeyCode.valueOf(key.name())} and this module needs no JavaFX.
 *
 * <p>Only keys that are not needed for typing or navigating can be given a meaning: F1–F24,
 * SOFTKEY_0–SOFTKEY_9, ENTER, TAB, ESCAPE, PAGE_UP, PAGE_DOWN, HOME and END. Letters, digits,
 * arrows, BACK_SPACE and DELETE keep their ordinary meaning.
 */
public record Key(String name) {

    /** Every name a profile may use, in a stable order. */
    public static final Set<String> NAMES = names();

    public static final Key ENTER = new Key("ENTER");
    public static final Key TAB = new Key("TAB");

    public Key {
        Objects.requireNonNull(name, "name");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("Not a key a profile can use: '" + name + "'; one of " + NAMES);
        }
    }

    /** The key with this name; see {@link #NAMES}. */
    public static Key of(String name) {
        return new Key(name);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i <= 24; i++) {
            names.add("F" + i);
        }
        for (int i = 0; i <= 9; i++) {
            names.add("SOFTKEY_" + i);
        }
        names.addAll(List.of("ENTER", "TAB", "ESCAPE", "PAGE_UP", "PAGE_DOWN", "HOME", "END"));
        return Collections.unmodifiableSet(names);
    }
}
