package org.lotkeeper.model.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The plausibility bounds every event obeys. They keep nonsense (year 0001, year 9999, a
 * million-line batch) out of the ledger and out of the databases that must store it; real
 * values are far inside them.
 *
 * <ul>
 *   <li>{@code occurredAt}: from {@value #EARLIEST_OCCURRED_AT} (inclusive) to
 *       {@value #LATEST_OCCURRED_AT} (exclusive); kept to millisecond precision.</li>
 *   <li>Dates ({@code expiry}, {@code manufactured}): from {@value #EARLIEST_DATE} (inclusive) to
 *       {@value #LATEST_DATE} (exclusive) — old retained samples and "best before 2199" labels
 *       fit, typing slips like 0202 or 20255 do not.</li>
 *   <li>Lines per TRANSFORM side or PACK/UNPACK container: at most {@value #MAX_LINES}.</li>
 *   <li>Documents on a RECEIVE: at most {@value #MAX_DOCUMENTS}.</li>
 * </ul>
 */
public final class EventBounds {

    /** Earliest allowed {@code occurredAt}, inclusive. */
    public static final String EARLIEST_OCCURRED_AT = "2000-01-01T00:00:00Z";
    /** Latest allowed {@code occurredAt}, exclusive. */
    public static final String LATEST_OCCURRED_AT = "2100-01-01T00:00:00Z";
    /** Earliest allowed date, inclusive. */
    public static final String EARLIEST_DATE = "1900-01-01";
    /** Latest allowed date, exclusive. */
    public static final String LATEST_DATE = "2200-01-01";
    /** Most lines in one list of an event (inputs, outputs, contents). */
    public static final int MAX_LINES = 500;
    /** Most documents named by one RECEIVE. */
    public static final int MAX_DOCUMENTS = 50;

    private static final Instant FIRST_INSTANT = Instant.parse(EARLIEST_OCCURRED_AT);
    private static final Instant END_INSTANT = Instant.parse(LATEST_OCCURRED_AT);
    private static final LocalDate FIRST_DATE = LocalDate.parse(EARLIEST_DATE);
    private static final LocalDate END_DATE = LocalDate.parse(LATEST_DATE);

    private EventBounds() {}

    /** True when {@code t} is an acceptable {@code occurredAt}. */
    public static boolean isAllowedOccurredAt(Instant t) {
        return !t.isBefore(FIRST_INSTANT) && t.isBefore(END_INSTANT);
    }

    /** True when {@code d} is an acceptable expiry or manufacturing date. */
    public static boolean isAllowedDate(LocalDate d) {
        return !d.isBefore(FIRST_DATE) && d.isBefore(END_DATE);
    }

    static String describeOccurredAt() {
        return "the allowed range " + EARLIEST_OCCURRED_AT + " to " + LATEST_OCCURRED_AT + " (exclusive)";
    }

    static String describeDates() {
        return "the allowed range " + EARLIEST_DATE + " to " + LATEST_DATE + " (exclusive)";
    }
}
