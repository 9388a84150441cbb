package org.lotkeeper.model.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.lotkeeper.model.quantity.InvalidQuantityException.Reason;

/**
 * A decimal amount in a unit. Never floating point. The value is kept in its shortest form
 * (trailing zeros stripped), so {@code 12.50 KGM} equals {@code 12.5 KGM}. Values have at most
 * {@value #MAX_INTEGER_DIGITS} integer digits and {@value #MAX_SCALE} decimals: that covers a
 * milligram of a million tonnes, and anything larger is an input error. A quantity may be zero or
 * negative (an ADJUST delta); events that need a positive quantity check it with
 * {@link #requirePositive()}.
 */
public record Quantity(BigDecimal value, Uom uom) implements Comparable<Quantity> {

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_SCALE = 9;

    public Quantity {
        if (value == null || uom == null) {
            throw new InvalidQuantityException(Reason.BAD_NUMBER, "a quantity needs a value and a unit");
        }
        value = shortest(value);
        if (value.scale() > MAX_SCALE) {
            throw new InvalidQuantityException(
                    Reason.TOO_PRECISE,
                    "quantity " + value.toPlainString() + " has more than " + MAX_SCALE + " decimals");
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidQuantityException(
                    Reason.TOO_LARGE, "quantity has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
    }

    public static Quantity of(BigDecimal value, Uom uom) {
        return new Quantity(value, uom);
    }

    public static Quantity of(String value, Uom uom) {
        return new Quantity(parseDecimal(value), uom);
    }

    public static Quantity zero(Uom uom) {
        return new Quantity(BigDecimal.ZERO, uom);
    }

    /** From the wire form: a decimal string and a Rec 20 code. Exponents are not accepted. */
    public static Quantity parse(String value, String uomCode) {
        Uom uom = Uom.byCode(uomCode)
                .orElseThrow(() -> new InvalidQuantityException(
                        Reason.UNKNOWN_UNIT,
                        "unit '" + uomCode + "' is not a supported UN/ECE Rec 20 code (e.g. KGM, GRM, LTR, MLT, H87)"));
        return new Quantity(parseDecimal(value), uom);
    }

    /**
     * A plain decimal: optional sign, digits, optional fraction. No exponent, no spaces, no
     * thousands separators; "1e9999" must never reach {@link BigDecimal}.
     */
    static BigDecimal parseDecimal(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 40
                || !DECIMAL.matcher(text).matches()) {
            throw new InvalidQuantityException(
                    Reason.BAD_NUMBER,
                    "'" + (text == null ? "" : abbreviate(text)) + "' is not a decimal number like 12.5");
        }
        return new BigDecimal(text);
    }

    private static String abbreviate(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) + "…" : s;
        StringBuilder out = new StringBuilder();
        cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return out.toString();
    }

    private static BigDecimal shortest(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public Dimension dimension() {
        return uom.dimension();
    }

    public int signum() {
        return value.signum();
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** This quantity, or an {@link InvalidQuantityException} when it is zero or negative. */
    public Quantity requirePositive() {
        if (!isPositive()) {
            throw new InvalidQuantityException(
                    Reason.NOT_POSITIVE, "quantity must be greater than zero, not " + value.toPlainString());
        }
        return this;
    }

    public Quantity negate() {
        return new Quantity(value.negate(), uom);
    }

    public Quantity abs() {
        return value.signum() < 0 ? negate() : this;
    }

    /** The same amount in the base unit of its dimension (KGM, LTR, H87). Always exact. */
    public Quantity inBase() {
        Uom base = Uom.base(uom.dimension());
        return uom == base ? this : new Quantity(value.multiply(uom.toBaseFactor()), base);
    }

    /**
     * The same amount in {@code target}, exactly; an {@link InvalidQuantityException} when the
     * units measure different things or the result has no exact decimal form (1 KGM in LBR).
     */
    public Quantity to(Uom target) {
        if (target == uom) {
            return this;
        }
        requireSameDimension(target);
        BigDecimal inBase = value.multiply(uom.toBaseFactor());
        try {
            return new Quantity(inBase.divide(target.toBaseFactor()), target);
        } catch (ArithmeticException e) {
            throw new InvalidQuantityException(
                    Reason.INEXACT, value.toPlainString() + " " + uom + " has no exact value in " + target);
        }
    }

    /** The amount in {@code target}, rounded to {@code scale} decimals as asked — for display only. */
    public BigDecimal valueIn(Uom target, int scale, RoundingMode rounding) {
        requireSameDimension(target);
        return value.multiply(uom.toBaseFactor()).divide(target.toBaseFactor(), scale, rounding);
    }

    /** Sum in this quantity's unit; the other is converted exactly or the call fails. */
    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.to(uom).value), uom);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.to(uom).value), uom);
    }

    /** Multiplies by an exact factor (a number of pack units, say). */
    public Quantity times(BigDecimal factor) {
        return new Quantity(value.multiply(factor), uom);
    }

    /** Compares by amount; the units must measure the same thing. */
    @Override
    public int compareTo(Quantity other) {
        requireSameDimension(other.uom);
        return value.multiply(uom.toBaseFactor()).compareTo(other.value.multiply(other.uom.toBaseFactor()));
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other.to(uom);
    }

    private void requireSameDimension(Uom other) {
        if (other.dimension() != uom.dimension()) {
            throw new InvalidQuantityException(
                    Reason.WRONG_DIMENSION,
                    "cannot combine " + uom.symbol() + " ("
                            + uom.dimension().name().toLowerCase(java.util.Locale.ROOT)
                            + ") with " + other.symbol() + " ("
                            + other.dimension().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    /** The decimal as the wire writes it: plain, no exponent ("12.5"). */
    public String valueText() {
        return value.toPlainString();
    }

    /**
     * The quantity as people read it — "800 kg", "12.5 L", "14 pc" — with the unit's symbol
     * ({@link Uom#symbol()}). The wire, the CSV files and EPCIS keep the Rec 20 code
     * ({@link #valueText()} and {@link #uom()}).
     */
    @Override
    public String toString() {
        return value.toPlainString() + " " + uom.symbol();
    }
}
