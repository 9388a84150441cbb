package org.lotkeeper.model.wire;

/** Field paths: {@code a.b[2].c}. */
final class Paths {

    private Paths() {}

    /** {@code prefix.name}, or whichever of the two is not empty. */
    static String join(String prefix, String name) {
        if (prefix == null || prefix.isEmpty()) {
            return name;
        }
        if (name == null || name.isEmpty()) {
            return prefix;
        }
        return name.startsWith("[") ? prefix + name : prefix + "." + name;
    }

    static String index(String prefix, int i) {
        return (prefix == null ? "" : prefix) + "[" + i + "]";
    }
}
