package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.id.UserId;

/**
 * A user of the device's site (pull {@code users[]}), for offline badge + PIN login.
 *
 * @param userId      the user
 * @param name        their name
 * @param badge       their badge barcode, or null
 * @param roles       their roles
 * @param pinVerifier a slow salted hash of the PIN with a salt specific to this device, or null
 *                    when the user has no PIN
 */
public record UserRow(UserId userId, String name, String badge, List<Role> roles, String pinVerifier) {

    /** Checks the invariants; copies the list. */
    public UserRow {
        Objects.requireNonNull(userId, "userId is required");
        Objects.requireNonNull(name, "name is required");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Never shows the verifier. */
    @Override
    public String toString() {
        return "UserRow[userId=" + userId + ", name=" + name + ", roles=" + roles + "]";
    }
}
