package org.lotkeeper.profiles;

/**
 * GS1 AI encodable character set 82: {@code !"%&'()*+,-./0-9:;<=>?A-Z_a-z}. A copy of the rule
 * in shared-model's {@code Gs1Charset}; this module depends on Jackson only.
 */
final class Gs1Set82 {

    private static final String PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

    private Gs1Set82() {
    }

    static boolean contains(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || PUNCTUATION.indexOf(c) >= 0;
    }
}
