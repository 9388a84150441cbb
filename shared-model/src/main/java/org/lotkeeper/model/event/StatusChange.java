package org.lotkeeper.model.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotStatus;

/**
 * STATUS: a lot's status changes. The record allows any target status; who may set which status
 * is a rule of the server (docs/DOMAIN.md): from a device only {@link LotStatus#ON_HOLD}, without a
 * signature — see {@code org.lotkeeper.model.wire.DeviceEventRules}. Every other change is made
 * on the server through the status endpoint, which stores the signature.
 *
 * @param item      the item
 * @param lot       the lot
 * @param status    the new status
 * @param reason    why, as free text
 * @param signature the electronic signature as stored by the server (never the password), or null;
 *                  not part of what a device sends
 * @param concession why QA released a lot that does not meet its specification, signed with the
 *                  release (docs/QUALITY-CONTROL.md); null otherwise
 * @param retestDate the retest date a release gives a lot that has none (the release day plus the
 *                   item's retest interval, never after the expiry); null otherwise
 */
public record StatusChange(
        ItemCode item,
        LotCode lot,
        LotStatus status,
        String reason,
        Signature signature,
        String concession,
        LocalDate retestDate)
        implements EventPayload {

    /** Checks the invariants. */
    public StatusChange {
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.required(status, "status");
        Texts.requireFreeText("reason", reason);
        concession = Texts.optionalFreeText("concession", concession);
        if (concession != null && (status != LotStatus.RELEASED || signature == null)) {
            throw new IllegalArgumentException("a concession is a signed release");
        }
        Checks.date(retestDate, "retestDate");
        if (retestDate != null && (status != LotStatus.RELEASED || signature == null)) {
            throw new IllegalArgumentException("a retest date comes with a signed release");
        }
    }

    /** A status change without a concession. */
    public StatusChange(ItemCode item, LotCode lot, LotStatus status, String reason, Signature signature) {
        this(item, lot, status, reason, signature, null, null);
    }

    /** An unsigned status change, as a device sends it. */
    public StatusChange(ItemCode item, LotCode lot, LotStatus status, String reason) {
        this(item, lot, status, reason, null, null, null);
    }

    @Override
    public EventType type() {
        return EventType.STATUS;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.status(this);
    }

    /**
     * Who signed a status change, as the ledger keeps it: the signer re-entered their own password
     * at {@code signedAt} with this meaning. The password itself is never part of an event.
     *
     * @param signer   the user who signed
     * @param name     their name at the time of signing
     * @param meaning  what the signature means ("Released for use")
     * @param signedAt when they signed
     */
    public record Signature(UserId signer, String name, String meaning, Instant signedAt) {

        /** Checks the invariants. */
        public Signature {
            Checks.required(signer, "signer");
            Texts.requireFreeText("name", name);
            Texts.requireFreeText("meaning", meaning);
            Objects.requireNonNull(signedAt, "signedAt is required");
        }
    }
}
