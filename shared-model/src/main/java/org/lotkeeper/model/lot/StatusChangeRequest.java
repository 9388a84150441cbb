package org.lotkeeper.model.lot;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.lotkeeper.model.auth.Role;

/**
 * Everything {@link LotStatusRules#decide(StatusChangeRequest)} needs to judge one status change of
 * one lot. The caller looks these facts up; the rule itself reads nothing.
 *
 * @param from          the lot's current status
 * @param to            the status asked for
 * @param roles         the roles of the user who asks (on the lot's site); may be empty
 * @param channel       a device (STATUS event) or the console/API
 * @param throughRecall {@code true} only when a real (not mock) recall sets the lot RECALLED
 * @param coaRequired   the lot's item requires a COA before release ({@code coaRequired} in master data)
 * @param coaLinked     a COA or a test result document is linked to the lot
 */
public record StatusChangeRequest(
        LotStatus from,
        LotStatus to,
        Set<Role> roles,
        StatusChannel channel,
        boolean throughRecall,
        boolean coaRequired,
        boolean coaLinked) {

    public StatusChangeRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(channel, "channel");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A change asked in the console or through the API, outside a recall. */
    public static StatusChangeRequest fromConsole(
            LotStatus from, LotStatus to, Set<Role> roles, boolean coaRequired, boolean coaLinked) {
        return new StatusChangeRequest(from, to, roles, StatusChannel.CONSOLE, false, coaRequired, coaLinked);
    }

    /** A STATUS event pushed by a device (COA facts do not matter: a device can only hold). */
    public static StatusChangeRequest fromDevice(LotStatus from, LotStatus to, Set<Role> roles) {
        return new StatusChangeRequest(from, to, roles, StatusChannel.DEVICE, false, false, false);
    }

    /** The change a real recall makes to one affected lot: to RECALLED, from the console. */
    public static StatusChangeRequest byRecall(LotStatus from, Set<Role> roles) {
        return new StatusChangeRequest(from, LotStatus.RECALLED, roles, StatusChannel.CONSOLE, true, false, false);
    }
}
