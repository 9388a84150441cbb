package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * Work for a device (pull {@code tasks[]}): a pick list, a count task … Kept generic: the kind is
 * text (e.g. {@code PICK}, {@code COUNT}) so new kinds need no new client; a device shows kinds it
 * does not know as plain lists.
 *
 * @param id      the task's reference (a COUNT event names it in {@code task}; a PICK task's id is the order)
 * @param kind    what kind of task ({@code PICK}, {@code RECEIPT}, {@code COUNT} …)
 * @param lines   what to do; empty when none
 * @param partner the customer of a pick task, the supplier of an expected receipt, or null
 */
public record TaskRow(Reference id, String kind, List<Line> lines, PartnerCode partner) {

    /** Checks the invariants; copies the list. */
    public TaskRow {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(kind, "kind is required");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A task without a partner. */
    public TaskRow(Reference id, String kind, List<Line> lines) {
        this(id, kind, lines, null);
    }

    /**
     * One line of a task; which fields are set depends on the kind.
     *
     * @param item     the item
     * @param lot      the lot, or null (a pick line leaves it to FEFO)
     * @param location the location, or null
     * @param quantity the quantity, or null (a blind count has none)
     * @param order    the order, or null
     */
    public record Line(ItemCode item, LotCode lot, LocationCode location, Quantity quantity, Reference order) {

        /** Checks the invariants. */
        public Line {
            Objects.requireNonNull(item, "item is required");
        }
    }
}
