package org.lotkeeper.model.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quality.Specification;

/**
 * INSPECT: test results of a lot, each judged against the item's specification in force when
 * they were recorded (docs/QUALITY-CONTROL.md). Made by the server for QA, never by a device;
 * never changed — a correction is a later INSPECT with a reason, whose result for a test replaces
 * the earlier one in the lot's quality.
 *
 * @param item                 the item
 * @param lot                  the lot
 * @param specificationVersion the version of the item's specification the results were judged against
 * @param source               the laboratory or the supplier's COA
 * @param document             the linked document the results were read from (a COA, a lab report), or null
 * @param results              1 to {@value EventBounds#MAX_LINES} results, each test at most once
 * @param reason               why, for a correction; null otherwise
 * @param retest               when these results (or, with no results, the earlier ones it names)
 *                             are QA's signed retest of the lot: its new retest date; null otherwise
 * @param potency              the lot's potency these results establish — the value of the
 *                             specification's assay test when it conforms; null otherwise
 */
public record Inspect(
        ItemCode item,
        LotCode lot,
        int specificationVersion,
        InspectionSource source,
        UUID document,
        List<Result> results,
        String reason,
        Retest retest,
        Potency potency)
        implements EventPayload {

    /** Checks the invariants; copies the list. */
    public Inspect {
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.required(source, "source");
        if (specificationVersion < 1) {
            throw new IllegalArgumentException("specificationVersion counts from 1");
        }
        if (retest != null && retest.basedOn() != null) {
            if (results != null && !results.isEmpty()) {
                throw new IllegalArgumentException("a retest carries its results or names earlier ones, not both");
            }
            results = List.of(); // a retest signed on results recorded earlier
        } else {
            results = Checks.lines(results, "results", EventBounds.MAX_LINES);
        }
        if (results.stream().map(Result::test).distinct().count() < results.size()) {
            throw new IllegalArgumentException("results name each test at most once");
        }
        reason = Texts.optionalFreeText("reason", reason);
        if (potency != null && results.isEmpty()) {
            throw new IllegalArgumentException("a potency comes with the assay result that establishes it");
        }
    }

    /** Results without a retest, as QA records them. */
    public Inspect(
            ItemCode item,
            LotCode lot,
            int specificationVersion,
            InspectionSource source,
            UUID document,
            List<Result> results,
            String reason) {
        this(item, lot, specificationVersion, source, document, results, reason, null, null);
    }

    /**
     * The potency that judged results establish under {@code spec}: the value of its assay test
     * when that result conforms; null when the item is not potency-managed or the assay is not among
     * them or does not conform.
     */
    public static Potency potencyOf(Specification spec, List<Result> results) {
        return spec.assay()
                .flatMap(assay -> results.stream()
                        .filter(r -> r.test().equals(assay.code()) && r.judgement() == Judgement.CONFORMS)
                        .findFirst())
                .flatMap(r -> Potency.ofAssay(r.value()))
                .orElse(null);
    }

    /** Whether any result is outside its limits. */
    public boolean outOfSpecification() {
        return results.stream().anyMatch(r -> r.judgement() == Judgement.OUT_OF_SPECIFICATION);
    }

    @Override
    public EventType type() {
        return EventType.INSPECT;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.inspect(this);
    }

    /**
     * QA's signed retest: the lot conforms again and may be used until {@code until}.
     *
     * @param until     the new retest date
     * @param basedOn   the ledger position of the INSPECT whose results the retest signs, when the
     *                  event carries no results of its own; null when it does
     * @param signature QA's electronic signature
     */
    public record Retest(LocalDate until, Long basedOn, StatusChange.Signature signature) {

        /** Checks the invariants. */
        public Retest {
            Checks.required(until, "until");
            Checks.date(until, "until");
            Checks.required(signature, "signature");
            if (basedOn != null && basedOn < 1) {
                throw new IllegalArgumentException("basedOn is a ledger position, 1 or more");
            }
        }
    }

    /**
     * One judged result.
     *
     * @param test      the test's code in the specification
     * @param value     the value as reported (a number rounded to the test's decimals)
     * @param judgement CONFORMS or OUT_OF_SPECIFICATION
     */
    public record Result(String test, String value, Judgement judgement) {

        /** Checks the invariants. */
        public Result {
            Texts.require("test", test, 20);
            Texts.require("value", value, 100);
            Checks.required(judgement, "judgement");
            if (judgement == Judgement.NOT_IN_SPECIFICATION) {
                throw new IllegalArgumentException(
                        "a result of a test the specification does not have is never stored");
            }
        }
    }
}
