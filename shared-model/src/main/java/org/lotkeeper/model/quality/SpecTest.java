package org.lotkeeper.model.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.lotkeeper.model.untrusted.Shown;

/**
 * One test of a specification. A {@code NUMERIC} test has a lower and/or upper limit (inclusive)
 * and the decimals its result is reported to; a {@code PASS_FAIL} test has neither; a {@code TEXT}
 * test lists the answers that conform. {@code required} tests decide release; the others are for
 * information. At most one numeric test of a specification is the item's assay (potency, %).
 *
 * @param code     the test's code within the specification ({@code ASSAY}, {@code VISC-25})
 * @param name     what people call it
 * @param method   the method reference, or null
 * @param unit     the unit its result is reported in, or null (pH, a count, a pass/fail)
 * @param min      NUMERIC only: the lowest conforming value, or null
 * @param max      NUMERIC only: the highest conforming value, or null
 * @param decimals NUMERIC only: the decimals a result is rounded to before it is compared (0–6)
 * @param accepted TEXT only: the conforming answers
 */
public record SpecTest(
        String code,
        String name,
        String method,
        TestUnit unit,
        TestKind kind,
        BigDecimal min,
        BigDecimal max,
        int decimals,
        List<String> accepted,
        boolean required,
        boolean assay) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,19}");
    public static final int MAX_DECIMALS = 6;
    public static final int MAX_ANSWERS = 20;

    /** Checks the invariants; each refusal names the field (relative to the test: {@code max}). */
    public SpecTest {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new SpecificationException(
                    "code",
                    "a test code is 1-20 capital letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        name = text("name", name, 100, true);
        method = text("method", method, 100, false);
        if (kind == null) {
            throw new SpecificationException("kind", "kind is NUMERIC, PASS_FAIL or TEXT");
        }
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        switch (kind) {
            case NUMERIC -> {
                if (min == null && max == null) {
                    throw new SpecificationException("min", "a numeric test needs a min, a max or both");
                }
                if (decimals < 0 || decimals > MAX_DECIMALS) {
                    throw new SpecificationException("decimals", "decimals are 0 to " + MAX_DECIMALS);
                }
                min = limit("min", min, decimals);
                max = limit("max", max, decimals);
                if (min != null && max != null && min.compareTo(max) > 0) {
                    throw new SpecificationException(
                            "max", "max " + max.toPlainString() + " is below min " + min.toPlainString());
                }
                if (!accepted.isEmpty()) {
                    throw new SpecificationException("accepted", "accepted answers are for TEXT tests only");
                }
            }
            case PASS_FAIL, TEXT -> {
                if (min != null || max != null) {
                    throw new SpecificationException(min != null ? "min" : "max", "limits are for NUMERIC tests only");
                }
                if (assay) {
                    throw new SpecificationException("assay", "the assay is a NUMERIC test");
                }
                if (kind == TestKind.PASS_FAIL && !accepted.isEmpty()) {
                    throw new SpecificationException(
                            "accepted", "a PASS_FAIL test conforms on PASS; it lists no answers");
                }
                if (kind == TestKind.TEXT) {
                    if (accepted.isEmpty() || accepted.size() > MAX_ANSWERS) {
                        throw new SpecificationException(
                                "accepted", "a TEXT test lists 1 to " + MAX_ANSWERS + " accepted answers");
                    }
                    for (int i = 0; i < accepted.size(); i++) {
                        text("accepted[" + i + "]", accepted.get(i), 100, true);
                    }
                    accepted = accepted.stream().map(String::strip).toList();
                }
                decimals = 0;
            }
        }
        if (assay && unit != TestUnit.PERCENT) {
            throw new SpecificationException("unit", "the assay is reported in percent (P1)");
        }
    }

    /**
     * Judges one result of this test: the value as reported (a NUMERIC one rounded half-up to the
     * test's decimals, so 99.44 against a min of 99.5 with one decimal reports 99.4) and whether it
     * conforms. A value that is not a result of this kind is refused, naming {@code value}.
     */
    public Result judge(String value) {
        if (value == null || value.isBlank()) {
            throw new SpecificationException("value", "a result for " + code + " is required");
        }
        String v = value.strip();
        if (v.length() > 100) {
            throw new SpecificationException("value", "a result has at most 100 characters");
        }
        return switch (kind) {
            case NUMERIC -> {
                BigDecimal n = number(v);
                if (n.signum() < 0 && unit != null && !unit.mayBeNegative()) {
                    throw new SpecificationException(
                            "value", "a result in " + unit.symbol() + " cannot be negative: " + code + " " + v);
                }
                BigDecimal reported = n.setScale(decimals, RoundingMode.HALF_UP);
                boolean ok =
                        (min == null || reported.compareTo(min) >= 0) && (max == null || reported.compareTo(max) <= 0);
                yield new Result(reported.toPlainString(), ok ? Judgement.CONFORMS : Judgement.OUT_OF_SPECIFICATION);
            }
            case PASS_FAIL -> {
                String u = v.toUpperCase(Locale.ROOT);
                if (!u.equals("PASS") && !u.equals("FAIL")) {
                    throw new SpecificationException("value", code + " is a pass/fail test: answer PASS or FAIL");
                }
                yield new Result(u, u.equals("PASS") ? Judgement.CONFORMS : Judgement.OUT_OF_SPECIFICATION);
            }
            case TEXT -> {
                text("value", v, 100, true);
                String match = accepted.stream()
                        .filter(a -> a.equalsIgnoreCase(v))
                        .findFirst()
                        .orElse(null);
                yield new Result(
                        match == null ? v : match, match == null ? Judgement.OUT_OF_SPECIFICATION : Judgement.CONFORMS);
            }
        };
    }

    /** A judged result: the value as reported and its judgement. */
    public record Result(String value, Judgement judgement) {}

    /** The limits as people read them: "99.0 – 101.0 %", "≤ 0.50 %", "PASS", "Clear, Slightly hazy". */
    public String limits() {
        String unitText = unit == null ? "" : " " + unit.symbol();
        return switch (kind) {
            case NUMERIC ->
                min != null && max != null
                        ? min.toPlainString() + " – " + max.toPlainString() + unitText
                        : min != null ? "≥ " + min.toPlainString() + unitText : "≤ " + max.toPlainString() + unitText;
            case PASS_FAIL -> "PASS";
            case TEXT -> String.join(", ", accepted);
        };
    }

    private static BigDecimal number(String v) {
        // plain decimals only: "1e3" or "0x10" in a lab result is a typing error, not a number
        if (!v.matches("[+-]?(\\d{1,15}(\\.\\d{0,9})?|\\.\\d{1,9})")) {
            throw new SpecificationException(
                    "value", "'" + Shown.of(v, 20) + "' is not a number (use digits and a '.' such as 99.5)");
        }
        return new BigDecimal(v);
    }

    private static BigDecimal limit(String field, BigDecimal limit, int decimals) {
        if (limit == null) {
            return null;
        }
        if (limit.abs().compareTo(new BigDecimal("1e15")) >= 0) {
            throw new SpecificationException(field, field + " is out of range");
        }
        if (limit.stripTrailingZeros().scale() > decimals) {
            throw new SpecificationException(
                    field,
                    field + " " + limit.toPlainString() + " has more decimals than the " + decimals + " reported");
        }
        return limit.setScale(decimals, RoundingMode.UNNECESSARY);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new SpecificationException(field, field + " is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw new SpecificationException(field, field + " has at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new SpecificationException(field, field + " contains a control character");
        }
        return value.strip();
    }
}
