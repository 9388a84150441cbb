package org.lotkeeper.model.master;

/** How an item's internal lot codes are made (DOMAIN.md, master data {@code lotNumbering}). */
public enum LotNumbering {
    /** The internal lot code is the supplier's lot code. */
    SUPPLIER_LOT,
    /** The receiver scans or keys a pre-printed internal lot label. */
    MANUAL,
    /** The device generates the code from the item's pattern, which embeds the device. */
    PATTERN
}
