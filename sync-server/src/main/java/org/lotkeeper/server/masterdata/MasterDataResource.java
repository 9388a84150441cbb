package org.lotkeeper.server.masterdata;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;
import org.lotkeeper.server.security.UserService;

/** Master data upload (ADMIN): sites, items, locations, partners and users, all or nothing. */
@Path("/api/v1/masterdata")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MasterDataResource {

    @Inject
    MasterDataService service;

    @Inject
    CurrentActor actor;

    @PUT
    @RolesAllowed("ADMIN")
    public MasterDataResult put(MasterDataBundle bundle) {
        if (bundle == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a master-data bundle is required", null);
        }
        return service.apply(bundle, actor.get());
    }

    /**
     * One kind of master data as CSV (docs/API.md "Master data CSV"), applied with the same rules
     * as the JSON bundle, all or nothing; problems carry the file's line number.
     */
    @PUT
    @Path("/csv/{kind}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("ADMIN")
    public MasterDataResult putCsv(@PathParam("kind") String kind, String csv) {
        return service.applyCsv(kind, csv, actor.get());
    }

    /**
     * Disables a user's account (someone who left, a lost badge): their tokens are refused at once,
     * sign-in and their PIN on the site's handhelds (after the devices' next sync) stop working,
     * their captured events are rejected. Answers the user as now stored; 404 for no such user.
     */
    @POST
    @Path("/users/{id}/disable")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed("ADMIN")
    public UserService.UserView disable(@PathParam("id") String id) {
        return service.setUserEnabled(id, false, actor.get());
    }

    /** Enables a disabled account again; tokens issued before it was disabled stay refused. */
    @POST
    @Path("/users/{id}/enable")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed("ADMIN")
    public UserService.UserView enable(@PathParam("id") String id) {
        return service.setUserEnabled(id, true, actor.get());
    }
}
