package org.lotkeeper.server.console;

import java.util.Set;

import io.quarkus.qute.TemplateData;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.security.Actor;

/**
 * What every console page shows around its content: who is signed in (and so which navigation
 * entries they see), the page's CSRF token for its forms, the active navigation entry and a
 * message after an action.
 *
 * @param user    user id, null on the sign-in page
 * @param name    the user's name
 * @param csrf    this session's token for state-changing forms
 * @param nav     the active navigation entry
 * @param title   the page title
 * @param notice  a confirmation to show, or null
 * @param error   a problem to show, or null
 */
@TemplateData
public record Chrome(
        String user,
        String name,
        Set<Role> roles,
        boolean allSites,
        String csrf,
        String nav,
        String title,
        String notice,
        String error) {

    static Chrome anonymous(String title, String error) {
        return new Chrome(null, null, Set.of(), false, "", "login", title, null, error);
    }

    static Chrome of(Actor actor, String name, String csrf, String nav, String title) {
        return new Chrome(actor.id(), name, actor.roles(), actor.allSites(), csrf, nav, title, null, null);
    }

    public Chrome notice(String text) {
        return new Chrome(user, name, roles, allSites, csrf, nav, title, text, error);
    }

    public Chrome error(String text) {
        return new Chrome(user, name, roles, allSites, csrf, nav, title, notice, text);
    }

    public boolean signedIn() {
        return user != null;
    }

    private boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** Status changes, documents. */
    public boolean qa() {
        return has(Role.QA);
    }

    /** Exceptions, variances, devices, holds. */
    public boolean supervisor() {
        return has(Role.SUPERVISOR);
    }

    /** Mock and real recalls. */
    public boolean recalls() {
        return has(Role.QA) || has(Role.SUPERVISOR);
    }

    /** Lot and pallet labels. */
    public boolean labels() {
        return has(Role.RECEIVER) || has(Role.QA) || has(Role.SUPERVISOR);
    }

    /** Master data upload, demo data. */
    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }

    public String roleNames() {
        return String.join(", ", roles.stream().map(Role::name).sorted().toList());
    }
}
