package org.lotkeeper.server.security;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a supervisor does for a user of their sites beyond master data. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentActor actor;

    /**
     * Lifts every lock on the account (failed e-signatures, and each address's failed sign-ins):
     * a user locked out before a release need not wait. 404 for a user of no site the caller reaches.
     */
    @POST
    @Path("/{id}/unlock")
    @RolesAllowed("SUPERVISOR")
    public Map<String, String> unlock(@PathParam("id") String id) {
        users.unlock(actor.get(), id);
        return Map.of("userId", id, "unlocked", "true");
    }
}
