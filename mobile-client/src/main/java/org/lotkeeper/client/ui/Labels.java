package org.lotkeeper.client.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.profiles.HardwareKeys;
import org.lotkeeper.profiles.Key;
import org.lotkeeper.profiles.KeyAction;

/** Words on the screens that are not the workflows' own sentences. */
final class Labels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private Labels() {}

    static String title(WorkflowKind kind) {
        return switch (kind) {
            case LOGIN -> "Log in";
            case RECEIVE -> "Receive";
            case MOVE -> "Move / put away";
            case PICK -> "Pick";
            case COUNT -> "Count";
            case SHIP -> "Ship";
            case PRODUCE -> "Produce";
            case RETURN -> "Return";
            case LOOKUP -> "Lot lookup";
            case HOLD -> "Put lot on hold";
            case PACK -> "Pack / unpack pallet";
            case TRANSFER_IN -> "Receive transfer";
        };
    }

    /** "F1" or "F1/F2" for the keys that do {@code action}; empty when none does. */
    static String keysFor(HardwareKeys keys, KeyAction action) {
        List<Key> found = keys.keysFor(action);
        return found.stream()
                .map(Key::name)
                .map(n -> n.equals("ESCAPE") ? "Esc" : n)
                .collect(Collectors.joining("/"));
    }

    /** "14:05" today, "3 Nov 14:05" otherwise, "never" for null. */
    static String when(Instant at, ZoneId zone, Instant now) {
        if (at == null) {
            return "never";
        }
        boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DAY_TIME).format(at.atZone(zone));
    }
}
