package org.lotkeeper.client.workflow;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.ItemRow;

/**
 * Keyed quantities: "20", "12.5", "12,5 kg", "3 pail", "500 g", "500 GRM". A number, then optionally
 * a unit: one of the item's pack units, or a unit of the same dimension as its base unit by its
 * symbol or its UN/ECE Rec 20 code (case does not matter). No unit means the base unit. The result is in the base unit.
 */
final class Quantities {

    private static final Pattern KEYED =
            Pattern.compile("\\s*([+-]?\\d{1,15}(?:[.,]\\d{1,9})?)\\s*([A-Za-z][A-Za-z0-9_]{0,19})?\\s*");

    private Quantities() {}

    /**
     * A keyed quantity.
     *
     * @param base  in the item's base unit
     * @param shown as the operator keyed it, with its base equivalent when a unit was converted
     */
    record Keyed(Quantity base, String shown) {}

    static Keyed parse(String text, ItemRow item, boolean zeroAllowed) {
        String example = "e.g. 20"
                + item.packUnits().stream()
                        .findFirst()
                        .map(p -> " or 3 " + p.code().toLowerCase(Locale.ROOT))
                        .orElse("");
        if (text == null || text.isBlank()) {
            throw new Refusal("Key a quantity, " + example + ".");
        }
        Matcher m = KEYED.matcher(text);
        if (!m.matches()) {
            throw new Refusal("'" + Resolve.printable(text.length() > 30 ? text.substring(0, 30) + "…" : text)
                    + "' is not a quantity — key a number and a unit, " + example + ".");
        }
        BigDecimal value = new BigDecimal(m.group(1).replace(',', '.'));
        String unit = m.group(2) == null ? item.baseUom().name() : m.group(2).toUpperCase(Locale.ROOT);
        if (value.signum() < 0 || (value.signum() == 0 && !zeroAllowed)) {
            throw new Refusal(
                    zeroAllowed
                            ? "A count cannot be negative — key what you found, 0 for none."
                            : "The quantity must be more than zero — key the quantity again.");
        }
        Quantity base;
        try {
            base = item.units().toBase(value, unit);
        } catch (InvalidQuantityException e) {
            throw new Refusal(unit + " is not a unit of " + item.code() + " — key it in "
                    + item.baseUom().symbol()
                    + (item.packUnits().isEmpty()
                            ? ""
                            : " or "
                                    + item.packUnits().stream()
                                            .map(p -> p.code().toLowerCase(Locale.ROOT))
                                            .collect(Collectors.joining(", ")))
                    + ".");
        }
        return new Keyed(base, item.units().shown(value, unit));
    }
}
