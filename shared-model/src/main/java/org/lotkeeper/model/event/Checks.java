package org.lotkeeper.model.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.InvalidQuantityException.Reason;
import org.lotkeeper.model.quantity.Quantity;

/** The invariants the payload records share. */
final class Checks {

    private Checks() {}

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static Quantity positive(Quantity q, String field) {
        required(q, field);
        if (!q.isPositive()) {
            throw new InvalidQuantityException(
                    Reason.NOT_POSITIVE, field + " must be greater than zero, not " + q.valueText());
        }
        return q;
    }

    static LocalDate date(LocalDate date, String field) {
        if (date != null && !EventBounds.isAllowedDate(date)) {
            throw new IllegalArgumentException(field + " " + date + " lies outside " + EventBounds.describeDates());
        }
        return date;
    }

    static <T> List<T> lines(List<T> lines, String field, int max) {
        required(lines, field);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(field + " needs at least one line");
        }
        if (lines.size() > max) {
            throw new IllegalArgumentException(
                    field + " has " + lines.size() + " lines; at most " + max + " are allowed");
        }
        return List.copyOf(lines);
    }
}
