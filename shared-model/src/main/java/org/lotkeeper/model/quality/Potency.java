package org.lotkeeper.model.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import org.lotkeeper.model.quantity.Quantity;

/**
 * A lot's potency: its latest conforming assay, in percent of the active substance
 * (docs/QUALITY-CONTROL.md, "Potency"). A batch that doses by active quantity weighs
 * {@code active ÷ potency} of the lot, and the ledger keeps the gross quantity with the potency used.
 *
 * @param percent greater than 0 and at most {@value #MAX_PERCENT}, at most {@value #MAX_DECIMALS} decimals
 */
public record Potency(BigDecimal percent) {

    public static final int MAX_PERCENT = 200;
    public static final int MAX_DECIMALS = SpecTest.MAX_DECIMALS;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern PLAIN = Pattern.compile("\\d{1,3}(\\.\\d{1,6})?");

    /** Checks the invariants; the value is kept without trailing zeros (97.50 is 97.5), so equal potencies are equal. */
    public Potency {
        if (percent == null) {
            throw new IllegalArgumentException("potency is required");
        }
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(MAX_PERCENT)) > 0) {
            throw new IllegalArgumentException(
                    "potency is a percentage above 0 and at most " + MAX_PERCENT + ", not " + percent.toPlainString());
        }
        if (percent.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(
                    "potency has at most " + MAX_DECIMALS + " decimals, not " + percent.toPlainString());
        }
        percent = percent.stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0, RoundingMode.UNNECESSARY);
        }
    }

    /** A potency as written on the wire: a plain decimal string such as {@code "97.5"}. */
    public static Potency parse(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException("potency must be a percentage like \"97.5\", not "
                    + (text == null
                            ? "nothing"
                            : "\"" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "\""));
        }
        return new Potency(new BigDecimal(text));
    }

    /** The potency a conforming assay result reports, or empty when the value cannot be one (0 %, say). */
    public static java.util.Optional<Potency> ofAssay(String value) {
        try {
            return java.util.Optional.of(parse(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The active quantity in {@code gross}, to the same decimals as the quantity rules allow. */
    public Quantity activeIn(Quantity gross) {
        return Quantity.of(
                gross.value().multiply(percent).divide(HUNDRED, Quantity.MAX_SCALE, RoundingMode.HALF_UP), gross.uom());
    }

    /**
     * The gross quantity to weigh for {@code active}, rounded up to {@code decimals} so the batch gets
     * at least the active quantity asked for.
     */
    public Quantity grossFor(Quantity active, int decimals) {
        BigDecimal gross = active.value().multiply(HUNDRED).divide(percent, decimals, RoundingMode.CEILING);
        return Quantity.of(gross, active.uom());
    }

    @Override
    public String toString() {
        return percent.toPlainString();
    }
}
