package org.lotkeeper.model.id;

/** A location (bin) code, as printed on the bin label. */
public record LocationCode(String value) implements TextId, Comparable<LocationCode> {

    public LocationCode {
        Codes.require("location code", value);
    }

    public static LocationCode of(String value) {
        return new LocationCode(value);
    }

    @Override
    public int compareTo(LocationCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
