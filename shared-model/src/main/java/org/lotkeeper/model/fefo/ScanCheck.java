package org.lotkeeper.model.fefo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.lot.Unavailability;
import org.lotkeeper.model.lot.UnavailableReason;

/**
 * The answer of {@link Fefo#checkScan}.
 *
 * @param outcome    FEFO_OK, DEVIATION or BLOCKED
 * @param problems   why the scan is blocked; empty unless BLOCKED
 * @param suggestion the FEFO suggestion for the line (the plan's first allocation): for a
 *                   DEVIATION the lot that should have been taken, which expires strictly earlier
 *                   than the scanned one; for BLOCKED what to take instead; empty when nothing is
 *                   available
 */
public record ScanCheck(ScanOutcome outcome, List<Unavailability> problems, Optional<Allocation> suggestion) {

    /** Validates the answer: BLOCKED exactly when there are problems; a DEVIATION names the lot to take. */
    public ScanCheck {
        Objects.requireNonNull(outcome, "outcome");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(suggestion, "suggestion");
        if ((outcome == ScanOutcome.BLOCKED) == problems.isEmpty()) {
            throw new IllegalArgumentException("a scan is BLOCKED exactly when it has problems");
        }
        if (outcome == ScanOutcome.DEVIATION && suggestion.isEmpty()) {
            throw new IllegalArgumentException("a DEVIATION names the lot that should have been taken");
        }
    }

    /** The reason codes of a blocked scan, in order. */
    public List<UnavailableReason> reasons() {
        return problems.stream().map(Unavailability::reason).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Whether the picker may confirm this pick with the given reason and note: always for
     * FEFO_OK, never for BLOCKED, and for a DEVIATION only with an accepted justification.
     */
    public boolean mayConfirm(DeviationReason reason, String note) {
        return switch (outcome) {
            case FEFO_OK -> true;
            case BLOCKED -> false;
            case DEVIATION -> DeviationJustification.of(reason, note).isAccepted();
        };
    }

    /** A sentence for the picker's screen. */
    public String message() {
        return switch (outcome) {
            case FEFO_OK -> "Right lot.";
            case BLOCKED ->
                problems.stream().map(Unavailability::message).collect(Collectors.joining("\n"))
                        + suggestion
                                .map(s -> "\nFEFO lot: " + s.lot().lot() + " at " + s.location() + ".")
                                .orElse("");
            case DEVIATION -> {
                Allocation s = suggestion.orElseThrow();
                yield "Lot " + s.lot().lot() + " at " + s.location()
                        + " expires earlier; take it, or choose why you take " + "this lot.";
            }
        };
    }
}
