package org.lotkeeper.model.quantity;

/** What a unit measures. Quantities convert only within one dimension. */
public enum Dimension {
    MASS,
    VOLUME,
    COUNT
}
