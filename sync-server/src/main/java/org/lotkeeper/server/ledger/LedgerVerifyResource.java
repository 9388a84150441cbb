package org.lotkeeper.server.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.CurrentActor;

/**
 * Verifies the ledger's hash chains for an administrator. Always 200: {@code ok} says whether
 * every chain holds, {@code breaks} lists the first broken link of each broken chain.
 */
@Path("/api/v1/admin/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerVerifyResource {

    @Inject
    LedgerVerifier verifier;

    @Inject
    CurrentActor actor;

    @Inject
    AuditTrail audit;

    @POST
    @Path("/verify")
    @RolesAllowed("ADMIN")
    @Transactional
    public LedgerVerifier.Report verify() {
        LedgerVerifier.Report report = verifier.verify();
        audit.record(
                actor.get().id(),
                "LEDGER_VERIFIED",
                null,
                null,
                report.ok()
                        ? report.chains() + " chains, " + report.events() + " events: ok"
                        : report.breaks().size() + " broken chain(s), first "
                                + report.breaks().get(0).source() + " at "
                                + report.breaks().get(0).sourceSeq() + ": "
                                + report.breaks().get(0).problem());
        return report;
    }
}
