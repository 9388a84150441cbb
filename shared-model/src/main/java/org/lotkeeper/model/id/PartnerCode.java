package org.lotkeeper.model.id;

/** A supplier, customer or carrier code. */
public record PartnerCode(String value) implements TextId, Comparable<PartnerCode> {

    public PartnerCode {
        Codes.require("partner code", value);
    }

    public static PartnerCode of(String value) {
        return new PartnerCode(value);
    }

    @Override
    public int compareTo(PartnerCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
