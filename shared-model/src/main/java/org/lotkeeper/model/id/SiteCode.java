package org.lotkeeper.model.id;

/** A site (plant) code. */
public record SiteCode(String value) implements TextId, Comparable<SiteCode> {

    public SiteCode {
        Codes.require("site code", value);
    }

    public static SiteCode of(String value) {
        return new SiteCode(value);
    }

    @Override
    public int compareTo(SiteCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
