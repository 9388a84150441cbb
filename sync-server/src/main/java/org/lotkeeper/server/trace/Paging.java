package org.lotkeeper.server.trace;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;

/**
 * Pages of shipment and return lines: the {@code limit} and {@code after} query parameters, and
 * the cursor of the next page ({@code <time>,<event id>} of the page's last line — opaque to
 * callers, checked when it comes back).
 */
final class Paging {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5_000;
    /** Times a cursor may name: PostgreSQL's timestamps end long before {@link Instant}'s. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Paging() {}

    /** The {@code limit} query parameter as given (missing: the default); 400 naming it unless a whole number in range. */
    static int limit(String limit) {
        return (int) Fields.wholeNumber("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    static TraceQueries.Cursor after(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int comma = text.indexOf(',');
        try {
            if (text.length() > 80 || comma < 0) {
                throw new IllegalArgumentException();
            }
            Instant at = Instant.parse(text.substring(0, comma));
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("outside what the database holds");
            }
            return new TraceQueries.Cursor(at, UUID.fromString(text.substring(comma + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "after is not a cursor this server gave: pass the page's \"next\" as it came",
                    "after");
        }
    }

    /** The page of {@code rows} (fetched with one row more than {@code limit}) as lines, with the cursor after its last line. */
    static <R, L> Views.Page<L> page(
            List<R> rows, int limit, Function<R, L> line, Function<R, TraceQueries.Cursor> position) {
        List<R> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            TraceQueries.Cursor last = position.apply(shown.get(shown.size() - 1));
            next = last.at() + "," + last.eventId();
        }
        return new Views.Page<>(shown.stream().map(line).toList(), next);
    }
}
