package org.lotkeeper.server.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.quality.SpecTest;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quality.SpecificationException;
import org.lotkeeper.model.quality.TestKind;
import org.lotkeeper.model.quality.TestUnit;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/**
 * The JSON of {@code /api/v1/items/{item}/specification} (docs/QUALITY-CONTROL.md): numbers as
 * strings, like quantities; units by their Rec 20 codes. Bound leniently and checked here into
 * {@link Specification}, so every refusal names its field ({@code tests[2].max}).
 */
public final class SpecificationBodies {

    private SpecificationBodies() {}

    /** One test as sent and as shown. */
    public record TestBody(
            String code,
            String name,
            String method,
            String unit,
            String kind,
            String min,
            String max,
            Integer decimals,
            List<String> accepted,
            Boolean required,
            Boolean assay) {

        static TestBody of(SpecTest t) {
            return new TestBody(
                    t.code(),
                    t.name(),
                    t.method(),
                    t.unit() == null ? null : t.unit().code(),
                    t.kind().name(),
                    t.min() == null ? null : t.min().toPlainString(),
                    t.max() == null ? null : t.max().toPlainString(),
                    t.kind() == TestKind.NUMERIC ? t.decimals() : null,
                    t.accepted(),
                    t.required(),
                    t.assay());
        }
    }

    public record Signature(String password, String meaning) {}

    /** {@code PUT}: a new version, signed. */
    public record SpecificationBody(Integer version, String effectiveFrom, List<TestBody> tests, Signature signature) {}

    /** {@code GET}: one approved version, who approved it, and every version there is. */
    public record SpecificationView(
            String item,
            int version,
            LocalDate effectiveFrom,
            List<TestBody> tests,
            String approvedBy,
            String approvedName,
            String meaning,
            Instant approvedAt,
            List<Integer> versions) {}

    /** The body as a specification of {@code item}; the first broken rule is refused naming its field. */
    static Specification specification(ItemCode item, SpecificationBody body) {
        if (body.version() == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "version is required", "version");
        }
        LocalDate from;
        try {
            from = body.effectiveFrom() == null ? null : LocalDate.parse(body.effectiveFrom());
        } catch (DateTimeParseException e) {
            throw Refused.invalid(ErrorCode.BAD_FORMAT, "effectiveFrom is a date such as 2026-12-01", "effectiveFrom");
        }
        List<TestBody> bodies = body.tests() == null ? List.of() : body.tests();
        if (bodies.size() > Specification.MAX_TESTS) {
            throw Refused.invalid(
                    ErrorCode.TOO_MANY, "a specification has at most " + Specification.MAX_TESTS + " tests", "tests");
        }
        List<SpecTest> tests = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            tests.add(test("tests[" + i + "]", bodies.get(i)));
        }
        try {
            return new Specification(item, body.version(), from, tests);
        } catch (SpecificationException e) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, e.getMessage(), e.field());
        }
    }

    /** A stored test read back (its rules held when it was approved). */
    static SpecTest stored(TestBody t) {
        return test("tests", t);
    }

    private static SpecTest test(String at, TestBody t) {
        if (t == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, at + " is empty", at);
        }
        TestKind kind = null;
        if (t.kind() != null) {
            try {
                kind = TestKind.valueOf(t.kind());
            } catch (IllegalArgumentException e) {
                throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, at + ".kind is NUMERIC, PASS_FAIL or TEXT", at + ".kind");
            }
        }
        TestUnit unit = t.unit() == null || t.unit().isEmpty()
                ? null
                : TestUnit.ofCode(t.unit())
                        .orElseThrow(() -> Refused.invalid(
                                ErrorCode.UNKNOWN_UNIT,
                                at + ".unit is a Rec 20 code of " + unitCodes() + ", or none",
                                at + ".unit"));
        try {
            return new SpecTest(
                    t.code(),
                    t.name(),
                    t.method(),
                    unit,
                    kind,
                    number(at + ".min", t.min()),
                    number(at + ".max", t.max()),
                    t.decimals() == null ? 0 : t.decimals(),
                    t.accepted(),
                    t.required() == null || t.required(),
                    t.assay() != null && t.assay());
        } catch (SpecificationException e) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, at + ": " + e.getMessage(), at + "." + e.field());
        }
    }

    private static BigDecimal number(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 30 || !value.matches("[+-]?(\\d+(\\.\\d+)?|\\.\\d+)")) {
            throw Refused.invalid(ErrorCode.BAD_FORMAT, field + " is a number as a string, such as \"99.5\"", field);
        }
        return new BigDecimal(value);
    }

    private static String unitCodes() {
        List<String> codes = new ArrayList<>();
        for (TestUnit u : TestUnit.values()) {
            codes.add(u.code() + " (" + u.symbol() + ")");
        }
        return String.join(", ", codes);
    }
}
