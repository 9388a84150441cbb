package org.lotkeeper.model.id;

/** An item (material or product) code from master data. */
public record ItemCode(String value) implements TextId, Comparable<ItemCode> {

    public ItemCode {
        Codes.require("item code", value);
    }

    public static ItemCode of(String value) {
        return new ItemCode(value);
    }

    @Override
    public int compareTo(ItemCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
