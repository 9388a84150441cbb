package org.lotkeeper.server.ledger;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.CurrentActor;

/** Operations on the ledger for an administrator. */
@Path("/api/v1/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerAdminResource {

    @Inject
    LedgerReplay replay;

    @Inject
    CurrentActor actor;

    @Inject
    AuditTrail audit;

    /** Rebuilds stock, lots, genealogy, receipts, shipments, returns and variances from the ledger. */
    @POST
    @Path("/rebuild")
    @RolesAllowed("ADMIN")
    @jakarta.transaction.Transactional
    public Map<String, Long> rebuild() {
        long events = replay.rebuildProjections();
        audit.record(actor.get().id(), "PROJECTIONS_REBUILT", null, null, events + " events replayed");
        return Map.of("events", events);
    }
}
