package org.lotkeeper.server.security;

import java.util.EnumSet;
import java.util.Set;

import org.lotkeeper.model.auth.Role;

/**
 * Who is calling: a user (console, integration), an enrolled device, or a partner's EPCIS
 * credential. A device acts for the users who sign in on it; the events it pushes name them. A
 * partner credential only captures that partner's EPCIS documents (docs/INTEROP.md).
 *
 * @param id      user id, device id, or {@code partner:{code}} for a partner credential
 * @param roles   the user's roles; empty for a device and a partner
 * @param sites   the sites this caller may reach; ignored when {@code allSites}
 * @param partner the partner a partner credential speaks for; null for users and devices
 */
public record Actor(Kind kind, String id, Set<Role> roles, Set<String> sites, boolean allSites, String partner) {

    /** The kinds of caller. */
    public enum Kind {
        USER,
        DEVICE,
        PARTNER
    }

    /** The role name a device identity carries for {@code @RolesAllowed}. */
    public static final String DEVICE_ROLE = "DEVICE";

    /** The role name a partner's EPCIS credential carries for {@code @RolesAllowed}: the capture only. */
    public static final String EPCIS_PARTNER_ROLE = "EPCIS_PARTNER";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        sites = Set.copyOf(sites);
    }

    public static Actor user(String userId, Set<Role> roles, Set<String> sites) {
        return new Actor(Kind.USER, userId, roles, sites, roles.contains(Role.ADMIN), null);
    }

    public static Actor device(String deviceId, String site) {
        return new Actor(Kind.DEVICE, deviceId, Set.of(), Set.of(site), false, null);
    }

    /** A partner's EPCIS credential: it captures for {@code partner} into these sites. */
    public static Actor partner(String partner, Set<String> sites) {
        return new Actor(Kind.PARTNER, "partner:" + partner, Set.of(), sites, false, partner);
    }

    public boolean isPartner() {
        return kind == Kind.PARTNER;
    }

    public boolean isDevice() {
        return kind == Kind.DEVICE;
    }

    /** ADMIN holds every right of the others. */
    public boolean hasRole(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(this::hasRole);
    }

    public boolean canReach(String site) {
        return allSites || sites.contains(site);
    }
}
