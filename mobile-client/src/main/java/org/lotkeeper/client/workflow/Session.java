package org.lotkeeper.client.workflow;

import java.util.Objects;
import java.util.Set;

import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.id.UserId;

/**
 * Who is logged in on the device (the result of {@link LoginWorkflow}).
 *
 * @param user  the user
 * @param name  their name
 * @param roles their roles
 */
public record Session(UserId user, String name, Set<Role> roles) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    /** Whether the user holds this role (ADMIN holds every role). */
    public boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
