package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quantity.ItemUnits;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Uom;

/**
 * An item as a device needs it (pull {@code items[]}); the fields of the master-data item.
 * Pack units are written {@code {"code": "PAIL", "factor": "20"}} with the factor a decimal string.
 *
 * @param code                      the item code
 * @param name                      its name
 * @param gtin                      its GTIN, or null
 * @param baseUom                   the unit the ledger counts it in
 * @param qcRequired                lots start in QUARANTINE
 * @param coaRequired               release needs a COA or test result
 * @param shelfLifeDays             shelf life in days, or null when it does not expire
 * @param minRemainingShelfLifeDays what a pick must leave, 0 by default
 * @param lotNumbering              how internal lot codes are made; SUPPLIER_LOT by default
 * @param lotPattern                the pattern for PATTERN numbering, or null
 * @param packUnits                 its pack units; empty when none
 * @param suppliers                 its approved suppliers, by partner code; empty when none
 * @param specification             its specification in force, whose tests a receiver keys from a
 *                                  supplier's COA and whose assay makes it potency-managed; or null
 */
public record ItemRow(
        ItemCode code,
        String name,
        Gtin gtin,
        Uom baseUom,
        boolean qcRequired,
        boolean coaRequired,
        Integer shelfLifeDays,
        int minRemainingShelfLifeDays,
        LotNumbering lotNumbering,
        String lotPattern,
        List<PackUnit> packUnits,
        List<PartnerCode> suppliers,
        Specification specification) {

    /** Checks the invariants and applies the defaults. */
    public ItemRow {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(baseUom, "baseUom is required");
        lotNumbering = lotNumbering == null ? LotNumbering.SUPPLIER_LOT : lotNumbering;
        packUnits = packUnits == null ? List.of() : List.copyOf(packUnits);
        suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
    }

    /** An item without a specification. */
    public ItemRow(
            ItemCode code,
            String name,
            Gtin gtin,
            Uom baseUom,
            boolean qcRequired,
            boolean coaRequired,
            Integer shelfLifeDays,
            int minRemainingShelfLifeDays,
            LotNumbering lotNumbering,
            String lotPattern,
            List<PackUnit> packUnits,
            List<PartnerCode> suppliers) {
        this(
                code,
                name,
                gtin,
                baseUom,
                qcRequired,
                coaRequired,
                shelfLifeDays,
                minRemainingShelfLifeDays,
                lotNumbering,
                lotPattern,
                packUnits,
                suppliers,
                null);
    }

    /** The same item with this specification in force (null: none). */
    public ItemRow withSpecification(Specification inForce) {
        return new ItemRow(
                code,
                name,
                gtin,
                baseUom,
                qcRequired,
                coaRequired,
                shelfLifeDays,
                minRemainingShelfLifeDays,
                lotNumbering,
                lotPattern,
                packUnits,
                suppliers,
                inForce);
    }

    /** The item's units, for turning keyed quantities into base units. */
    public ItemUnits units() {
        return new ItemUnits(baseUom, packUnits);
    }
}
