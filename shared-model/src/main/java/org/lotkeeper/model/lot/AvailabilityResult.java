package org.lotkeeper.model.lot;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether stock is available, and if not, every reason why (in the order: wrong item, status,
 * expiry or shelf life, retest, location).
 *
 * @param problems the reasons; empty when the stock is available
 */
public record AvailabilityResult(List<Unavailability> problems) {

    private static final AvailabilityResult AVAILABLE = new AvailabilityResult(List.of());

    public AvailabilityResult {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** The answer for available stock. */
    public static AvailabilityResult available() {
        return AVAILABLE;
    }

    /** No reason stands against using the stock. */
    public boolean isAvailable() {
        return problems.isEmpty();
    }

    /** The reason codes, in order. */
    public List<UnavailableReason> reasons() {
        return problems.stream().map(Unavailability::reason).collect(Collectors.toUnmodifiableList());
    }

    /** Whether this reason is among the problems. */
    public boolean has(UnavailableReason reason) {
        return problems.stream().anyMatch(p -> p.reason() == reason);
    }

    /** All sentences, one per line; empty when available. For the scanner's error screen. */
    public String message() {
        return problems.stream().map(Unavailability::message).collect(Collectors.joining("\n"));
    }
}
