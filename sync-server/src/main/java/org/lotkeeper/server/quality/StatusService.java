package org.lotkeeper.server.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.StatusChangeRequest;
import org.lotkeeper.model.lot.StatusDecision;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.ledger.IngestService;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.UserService;

/**
 * Lot status changes from the console and the API (docs/DOMAIN.md's table): who may, which need an
 * electronic signature (the signer re-enters their own password; the ledger keeps who, name,
 * meaning and time, never the password), and the COA rule for release.
 */
@ApplicationScoped
public class StatusService {

    /**
     * A change as asked. {@code password} and {@code meaning} form the signature; {@code concession}
     * (a release only) says why QA releases a lot that does not meet its specification.
     */
    public record StatusRequest(LotStatus status, String reason, String password, String meaning, String concession) {

        public StatusRequest(LotStatus status, String reason, String password, String meaning) {
            this(status, reason, password, meaning, null);
        }
    }

    /** The STATUS event as stored. */
    public record StatusResult(Event event, long ledgerSeq) {}

    private static final UuidV7Generator IDS = new UuidV7Generator();

    @Inject
    ProjectionQueries lots;

    @Inject
    MasterDataLookup masterData;

    @Inject
    DocumentService documents;

    @Inject
    UserService users;

    @Inject
    IngestService ingest;

    @Inject
    QualityService quality;

    @Inject
    Clock clock;

    @Transactional
    public StatusResult change(Actor actor, String item, String lot, StatusRequest request) {
        return changeChecked(actor, item, lot, request, clock.instant());
    }

    /**
     * The same change as it happened at {@code occurredAt} — for the demo plant, which replays a
     * past week: its releases then sit between the receipts and the batches that used the lots, as
     * they did. The event and its signature carry that time; the ledger records when it was stored.
     */
    @Transactional
    public StatusResult changeAsOf(Actor actor, String item, String lot, StatusRequest request, Instant occurredAt) {
        return changeChecked(actor, item, lot, request, occurredAt);
    }

