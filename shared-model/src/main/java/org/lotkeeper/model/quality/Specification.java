package org.lotkeeper.model.quality;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.untrusted.Shown;

/**
 * An item's specification, one version of it: the tests a lot must pass, in force from
 * {@code effectiveFrom}. Versions count up from 1 and are never changed once approved; a new
 * version replaces the one in force from its date.
 */
public record Specification(ItemCode item, int version, LocalDate effectiveFrom, List<SpecTest> tests) {

    public static final int MAX_TESTS = 100;

    /** Checks the invariants: at least one test, unique codes, at most one assay. */
    public Specification {
        if (item == null) {
            throw new SpecificationException("item", "item is required");
        }
        if (version < 1) {
            throw new SpecificationException("version", "version counts from 1");
        }
        if (effectiveFrom == null) {
            throw new SpecificationException("effectiveFrom", "effectiveFrom is required (a date such as 2026-12-01)");
        }
        if (tests == null || tests.isEmpty() || tests.size() > MAX_TESTS) {
            throw new SpecificationException("tests", "a specification has 1 to " + MAX_TESTS + " tests");
        }
        tests = List.copyOf(tests);
        Set<String> codes = new HashSet<>();
        boolean assay = false;
        for (int i = 0; i < tests.size(); i++) {
            SpecTest t = tests.get(i);
            if (!codes.add(t.code())) {
                throw new SpecificationException("tests[" + i + "].code", "test " + t.code() + " appears twice");
            }
            if (t.assay()) {
                if (assay) {
                    throw new SpecificationException("tests[" + i + "].assay", "only one test is the assay");
                }
                assay = true;
            }
        }
    }

    /** The test with this code. */
    public Optional<SpecTest> test(String code) {
        return tests.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The assay test, when the item is potency-managed. */
    public Optional<SpecTest> assay() {
        return tests.stream().filter(SpecTest::assay).findFirst();
    }

    /**
     * Judges a result of test {@code code}; a code the specification does not have is refused
     * ({@link Judgement#NOT_IN_SPECIFICATION}), naming {@code test}.
     */
    public SpecTest.Result judge(String code, String value) {
        SpecTest test = test(code)
                .orElseThrow(() -> new SpecificationException(
                        "test",
                        Judgement.NOT_IN_SPECIFICATION.name() + ": version " + version + " of the specification of "
                                + item + " has no test "
                                + (code == null ? "(none given)" : Shown.of(code, 20))));
        return test.judge(value);
    }
}
