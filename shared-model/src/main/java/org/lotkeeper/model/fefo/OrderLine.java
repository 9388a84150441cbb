package org.lotkeeper.model.fefo;

import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.quantity.Quantity;

/**
 * What a picker must pick: an item, a quantity in the item's base unit, and the minimum remaining
 * shelf life the customer and the item ask for (each 0 when not set).
 *
 * @param item                              the item ordered
 * @param quantity                          how much, greater than zero, in the item's base unit
 * @param customerMinRemainingShelfLifeDays the customer's minimum remaining shelf life in days, 0 when unset
 * @param itemMinRemainingShelfLifeDays     the item's minimum remaining shelf life in days, 0 when unset
 */
public record OrderLine(
        ItemCode item, Quantity quantity, int customerMinRemainingShelfLifeDays, int itemMinRemainingShelfLifeDays) {

    /** Validates the line: a positive quantity and minimums of 0 or more days. */
    public OrderLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(quantity, "quantity").requirePositive();
        ShelfLife.requiredRemainingDays(customerMinRemainingShelfLifeDays, itemMinRemainingShelfLifeDays);
    }

    /** A line without any minimum remaining shelf life. */
    public static OrderLine of(ItemCode item, Quantity quantity) {
        return new OrderLine(item, quantity, 0, 0);
    }

    /** The minimum remaining shelf life a picked lot must have: the larger of the two minimums. */
    public int requiredRemainingShelfLifeDays() {
        return ShelfLife.requiredRemainingDays(customerMinRemainingShelfLifeDays, itemMinRemainingShelfLifeDays);
    }
}
