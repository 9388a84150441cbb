package org.lotkeeper.server.boot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Times as people read them in the console and the reports: in the plant's time zone
 * ({@code lotkeeper.time-zone}, an IANA name such as {@code Europe/Berlin}; UTC when unset), to
 * the minute, with the zone named — {@code 2026-12-05 23:22 CET}. The API, the CSV files and
 * EPCIS keep full ISO-8601 instants.
 */
public final class PlantTime {

    private static final String KEY = "lotkeeper.time-zone";

    private PlantTime() {}

    /** The configured zone; a name Java does not know fails at start-up, never on a page. */
    public static ZoneId zone() {
        return Holder.ZONE;
    }

    /** {@code 2026-12-05 23:22 CET}; empty for null. */
    public static String format(Instant t) {
        return t == null ? "" : Holder.MINUTE.format(t);
    }

    /** Checks the setting (called at start-up so a typo stops the server with a sentence). */
    public static ZoneId parse(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    KEY + " must be a time zone such as Europe/Berlin or America/Chicago, not '" + name + "'", e);
        }
    }

    private static final class Holder {
        static final ZoneId ZONE = parse(
                ConfigProvider.getConfig().getOptionalValue(KEY, String.class).orElse("UTC"));
        static final DateTimeFormatter MINUTE =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT).withZone(ZONE);
    }
}
