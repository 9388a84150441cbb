package org.lotkeeper.model.gs1;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The GS1 sliding century window for YYMMDD dates, from an injectable clock. The current year is
 * cached until the clock leaves it, so a decode costs one {@code clock.millis()}.
 */
final class CenturyWindow {

    private record Cached(int year, long fromMillis, long toMillis) {}

    private final Clock clock;
    private volatile Cached cached;

    CenturyWindow(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** This year, in the clock's zone. */
    int thisYear() {
        long now = clock.millis();
        Cached c = cached;
        if (c != null && now >= c.fromMillis && now < c.toMillis) {
            return c.year;
        }
        ZoneId zone = clock.getZone();
        int year = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone).getYear();
        long from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        long to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        cached = new Cached(year, from, to);
        return year;
    }

    /**
     * The full year for two digits: d = YY − (this year mod 100); 51 ≤ d ≤ 99 → previous century;
     * −99 ≤ d ≤ −50 → next century; else this century.
     */
    static int fullYear(int yy, int thisYear) {
        int century = thisYear - Math.floorMod(thisYear, 100);
        int d = yy - Math.floorMod(thisYear, 100);
        if (d >= 51) {
            return century - 100 + yy;
        }
        if (d <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /** The window is [this year − 49, this year + 50]. */
    static boolean inWindow(int year, int thisYear) {
        return year >= thisYear - 49 && year <= thisYear + 50;
    }
}
