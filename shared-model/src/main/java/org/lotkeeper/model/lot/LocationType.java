package org.lotkeeper.model.lot;

/** The kinds of location (docs/DOMAIN.md). Stock may be picked only where {@link #pickable()}. */
public enum LocationType {
    RECEIVING,
    STORAGE,
    STAGING,
    PRODUCTION,
    SHIPPING,
    QUARANTINE,
    RETURNS;

    /** Stock here can be picked, shipped or consumed (not QUARANTINE, not RETURNS). */
    public boolean pickable() {
        return this != QUARANTINE && this != RETURNS;
    }
}
