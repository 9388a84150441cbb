package org.lotkeeper.server.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/** The caller of the current request, and the site rule: a caller only reaches its own sites. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        Actor actor = identity.getAttribute(BearerIdentityProvider.ACTOR);
        if (actor == null) {
            throw Refused.unauthenticated("sign in first: send a valid bearer token");
        }
        return actor;
    }

    /** The caller, or 403 SITE_NOT_ALLOWED when {@code site} is not one of theirs. */
    public Actor requireSite(String site) {
        Actor actor = get();
        if (!actor.canReach(site)) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + site);
        }
        return actor;
    }
}
