package org.lotkeeper.server.masterdata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.untrusted.Shown;

/**
 * Times as people read them in the console and the reports: in a site's time zone (master data's
 * {@code timeZone}, an IANA name such as {@code Europe/Berlin}), else the plant-wide default
 * ({@code lotkeeper.time-zone}; UTC when unset), to the minute, with the zone named —
 * {@code 2026-12-05 23:22 CET}. The API, the CSV files and EPCIS keep full ISO-8601 instants.
 */
public final class PlantTime {

    private static final String KEY = "lotkeeper.time-zone";
    private static final int MAX_NAME = 40;
    private static final Map<ZoneId, DateTimeFormatter> MINUTES = new ConcurrentHashMap<>();

    private PlantTime() {}

    /** The plant-wide default zone; a name Java does not know fails at start-up, never on a page. */
    public static ZoneId zone() {
        return Holder.ZONE;
    }

    /** {@code 2026-12-05 23:22 CET} in the plant-wide zone; empty for null. */
    public static String format(Instant t) {
        return format(t, zone());
    }

    /** {@code 2026-12-05 23:22 CET} in {@code zone}; empty for null. */
    public static String format(Instant t, ZoneId zone) {
        return t == null
                ? ""
                : MINUTES.computeIfAbsent(
                                zone,
                                z -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT)
                                        .withZone(z))
                        .format(t);
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

    /**
     * A site's zone from master data: a region of the IANA time-zone database ({@code Europe/Berlin},
     * {@code America/Chicago}, {@code UTC}; in any case) — not a bare offset, which would be wrong
     * half the year.
     */
    public static ZoneId region(String name) {
        if (name.length() <= MAX_NAME) {
            // any case: "america/chicago" is America/Chicago
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(name.strip())) {
                    return ZoneId.of(id);
                }
            }
        }
        String shown = Shown.of(name, MAX_NAME);
        throw new InvalidIdentifierException(
                "time zone",
                InvalidIdentifierException.Reason.BAD_FORMAT,
                -1,
                "time zone '" + shown + "' is not a region of the time-zone database; use a name such as "
                        + "Europe/Berlin, America/Chicago or UTC");
    }

    private static final class Holder {
        static final ZoneId ZONE = parse(
                ConfigProvider.getConfig().getOptionalValue(KEY, String.class).orElse("UTC"));
    }
}
