package org.lotkeeper.model.id;

/** A shipment (delivery) code, as printed on the delivery note. */
public record ShipmentCode(String value) implements TextId, Comparable<ShipmentCode> {

    public ShipmentCode {
        Codes.require("shipment code", value);
    }

    public static ShipmentCode of(String value) {
        return new ShipmentCode(value);
    }

    @Override
    public int compareTo(ShipmentCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
