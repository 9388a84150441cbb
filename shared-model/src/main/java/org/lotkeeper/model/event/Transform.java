package org.lotkeeper.model.event;

import java.time.LocalDate;
import java.util.List;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;

/**
 * TRANSFORM: consumes input lots and creates output lots (production, blending, splitting …).
 * Writes the genealogy edges input lot → output lot.
 *
 * @param kind    what kind of transformation
 * @param batch   the batch ticket
 * @param inputs  what was consumed: 1 to {@value EventBounds#MAX_LINES} lines
 * @param outputs what was made: 1 to {@value EventBounds#MAX_LINES} lines
 */
public record Transform(TransformKind kind, Reference batch, List<Input> inputs, List<Output> outputs)
        implements EventPayload {

    /** Checks the invariants; copies the lists. */
    public Transform {
        Checks.required(kind, "kind");
        Checks.required(batch, "batch");
        inputs = Checks.lines(inputs, "inputs", EventBounds.MAX_LINES);
        outputs = Checks.lines(outputs, "outputs", EventBounds.MAX_LINES);
    }

    @Override
    public EventType type() {
        return EventType.TRANSFORM;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.transform(this);
    }

    /**
     * One consumed quantity.
     *
     * @param item     the item
     * @param lot      the lot
     * @param quantity how much, greater than zero
     * @param from     where it was taken from
     * @param potency  the lot's potency the batch was dosed by (docs/QUALITY-CONTROL.md, "Potency"), or
     *                 null; {@code quantity} is always the gross quantity weighed
     */
    public record Input(ItemCode item, LotCode lot, Quantity quantity, LocationCode from, Potency potency) {

        /** Checks the invariants. */
        public Input {
            Checks.required(item, "item");
            Checks.required(lot, "lot");
            Checks.positive(quantity, "quantity");
            Checks.required(from, "from");
        }

        /** An input weighed without a potency. */
        public Input(ItemCode item, LotCode lot, Quantity quantity, LocationCode from) {
            this(item, lot, quantity, from, null);
        }

        /** The active quantity consumed, when the potency is known; null otherwise. */
        public Quantity active() {
            return potency == null ? null : potency.activeIn(quantity);
        }

        /** The input lot. */
        public LotRef lotRef() {
            return new LotRef(item, lot);
        }
    }

    /**
     * One produced quantity.
     *
     * @param item     the item
     * @param lot      the new (or topped-up) lot
     * @param quantity how much, greater than zero
     * @param to       where it was put
     * @param expiry   its expiry date, or null
     */
    public record Output(ItemCode item, LotCode lot, Quantity quantity, LocationCode to, LocalDate expiry) {

        /** Checks the invariants. */
        public Output {
            Checks.required(item, "item");
            Checks.required(lot, "lot");
            Checks.positive(quantity, "quantity");
            Checks.required(to, "to");
            Checks.date(expiry, "expiry");
        }

        /** The output lot. */
        public LotRef lotRef() {
            return new LotRef(item, lot);
        }
    }
}
