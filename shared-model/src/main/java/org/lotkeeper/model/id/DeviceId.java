package org.lotkeeper.model.id;

/** A device id, assigned by the server at enrollment. */
public record DeviceId(String value) implements TextId, Comparable<DeviceId> {

    public DeviceId {
        Codes.require("device id", value);
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
