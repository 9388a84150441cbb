package org.lotkeeper.server.labels;

/**
 * Reads ZPL {@code ^BC} field data back the way the printer does: invocation codes {@code >;}
 * {@code >:} (start C, B), {@code >5} {@code >6} (to C, B), {@code >8} (FNC1: dropped when
 * first, GS after), {@code ><} ({@code >}); subset C takes digit pairs only.
 */
final class ZplCode128 {

    private ZplCode128() {}

    static String decode(String field) {
        StringBuilder out = new StringBuilder();
        char set = 0;
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '>') {
                char code = field.charAt(i + 1);
                switch (code) {
                    case ';', '5' -> set = 'C';
                    case ':', '6' -> set = 'B';
                    case '8' -> {
                        if (out.length() > 0) {
                            out.append((char) 29);
                        }
                    }
                    case '<' -> {
                        requireB(set, field, i);
                        out.append('>');
                    }
                    default -> throw new IllegalArgumentException("unknown invocation >" + code + " in " + field);
                }
                i += 2;
            } else if (set == 'C') {
                if (i + 1 >= field.length() || !Character.isDigit(c) || !Character.isDigit(field.charAt(i + 1))) {
                    throw new IllegalArgumentException("subset C needs digit pairs at " + i + " in " + field);
                }
                out.append(field, i, i + 2);
                i += 2;
            } else {
                requireB(set, field, i);
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void requireB(char set, String field, int at) {
        if (set != 'B') {
            throw new IllegalArgumentException("a character outside subset B at " + at + " in " + field);
        }
    }
}
