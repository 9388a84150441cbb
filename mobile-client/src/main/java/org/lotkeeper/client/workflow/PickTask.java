package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * An order to pick. The device plans each line itself with FEFO over its local stock (the same
 * function the server uses for pick lists), so a task names no lots.
 *
 * @param order    the order
 * @param customer its customer, or null (an internal order); the customer's minimum remaining
 *                 shelf life applies
 * @param lines    what to pick, at least one line
 */
public record PickTask(Reference order, PartnerCode customer, List<Line> lines) {

    public PickTask {
        Objects.requireNonNull(order, "order");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a pick task needs at least one line");
        }
    }

    /**
     * One line.
     *
     * @param item     the item
     * @param quantity how much, greater than zero, in the item's base unit
     */
    public record Line(ItemCode item, Quantity quantity) {

        public Line {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(quantity, "quantity").requirePositive();
        }
    }
}
