package org.lotkeeper.model.quantity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotkeeper.model.quantity.InvalidQuantityException.Reason;

/**
 * The units one item is counted in: its base unit (the ledger stores that) and its pack units.
 * Turns what an operator keys — "3 PAIL", "500 GRM" — into a quantity in the base unit.
 */
public final class ItemUnits {

    private final Uom base;
    private final Map<String, PackUnit> packs = new LinkedHashMap<>();

    public ItemUnits(Uom base, List<PackUnit> packUnits) {
        this.base = base;
        for (PackUnit p : packUnits) {
            if (packs.putIfAbsent(p.code(), p) != null) {
                throw new InvalidQuantityException(Reason.UNKNOWN_UNIT, "pack unit " + p.code() + " is defined twice");
            }
        }
    }

    public Uom base() {
        return base;
    }

    public List<PackUnit> packUnits() {
        return List.copyOf(packs.values());
    }

    public Optional<PackUnit> packUnit(String code) {
        return Optional.ofNullable(packs.get(code));
    }

    /**
     * {@code value} of {@code unitCode} in the base unit: a pack unit multiplies by its factor, a
     * unit of measure of the same dimension converts exactly.
     */
    public Quantity toBase(BigDecimal value, String unitCode) {
        PackUnit pack = packs.get(unitCode);
        if (pack != null) {
            return Quantity.of(value.multiply(pack.factor()), base);
        }
        Uom uom = Uom.keyed(unitCode)
                .orElseThrow(() -> new InvalidQuantityException(
                        Reason.UNKNOWN_UNIT,
                        "unit " + unitCode + " is neither a unit of measure nor a pack unit of this item"));
        return Quantity.of(value, uom).to(base);
    }

    /**
     * What was keyed, as people read it, with the base quantity when a unit was converted:
     * "60 L", "3 pails (60 L)", "500 g (0.5 kg)".
     */
    public String shown(BigDecimal value, String unitCode) {
        Quantity inBase = toBase(value, unitCode);
        PackUnit pack = packs.get(unitCode);
        if (pack != null) {
            return pack.count(value) + " (" + inBase + ")";
        }
        Quantity keyed = Quantity.of(value, Uom.keyed(unitCode).orElseThrow());
        return keyed.uom() == base ? inBase.toString() : keyed + " (" + inBase + ")";
    }

    /** A quantity in any unit of the base unit's dimension, in the base unit. */
    public Quantity toBase(Quantity q) {
        return q.to(base);
    }
}
