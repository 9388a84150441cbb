package org.lotkeeper.server.console;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.core.NewCookie;

/**
 * Redirect after POST: what a form's answer must say (a notice, an error, a new enrollment code)
 * rides in a short-lived cookie to the page the browser is sent to, so the address bar never keeps
 * a POST URL and a reload never submits again. The cookies are HttpOnly, SameSite=Strict, scoped
 * to the console (the enrollment code to the devices page) and live a minute or two; the page that
 * shows them clears them ({@link ConsoleFlashFilter}). A code never reaches a URL or an access log.
 */
final class ConsoleFlash {

    static final String MESSAGE = "lk_flash";
    static final String ENROLLMENT = "lk_enrollment";
    static final String CONSOLE_PATH = "/console";
    static final String DEVICES_PATH = "/console/devices";
    private static final int MAX_MESSAGE = 600;

    /** A message the next page shows: a notice, or an error. */
    record Message(boolean error, String text) {}

    private ConsoleFlash() {}

    static NewCookie notice(boolean secure, String text) {
        return message(secure, false, text);
    }

    static NewCookie error(boolean secure, String text) {
        return message(secure, true, text);
    }

    private static NewCookie message(boolean secure, boolean error, String text) {
        String cut = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 1) + "…" : text;
        return cookie(MESSAGE, CONSOLE_PATH, (error ? "e:" : "n:") + cut, 60, secure);
    }

    /** A new enrollment code for the devices page; shown there once. */
    static NewCookie enrollment(boolean secure, String code) {
        return cookie(ENROLLMENT, DEVICES_PATH, code, 120, secure);
    }

    /** The cookie value read back; empty when absent or not one of ours. */
    static Optional<Message> read(String value) {
        if (value == null || value.length() < 2) {
            return Optional.empty();
        }
        String text = URLDecoder.decode(value, StandardCharsets.UTF_8);
        if (!text.startsWith("e:") && !text.startsWith("n:")) {
            return Optional.empty();
        }
        return Optional.of(new Message(text.startsWith("e:"), text.substring(2)));
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Clears a flash cookie once its page has shown it. */
    static NewCookie cleared(String name, String path, boolean secure) {
        return cookie(name, path, "", 0, secure);
    }

    private static NewCookie cookie(String name, String path, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(name)
                .value(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
