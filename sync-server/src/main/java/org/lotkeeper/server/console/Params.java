package org.lotkeeper.server.console;

/**
 * Query parameters of console pages (search terms, page keys) are checked before they reach a
 * query: at most {@code max} characters and no control characters, else a 400 page.
 */
final class Params {

    private Params() {}

    /** The trimmed value, or null when absent or blank. */
    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new ConsoleProblem(400, "The " + name + " is too long: at most " + max + " characters.", false);
        }
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ConsoleProblem(400, "The " + name + " holds control characters; type or paste it again.", false);
        }
        return v;
    }

    /** A page key: "" for the first page. */
    static String key(String name, String value) {
        String v = text(name, value, 200);
        return v == null ? "" : v;
    }
}
