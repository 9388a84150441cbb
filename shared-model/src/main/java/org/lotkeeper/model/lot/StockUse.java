package org.lotkeeper.model.lot;

/** What stock is about to be used for; it decides whether the minimum remaining shelf life applies. */
public enum StockUse {
    /** Picked against an order line. */
    PICK,
    /** Shipped to a customer. */
    SHIP,
    /** Consumed as an input of a production batch (TRANSFORM). */
    CONSUME;

    /**
     * The order's minimum remaining shelf life applies to picking and shipping, never to
     * consumption in production (docs/DOMAIN.md); expiry itself applies to all three.
     */
    public boolean minimumShelfLifeApplies() {
        return this != CONSUME;
    }
}
