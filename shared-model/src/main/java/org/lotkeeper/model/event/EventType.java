package org.lotkeeper.model.event;

import java.util.EnumSet;
import java.util.Set;

import org.lotkeeper.model.auth.Role;

/** The event types of the wire contract (docs/PROTOCOL.md), with the roles that may capture each. */
public enum EventType {
    RECEIVE(Role.RECEIVER),
    MOVE(Role.OPERATOR),
    PICK(Role.OPERATOR),
    COUNT(Role.OPERATOR),
    SHIP(Role.OPERATOR),
    TRANSFORM(Role.OPERATOR),
    /** From a device only ON_HOLD: an operator who finds a damaged drum, QA or a supervisor. */
    STATUS(Role.OPERATOR, Role.QA, Role.SUPERVISOR),
    RETURN(Role.RECEIVER),
    /** Approved count variances and scrap. */
    ADJUST(Role.SUPERVISOR),
    PACK(Role.OPERATOR),
    UNPACK(Role.OPERATOR),
    /**
     * Test results judged against the specification: recorded by QA on the server; from a device only
     * the supplier's COA results of a lot, keyed by the receiver at the dock.
     */
    INSPECT(Role.QA, Role.RECEIVER),
    /** Loading a transfer order to a sister site, like a shipment. */
    TRANSFER_OUT(Role.OPERATOR),
    /** Receiving a transfer from a sister site at the dock. */
    TRANSFER_IN(Role.RECEIVER);

    @SuppressWarnings("ImmutableEnumChecker") // Set.copyOf: unmodifiable
    private final Set<Role> capturedBy;

    EventType(Role first, Role... more) {
        this.capturedBy = Set.copyOf(EnumSet.of(first, more));
    }

    /** The roles of which a user needs one to capture this event; ADMIN holds every right. */
    public Set<Role> capturedBy() {
        return capturedBy;
    }

    public boolean mayBeCapturedBy(Set<Role> roles) {
        return roles.contains(Role.ADMIN) || roles.stream().anyMatch(capturedBy::contains);
    }
}
