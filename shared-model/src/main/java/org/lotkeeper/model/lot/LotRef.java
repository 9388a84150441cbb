package org.lotkeeper.model.lot;

import java.util.Comparator;
import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;

/**
 * A lot by its identity: the pair (item, lot) — lot codes are unique per item only (DOMAIN.md).
 * Orders by item code, then lot code.
 *
 * @param item the item the lot belongs to
 * @param lot  the lot code
 */
public record LotRef(ItemCode item, LotCode lot) implements Comparable<LotRef> {

    private static final Comparator<LotRef> ORDER =
            Comparator.comparing(LotRef::item).thenComparing(r -> r.lot().value());

    /** Both parts are required. */
    public LotRef {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lot, "lot");
    }

    /** From the two codes as text; identifier rules apply. */
    public static LotRef of(String item, String lot) {
        return new LotRef(ItemCode.of(item), LotCode.of(lot));
    }

    @Override
    public int compareTo(LotRef other) {
        return ORDER.compare(this, other);
    }

    /** {@code ITEM/LOT}, for logs and messages. */
    @Override
    public String toString() {
        return item + "/" + lot;
    }
}
