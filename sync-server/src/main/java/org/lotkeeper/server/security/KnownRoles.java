package org.lotkeeper.server.security;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.lotkeeper.model.auth.Role;

/**
 * Role names as the database holds them ({@code user_role.role}), read as {@link Role}s. A name
 * this version does not know — written by a newer version before a rollback, or by hand — is left
 * out: the user acts with fewer rights, never with an error on every request. Each such name is
 * logged once per server start.
 */
final class KnownRoles {

    private static final Logger LOG = Logger.getLogger(KnownRoles.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private KnownRoles() {}

    static Set<Role> of(Collection<String> names) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                out.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                if (WARNED.add(name)) {
                    LOG.warnf(
                            "user_role holds role %s, which this version does not know: it grants nothing"
                                    + " (roles: %s)",
                            name, EnumSet.allOf(Role.class));
                }
            }
        }
        return Collections.unmodifiableSet(out); // in the enum's order, the same on every call
    }
}
