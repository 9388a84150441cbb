package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.UnavailableReason;

/**
 * A lot on the screen that must not be used, and why: the data behind the red banner. It comes
 * from the same judgement that refused the scan ({@code Availability}), never from the wording of
 * a sentence, so rewording a message cannot take the banner away.
 *
 * @param lot     the lot
 * @param reasons every reason, in the order {@code Availability} reports them; never empty
 */
public record Blocked(LotRef lot, List<UnavailableReason> reasons) {

    /** The reasons that are about the lot itself (its status or age), in the order the banner names them. */
    private static final List<UnavailableReason> LOT_REASONS = List.of(
            UnavailableReason.RECALLED,
            UnavailableReason.REJECTED,
            UnavailableReason.ON_HOLD,
            UnavailableReason.QUARANTINE,
            UnavailableReason.EXPIRED,
            UnavailableReason.DUE_FOR_RETEST);

    public Blocked {
        Objects.requireNonNull(lot, "lot");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a blocked lot has a reason");
        }
    }

    /** The reasons an availability check found; empty when the stock is available. */
    public static Optional<Blocked> of(LotRef lot, AvailabilityResult result) {
        return result.isAvailable() ? Optional.empty() : Optional.of(new Blocked(lot, result.reasons()));
    }

    /** The reason a lot in this status is not available; empty for RELEASED. */
    public static Optional<UnavailableReason> reasonOf(LotStatus status) {
        return switch (status) {
            case RELEASED -> Optional.empty();
            case QUARANTINE -> Optional.of(UnavailableReason.QUARANTINE);
            case ON_HOLD -> Optional.of(UnavailableReason.ON_HOLD);
            case REJECTED -> Optional.of(UnavailableReason.REJECTED);
            case RECALLED -> Optional.of(UnavailableReason.RECALLED);
        };
    }

    /**
     * The reason the banner names: the gravest reason about the lot itself (recalled before
     * rejected, on hold, quarantine, expired, due for retest); empty when the lot is fine and only this use of it
     * is not (wrong item, too little shelf life for the order, a location stock may not be taken
     * from).
     */
    public Optional<UnavailableReason> banner() {
        return LOT_REASONS.stream().filter(reasons::contains).findFirst();
    }
}
