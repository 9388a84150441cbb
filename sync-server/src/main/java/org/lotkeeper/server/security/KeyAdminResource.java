package org.lotkeeper.server.security;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Rotation of the token signing key (docs/SECURITY.md). */
@Path("/api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyAdminResource {

    @Inject
    TokenService tokens;

    @Inject
    CurrentActor actor;

    @Inject
    AuditTrail audit;

    /**
     * Retires the signing key and makes a new one. Tokens signed before keep working until they
     * expire; nothing signed by the old key lives longer than that.
     */
    @POST
    @Path("/rotate")
    @RolesAllowed("ADMIN")
    public Map<String, String> rotate() {
        tokens.rotate();
        String by = actor.get().id();
        QuarkusTransaction.requiringNew().run(() -> audit.record(by, "SIGNING_KEY_ROTATED", null, null, null));
        return Map.of("rotated", "true");
    }
}
