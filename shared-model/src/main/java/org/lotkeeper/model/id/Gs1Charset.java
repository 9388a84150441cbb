package org.lotkeeper.model.id;

/**
 * GS1 AI encodable character set 82: {@code !"%&'()*+,-./0-9:;<=>?A-Z_a-z}. No space and none
 * of {@code #$@[\]^`{|}~}.
 */
public final class Gs1Charset {

    private static final boolean[] SET_82 = new boolean[128];

    static {
        for (char c : "!\"%&'()*+,-./:;<=>?_".toCharArray()) {
            SET_82[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            SET_82[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            SET_82[c] = true;
            SET_82[c + ('a' - 'A')] = true;
        }
    }

    private Gs1Charset() {}

    public static boolean isSet82(char c) {
        return c < 128 && SET_82[c];
    }

    /** Index of the first character outside set 82, or -1. */
    public static int firstOutsideSet82(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSet82(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
