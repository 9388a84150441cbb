package org.lotkeeper.model.id;

import java.util.UUID;

import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

/**
 * An event's identity: a UUID made on the device when the scan is captured. Any UUID version is
 * accepted on the wire; devices make version 7 ({@link UuidV7Generator}).
 */
public record EventId(UUID value) implements Comparable<EventId> {

    public EventId {
        if (value == null) {
            throw new InvalidIdentifierException("event id", Reason.EMPTY, -1, "event id is empty");
        }
    }

    /** Parses the canonical 36-character form (8-4-4-4-12 hex digits, either case). */
    public static EventId parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidIdentifierException("event id", Reason.EMPTY, -1, "event id is empty");
        }
        if (text.length() != 36) {
            throw new InvalidIdentifierException(
                    "event id",
                    Reason.BAD_FORMAT,
                    -1,
                    "event id must be a UUID of 36 characters, like 01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f");
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean ok = dash ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                throw new InvalidIdentifierException(
                        "event id",
                        Reason.BAD_CHARACTER,
                        i,
                        "event id is not a UUID: unexpected '" + Gs1Digits.printable(c) + "' at position " + (i + 1));
            }
        }
        return new EventId(UUID.fromString(text));
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    /** Lower-case canonical form. */
    @Override
    public String toString() {
        return value.toString();
    }
}
