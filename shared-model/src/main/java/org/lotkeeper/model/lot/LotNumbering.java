package org.lotkeeper.model.lot;

/**
 * How an item's internal lot codes are made ({@code lotNumbering} in master data; default
 * SUPPLIER_LOT). See {@link LotNumbers} for the functions behind each mode.
 */
public enum LotNumbering {
    /** The internal lot code is the supplier's lot code. */
    SUPPLIER_LOT,
    /** The receiver scans or keys a pre-printed internal lot label. */
    MANUAL,
    /** The device generates the code from the item's {@link LotPattern}, which embeds the device. */
    PATTERN
}
