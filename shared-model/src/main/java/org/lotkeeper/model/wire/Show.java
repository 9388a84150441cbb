package org.lotkeeper.model.wire;

/** Input as it may appear in a message: short, and without control characters. */
final class Show {

    private static final int MAX = 40;

    private Show() {
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
