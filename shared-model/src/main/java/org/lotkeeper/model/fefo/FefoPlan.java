package org.lotkeeper.model.fefo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lotkeeper.model.quantity.Quantity;

/**
 * The FEFO allocation of one order line.
 *
 * @param allocations what to pick, in the order to pick it; the first one is the suggestion the
 *                    device guides the picker to
 * @param allocated   the sum of the allocations (in the line's unit)
 * @param shortfall   what could not be allocated: the line's quantity minus {@code allocated};
 *                    zero when the line is covered
 */
public record FefoPlan(List<Allocation> allocations, Quantity allocated, Quantity shortfall) {

    public FefoPlan {
        allocations = List.copyOf(Objects.requireNonNull(allocations, "allocations"));
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(shortfall, "shortfall");
    }

    /** The first allocation: the lot and location to pick first. Empty when nothing is available. */
    public Optional<Allocation> suggestion() {
        return allocations.isEmpty() ? Optional.empty() : Optional.of(allocations.get(0));
    }

    /** The whole line is allocated. */
    public boolean isCovered() {
        return shortfall.isZero();
    }
}
