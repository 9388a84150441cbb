package org.lotkeeper.model.lot;

import java.time.LocalDate;

import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.LotCode;

/**
 * The internal lot code of a received lot, per the item's {@link LotNumbering} (docs/DOMAIN.md). Pure
 * functions; the caller picks the one for the item's mode. Produced lots are named by the batch
 * ticket (scanned or keyed): use {@link #fromLabel(String)}.
 */
public final class LotNumbers {

    private LotNumbers() {}

    /**
     * {@link LotNumbering#SUPPLIER_LOT}: the internal lot code is the supplier's lot code, as
     * scanned or keyed from the supplier's label.
     *
     * @throws InvalidIdentifierException when it is not a valid GS1 lot code (1–20 characters of set 82)
     */
    public static LotCode fromSupplierLot(String supplierLot) {
        return LotCode.of(supplierLot);
    }

    /**
     * {@link LotNumbering#MANUAL}: the code the receiver scanned or keyed from a pre-printed
     * internal lot label (and, for produced lots, from the batch ticket).
     *
     * @throws InvalidIdentifierException when it is not a valid GS1 lot code
     */
    public static LotCode fromLabel(String scannedOrKeyed) {
        return LotCode.of(scannedOrKeyed);
    }

    /**
     * {@link LotNumbering#PATTERN}: generated on the device from the item's pattern.
     *
     * @see LotPattern#generate(DeviceTag, LocalDate, long)
     */
    public static LotCode fromPattern(LotPattern pattern, DeviceTag device, LocalDate date, long sequence) {
        return pattern.generate(device, date, sequence);
    }
}
