package org.lotkeeper.model.id;

/** An order code (production, sales or purchase order), as printed on the order sheet. */
public record OrderCode(String value) implements TextId, Comparable<OrderCode> {

    public OrderCode {
        Codes.require("order code", value);
    }

    public static OrderCode of(String value) {
        return new OrderCode(value);
    }

    @Override
    public int compareTo(OrderCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
