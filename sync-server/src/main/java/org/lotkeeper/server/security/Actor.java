package org.lotkeeper.server.security;

import java.util.EnumSet;
import java.util.Set;

import org.lotkeeper.model.auth.Role;

/**
 * Who is calling: a user (console, integration) or an enrolled device. A device acts for the
 * users who sign in on it; the events it pushes name them.
 *
 * @param id     user id or device id
 * @param roles  the user's roles; empty for a device
 * @param sites  the sites this caller may reach; ignored when {@code allSites}
 */
public record Actor(Kind kind, String id, Set<Role> roles, Set<String> sites, boolean allSites) {

    /** The two kinds of caller. */
    public enum Kind {
        USER,
        DEVICE
    }

    /** The role name a device identity carries for {@code @RolesAllowed}. */
    public static final String DEVICE_ROLE = "DEVICE";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        sites = Set.copyOf(sites);
    }

    public static Actor user(String userId, Set<Role> roles, Set<String> sites) {
        return new Actor(Kind.USER, userId, roles, sites, roles.contains(Role.ADMIN));
    }

    public static Actor device(String deviceId, String site) {
        return new Actor(Kind.DEVICE, deviceId, Set.of(), Set.of(site), false);
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
