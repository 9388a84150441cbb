package org.lotkeeper.server.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.CurrentActor;

/**
 * Verifies the ledger's hash chains and the audit chain for an administrator, against the signed
 * checkpoints in the configured directory. Always 200: {@code ok} says whether everything holds,
 * {@code breaks} lists the first broken link of each broken chain. Writes a checkpoint on demand
 * and shows the public key that verifies them.
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

    @Inject
    Checkpoints checkpoints;

    /** The checkpoint signing key as an auditor needs it. */
    public record CheckpointKeyView(String keyId, String algorithm, String publicKey, String dir) {}

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

    @POST
    @Path("/checkpoints")
    @RolesAllowed("ADMIN")
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Checkpoints.Written checkpoint() {
        Checkpoints.Written written = checkpoints.write();
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(
                        actor.get().id(),
                        "CHECKPOINT_WRITTEN",
                        written.file(),
                        null,
                        written.checkpoint().chains().size() + " chains, "
                                + written.checkpoint().events() + " events"));
        return written;
    }

    @GET
    @Path("/checkpoints/key")
    @RolesAllowed("ADMIN")
    public CheckpointKeyView checkpointKey() {
        return new CheckpointKeyView(
                checkpoints.keyId(),
                "Ed25519",
                checkpoints.publicKey(),
                checkpoints.dir().toAbsolutePath().toString());
    }
}
