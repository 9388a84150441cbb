package org.lotkeeper.server.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;
import org.lotkeeper.model.quantity.Quantity;

/** How the console writes quantities and times: {@code 300 kg}, {@code 2026-11-20 14:05 UTC}. */
@TemplateExtension
public final class ConsoleFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ConsoleFormat() {}

    /** {@code {quantity.text}} */
    public static String text(Quantity q) {
        return q == null ? "" : q.toString();
    }

    /** {@code {instant.text}} */
    public static String text(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
