package org.lotkeeper.model.id;

/** A user's login id. */
public record UserId(String value) implements TextId, Comparable<UserId> {

    public UserId {
        Codes.require("user id", value);
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
