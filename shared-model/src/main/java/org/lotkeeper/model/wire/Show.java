package org.lotkeeper.model.wire;

/** Input as it may appear in a message: short, and without control characters. */
final class Show {

    private static final int MAX = 40;

    private Show() {}

    /** Longest detail kept. */
    static final int MAX_DETAIL = 400;

    /**
     * A message safe to show and log: control characters and unpaired surrogates become
     * {@code \\uXXXX}, and it is cut to {@value #MAX_DETAIL} characters.
     */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_DETAIL + 8));
        for (int i = 0; i < s.length() && out.length() < MAX_DETAIL; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_DETAIL) {
            out.append('…');
        }
        return out.toString();
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int n = Math.min(s.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (s.length() > MAX) {
            out.append('…');
        }
        return out.append('\'').toString();
    }
}
