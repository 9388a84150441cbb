package org.lotkeeper.model.lot;

import java.util.Comparator;
import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;

/**
 * The identity of a lot: the pair (item, lot code). Two items may use the same lot code; a lot
 * code alone never names a lot.
 *
 * @param item the item the lot is of
 * @param lot  the lot code, unique within the item
 */
public record LotRef(ItemCode item, LotCode lot) implements Comparable<LotRef> {

    private static final Comparator<LotRef> ORDER =
            Comparator.comparing(LotRef::item).thenComparing(r -> r.lot().value());

    public LotRef {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lot, "lot");
    }

    /** A lot from its item code and lot code as text; both are validated. */
    public static LotRef of(String item, String lot) {
        return new LotRef(ItemCode.of(item), LotCode.of(lot));
    }

    /** Orders by item code, then by lot code (plain string order). */
    @Override
    public int compareTo(LotRef other) {
        return ORDER.compare(this, other);
    }

    /** {@code item/lot}, e.g. {@code RM-RESIN/R-2402}; for logs, not for the wire. */
    @Override
    public String toString() {
        return item + "/" + lot;
    }
}
