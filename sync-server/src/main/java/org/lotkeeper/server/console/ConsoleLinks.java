package org.lotkeeper.server.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Console URLs. Lot codes may hold any GS1 character ({@code / ? # % &}), so lots are named by
 * query parameters, percent-encoded here; the templates only HTML-escape.
 */
final class ConsoleLinks {

    private ConsoleLinks() {}

    static String lot(String item, String lot) {
        return "/console/lot?item=" + enc(item) + "&lot=" + enc(lot);
    }

    static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