    /** The change a real recall makes; the caller has verified the recall's signature. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StatusResult recall(Actor actor, String item, String lot, String reason, String signerName, String meaning) {
        ProjectionQueries.LotSummary current =
                lots.lot(item, lot).orElseThrow(() -> Refused.notFound("no lot " + item + "/" + lot));
        StatusDecision decision = LotStatusRules.decide(StatusChangeRequest.byRecall(current.status(), actor.roles()));
        if (decision instanceof StatusDecision.Refused refused) {
            throw Refused.of(ErrorCode.of(refused.code()), refused.message());
        }
        return store(actor, current, LotStatus.RECALLED, reason, signerName, meaning, null, clock.instant());
    }

    private StatusResult changeChecked(
            Actor actor, String item, String lot, StatusRequest request, Instant occurredAt) {
        ProjectionQueries.LotSummary current =
                lots.lot(item, lot).orElseThrow(() -> Refused.notFound("no lot " + item + "/" + lot));
        if (!actor.canReach(current.site())) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + current.site());
        }
        boolean coaRequired = masterData
                .item(item)
                .map(MasterDataLookup.ItemInfo::coaRequired)
                .orElse(false);
        Set<Role> roles = actor.roles().contains(Role.ADMIN) ? EnumSet.allOf(Role.class) : actor.roles();
        StatusDecision decision = LotStatusRules.decide(StatusChangeRequest.fromConsole(
                current.status(), request.status(), roles, coaRequired, quality.releaseEvidence(item, lot)));
        if (decision instanceof StatusDecision.Refused refused) {
            throw Refused.of(ErrorCode.of(refused.code()), refused.message(), "status");
        }
        StatusDecision.Allowed allowed = (StatusDecision.Allowed) decision;
        String concession = request.concession() == null || request.concession().isBlank()
                ? null
                : request.concession().strip();
        if (concession != null && request.status() != LotStatus.RELEASED) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, "a concession is given with a release only", "concession");
        }
        if (request.status() == LotStatus.RELEASED) {
            specificationMet(actor, item, lot, concession != null);
        }
        if (concession != null
                && (request.password() == null || request.password().isEmpty())) {
            throw Refused.invalid(
                    ErrorCode.SIGNATURE_REQUIRED,
                    "a release under concession needs your electronic signature: re-enter your password",
                    "signature.password");
        }
        String signer = null;
        String meaning = null;
        // A signature the table asks for must be there; one given where none is asked for is still
        // checked and kept: a signature on record is always a verified one.
        boolean signed = (request.password() != null && !request.password().isEmpty())
                || (request.meaning() != null && !request.meaning().isBlank());
        if (allowed.signatureRequired() || signed) {
            if (request.password() == null || request.password().isEmpty()) {
                throw Refused.invalid(
                        ErrorCode.SIGNATURE_REQUIRED,
                        allowed.signatureRequired()
                                ? "this change needs your electronic signature: re-enter your password"
                                : "a signature needs your password: re-enter it, or send the change without a signature",
                        "signature.password");
            }
            meaning = request.meaning() == null || request.meaning().isBlank()
                    ? allowed.signatureMeaning().orElse("Approved")
                    : request.meaning().strip();
            signer = users.verifySignature(actor.id(), request.password());
        }
        return store(actor, current, request.status(), request.reason(), signer, meaning, concession, occurredAt);
    }

    /**
     * An item with a specification in force is released only when every required test conforms,
     * or under a signed concession; a concession for a lot that meets its specification is refused.
     */
    private void specificationMet(Actor actor, String item, String lot, boolean concession) {
        QualityService.LotQuality q = quality.quality(actor, item, lot);
        if (q.specificationVersion() == null || q.conforms()) {
            if (concession) {
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD,
                        q.specificationVersion() == null
                                ? "item " + item + " has no specification to concede: release it without a concession"
                                : "lot " + lot + " meets its specification: release it without a concession",
                        "concession");
            }
            return;
        }
        if (concession) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (!q.outOfSpecification().isEmpty()) {
            why.add("out of specification: " + String.join(", ", q.outOfSpecification()));
        }
        if (!q.missing().isEmpty()) {
            why.add("no result yet: " + String.join(", ", q.missing()));
        }
        throw Refused.of(
                ErrorCode.SPECIFICATION_NOT_MET,
                "lot " + lot + " does not meet version " + q.specificationVersion() + " of the specification of " + item
                        + " (" + String.join("; ", why) + ")",
                "status");
    }

    private StatusResult store(
            Actor actor,
            ProjectionQueries.LotSummary lot,
            LotStatus to,
            String reason,
            String signerName,
            String meaning,
            String concession,
            Instant now) {
        StatusChange.Signature signature =
                signerName == null ? null : new StatusChange.Signature(UserId.of(actor.id()), signerName, meaning, now);
        // A release gives a lot of an item with a retest interval its first retest date
        // (docs/QUALITY-CONTROL.md): the release day plus the interval, never after the expiry.
        Integer interval = masterData
                .item(lot.item())
                .map(MasterDataLookup.ItemInfo::retestIntervalDays)
                .orElse(null);
        LocalDate retestDate =
                to == LotStatus.RELEASED && signature != null && lot.retestDate() == null && interval != null
                        ? ShelfLife.retestDateOf(
                                LocalDate.ofInstant(now, masterData.zoneOf(List.of(lot.site()))),
                                interval,
                                lot.expiry())
                        : null;
        Event event = new Event(
                IDS.next(),
                null,
                now,
                UserId.of(actor.id()),
                SiteCode.of(lot.site()),
                new StatusChange(
                        ItemCode.of(lot.item()), LotCode.of(lot.lot()), to, reason, signature, concession, retestDate));
        IngestService.StoredEvent stored = ingest.appendServerEvent(event);
        return new StatusResult(event, stored.ledgerSeq());
    }
}
