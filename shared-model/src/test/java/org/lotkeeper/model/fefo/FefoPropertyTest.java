package org.lotkeeper.model.fefo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FEFO invariants over random stock: a small pool of lots (of the line's item and another), with
 * tied and missing expiries and receipt times, several statuses, at several locations of pickable
 * and non-pickable types, with zero and negative balances.
 */
class FefoPropertyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final ItemCode ITEM = ItemCode.of("FG-PRIMER");
    private static final ItemCode OTHER = ItemCode.of("FG-TOPCOAT");

    private record Loc(String code, LocationType type, int pickSequence) {}

    private static final List<Loc> LOCATIONS = List.of(
            new Loc("WH-A-01", LocationType.STORAGE, 10),
            new Loc("WH-A-02", LocationType.STORAGE, 20),
            new Loc("STAGE-1", LocationType.STAGING, 10),
            new Loc("QA-HOLD", LocationType.QUARANTINE, 0),
            new Loc("RETURNS-1", LocationType.RETURNS, 0));

    private record LotSpec(
            ItemCode item, LotStatus status, LocalDate expiry, Instant receivedAt, List<Integer> tenths) {}

    /** A line and the stock rows it is planned against. */
    record Scenario(OrderLine line, List<StockCandidate> rows) {}

    private static Arbitrary<LotSpec> lots() {
        Arbitrary<ItemCode> item = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(ITEM)), net.jqwik.api.Tuple.of(1, Arbitraries.just(OTHER)));
        Arbitrary<LotStatus> status = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(LotStatus.RELEASED)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(LotStatus.class)));
        Arbitrary<LocalDate> expiry = Arbitraries.of(-2, -1, 0, 1, 30, 89, 90, 91, 299, 300, 301, 700)
                .map(TODAY::plusDays)
                .injectNull(0.15);
        Arbitrary<Instant> received = Arbitraries.integers()
                .between(0, 3)
                .map(h -> T0.plusSeconds(3600L * h))
                .injectNull(0.1);
        // per location: a quantity in tenths of a kilogram, or null for "no row"
        Arbitrary<List<Integer>> tenths =
                Arbitraries.integers().between(-20, 400).injectNull(0.5).list().ofSize(LOCATIONS.size());
        return Combinators.combine(item, status, expiry, received, tenths).as(LotSpec::new);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<LotSpec>> lots = lots().list().ofMinSize(0).ofMaxSize(7);
        Arbitrary<Integer> wanted = Arbitraries.integers().between(1, 2000);
        Arbitrary<Integer> customerMin = Arbitraries.of(0, 0, 90, 300);
        Arbitrary<Integer> itemMin = Arbitraries.of(0, 30, 90);
        return Combinators.combine(lots, wanted, customerMin, itemMin).as((specs, w, cMin, iMin) -> {
            List<StockCandidate> rows = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                LotSpec s = specs.get(i);
                LotRef ref = new LotRef(s.item(), LotCode.of("L" + i));
                for (int k = 0; k < LOCATIONS.size(); k++) {
                    Integer t = s.tenths().get(k);
                    if (t != null) {
                        Loc loc = LOCATIONS.get(k);
                        rows.add(new StockCandidate(
                                ref,
                                LocationCode.of(loc.code()),
                                loc.type(),
                                loc.pickSequence(),
                                kg(t),
                                s.status(),
                                s.expiry(),
                                null,
                                s.receivedAt()));
                    }
                }
            }
            return new Scenario(new OrderLine(ITEM, kg(w), cMin, iMin), List.copyOf(rows));
        });
    }

    private static Quantity kg(int tenths) {
        return Quantity.of(BigDecimal.valueOf(tenths, 1), Uom.KGM);
    }

    /** Availability for the line, computed directly (not through Fefo). */
    private static boolean eligible(OrderLine line, StockCandidate c) {
        return c.lot().item().equals(line.item())
                && c.quantity().isPositive()
                && Availability.check(c.facts(), StockUse.PICK, line.requiredRemainingShelfLifeDays(), TODAY)
                        .isAvailable();
    }

    private static boolean strictlyEarlier(LocalDate a, LocalDate b) {
        return a != null && (b == null || a.isBefore(b));
    }

    private static Map<String, StockCandidate> byKey(List<StockCandidate> rows) {
        Map<String, StockCandidate> map = new HashMap<>();
        rows.forEach(r -> map.put(r.lot() + "@" + r.location(), r));
        return map;
    }

    private static Map<String, Quantity> allocatedByKey(FefoPlan plan) {
        Map<String, Quantity> map = new HashMap<>();
        for (Allocation a : plan.allocations()) {
            assertThat(map.put(a.lot() + "@" + a.location(), a.quantity()))
                    .as("row allocated twice")
                    .isNull();
        }
        return map;
    }

    private static Quantity availableTotal(Scenario s) {
        Quantity total = Quantity.zero(Uom.KGM);
        for (StockCandidate c : s.rows()) {
            if (eligible(s.line(), c)) {
                total = total.plus(c.quantity());
            }
        }
        return total;
    }

    @Property
    void neverAllocatesUnavailableStock(@ForAll("scenarios") Scenario s) {
        Map<String, StockCandidate> rows = byKey(s.rows());
        for (Allocation a : Fefo.allocate(s.line(), s.rows(), TODAY).allocations()) {
            StockCandidate row = rows.get(a.lot() + "@" + a.location());
            assertThat(row).isNotNull();
            assertThat(eligible(s.line(), row))
                    .as("allocated %s is available", a)
                    .isTrue();
        }
    }

    @Property
    void allocationsNeverExceedCandidateQuantities(@ForAll("scenarios") Scenario s) {
        Map<String, StockCandidate> rows = byKey(s.rows());
        allocatedByKey(Fefo.allocate(s.line(), s.rows(), TODAY)).forEach((key, qty) -> {
            assertThat(qty.isPositive()).isTrue();
            assertThat(qty).isLessThanOrEqualTo(rows.get(key).quantity());
        });
    }

    @Property
    void totalIsTheSmallerOfRequestedAndAvailable(@ForAll("scenarios") Scenario s) {
        FefoPlan plan = Fefo.allocate(s.line(), s.rows(), TODAY);
        Quantity sum =
                plan.allocations().stream().map(Allocation::quantity).reduce(Quantity.zero(Uom.KGM), Quantity::plus);
        assertThat(plan.allocated()).isEqualByComparingTo(sum);
        assertThat(plan.allocated()).isEqualByComparingTo(s.line().quantity().min(availableTotal(s)));
    }

    @Property
    void shortfallIsRequestedMinusAllocated(@ForAll("scenarios") Scenario s) {
        FefoPlan plan = Fefo.allocate(s.line(), s.rows(), TODAY);
        assertThat(plan.shortfall()).isEqualByComparingTo(s.line().quantity().minus(plan.allocated()));
        assertThat(plan.shortfall().signum()).isNotNegative();
        assertThat(plan.isCovered())
                .isEqualTo(availableTotal(s).compareTo(s.line().quantity()) >= 0);
    }

    @Property
    void neverSkipsAnEarlierExpiringAvailableLot(@ForAll("scenarios") Scenario s) {
        FefoPlan plan = Fefo.allocate(s.line(), s.rows(), TODAY);
        Map<String, StockCandidate> rows = byKey(s.rows());
        Map<String, Quantity> allocated = allocatedByKey(plan);
        for (Allocation a : plan.allocations()) {
            LocalDate expiry = rows.get(a.lot() + "@" + a.location()).expiry();
            for (StockCandidate c : s.rows()) {
                if (eligible(s.line(), c) && strictlyEarlier(c.expiry(), expiry)) {
                    assertThat(allocated.get(c.lot() + "@" + c.location()))
                            .as("%s expires before allocated %s and must be fully taken", c.lot(), a.lot())
                            .isNotNull()
                            .isEqualByComparingTo(c.quantity());
                }
            }
        }
    }

    @Property
    void planDoesNotDependOnTheOrderOfTheCandidates(@ForAll("scenarios") Scenario s, @ForAll long seed) {
        List<StockCandidate> shuffled = new ArrayList<>(s.rows());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Fefo.allocate(s.line(), shuffled, TODAY)).isEqualTo(Fefo.allocate(s.line(), s.rows(), TODAY));
    }

    @Property
    void scannedLotIsADeviationExactlyWhenAnotherAvailableLotExpiresStrictlyEarlier(
            @ForAll("scenarios") Scenario s, @ForAll("lots") LotSpec scannedSpec, @ForAll int locationIndex) {
        Loc loc = LOCATIONS.get(Math.floorMod(locationIndex, LOCATIONS.size()));
        LotRef scannedLot = new LotRef(scannedSpec.item(), LotCode.of("L" + Math.floorMod(locationIndex, 9)));
        LotAtLocation scanned = new LotAtLocation(
                scannedLot, scannedSpec.status(), scannedSpec.expiry(), null, LocationCode.of(loc.code()), loc.type());
        ScanCheck check = Fefo.checkScan(s.line(), s.rows(), scanned, TODAY);

        boolean available = scannedLot.item().equals(s.line().item())
                && Availability.check(scanned, StockUse.PICK, s.line().requiredRemainingShelfLifeDays(), TODAY)
                        .isAvailable();
        boolean earlierExists = s.rows().stream()
                .anyMatch(c -> eligible(s.line(), c)
                        && !c.lot().equals(scannedLot)
                        && strictlyEarlier(c.expiry(), scanned.expiry()));

        ScanOutcome expected =
                !available ? ScanOutcome.BLOCKED : earlierExists ? ScanOutcome.DEVIATION : ScanOutcome.FEFO_OK;
        assertThat(check.outcome()).isEqualTo(expected);
        assertThat(check.suggestion())
                .isEqualTo(Fefo.allocate(s.line(), s.rows(), TODAY).suggestion());
        if (expected == ScanOutcome.DEVIATION) {
            LocalDate suggestedExpiry = byKey(s.rows())
                    .get(check.suggestion().orElseThrow().lot() + "@"
                            + check.suggestion().orElseThrow().location())
                    .expiry();
            assertThat(strictlyEarlier(suggestedExpiry, scanned.expiry())).isTrue();
        }
    }

    @Property
    void scanningTheSuggestedStockIsNeverADeviation(@ForAll("scenarios") Scenario s) {
        FefoPlan plan = Fefo.allocate(s.line(), s.rows(), TODAY);
        plan.suggestion().ifPresent(first -> {
            StockCandidate row = byKey(s.rows()).get(first.lot() + "@" + first.location());
            assertThat(Fefo.checkScan(s.line(), s.rows(), row.facts(), TODAY).outcome())
                    .isEqualTo(ScanOutcome.FEFO_OK);
        });
    }

    @Provide("lots")
    Arbitrary<LotSpec> lotArbitrary() {
        return lots();
    }
}
