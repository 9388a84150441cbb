package org.lotkeeper.model.quantity;

import java.math.BigDecimal;

import org.lotkeeper.model.quantity.InvalidQuantityException.Reason;

/**
 * An item's own pack unit: {@code PAIL} = 20 LTR, {@code DRUM} = 200 KGM. The code is the item's,
 * not a Rec 20 code; the factor is in the item's base unit.
 */
public record PackUnit(String code, BigDecimal factor) {

    /**
     * A count of this pack as people say it: "1 pail", "3 pails", "2 bag_25" (a code that is not
     * a plain word is not made plural).
     */
    public String count(BigDecimal packs) {
        String word = code.toLowerCase(java.util.Locale.ROOT);
        boolean plural = packs.compareTo(BigDecimal.ONE) != 0 && code.matches("[A-Z]+");
        return packs.stripTrailingZeros().toPlainString() + " " + word + (plural ? "s" : "");
    }

    public PackUnit {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,19}")) {
            throw new InvalidQuantityException(
                    Reason.UNKNOWN_UNIT,
                    "pack unit code must be 1–20 upper-case letters, digits or _ starting with a letter, not '" + code
                            + "'");
        }
        if (Uom.byCode(code).isPresent()) {
            throw new InvalidQuantityException(
                    Reason.UNKNOWN_UNIT, "pack unit code " + code + " is already a unit of measure");
        }
        if (factor == null || factor.signum() <= 0) {
            throw new InvalidQuantityException(
                    Reason.NOT_POSITIVE, "pack unit " + code + " needs a factor greater than zero");
        }
    }
}
