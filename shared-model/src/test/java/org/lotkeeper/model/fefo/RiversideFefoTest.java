package org.lotkeeper.model.fefo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FG-PRIMER picks of the Riverside scenario (shared/scenarios/riverside): the numbers come
 * from its steps.json and masterdata.json.
 *
 * <ul>
 *   <li>PR-1001: batch B-1001, produced 2026-11-17T10:00Z, 30 pails, expiry 2027-11-17, released;
 *       5 reworked into PR-1003 on 2026-11-18 → 25 in WH-A-01 (pick sequence 10).</li>
 *   <li>PR-1003: rework B-1003, 2026-11-18T15:00Z, 5 pails in WH-A-01, expiry 2027-11-18, released
 *       2026-11-19T08:00Z.</li>
 *   <li>FG-PRIMER minRemainingShelfLifeDays 90; BUILDMART 300; CITY-MAINT none.</li>
 *   <li>SO-1 (BUILDMART, 10 pails, 2026-11-19T09:00Z) picks PR-1001, no flag. SO-3 (CITY-MAINT,
 *       5 pails, 14:00Z) picks PR-1003 with suggestion PR-1001 and reason CUSTOMER_REQUEST →
 *       FEFO_DEVIATION (expected.json).</li>
 * </ul>
 */
class RiversideFefoTest {

    private static final ItemCode PRIMER = ItemCode.of("FG-PRIMER");
    private static final LotRef PR_1001 = LotRef.of("FG-PRIMER", "PR-1001");
    private static final LotRef PR_1003 = LotRef.of("FG-PRIMER", "PR-1003");
    private static final LocationCode WH_A_01 = LocationCode.of("WH-A-01");
    private static final LocalDate PR_1001_EXPIRY = LocalDate.of(2027, 11, 17);
    private static final LocalDate PR_1003_EXPIRY = LocalDate.of(2027, 11, 18);
    private static final int ITEM_MIN = 90;
    private static final int BUILDMART_MIN = 300;
    private static final LocalDate PICK_DAY = LocalDate.of(2026, 11, 19);

    private static Quantity pails(int n) {
        return Quantity.of(String.valueOf(n), Uom.H87);
    }

    private static List<StockCandidate> stock(int pr1001, int pr1003) {
        return List.of(
                new StockCandidate(
                        PR_1001,
                        WH_A_01,
                        LocationType.STORAGE,
                        10,
                        pails(pr1001),
                        LotStatus.RELEASED,
                        PR_1001_EXPIRY,
                        null,
                        Instant.parse("2026-11-17T10:00:00Z")),
                new StockCandidate(
                        PR_1003,
                        WH_A_01,
                        LocationType.STORAGE,
                        10,
                        pails(pr1003),
                        LotStatus.RELEASED,
                        PR_1003_EXPIRY,
                        null,
                        Instant.parse("2026-11-18T15:00:00Z")),
                new StockCandidate(
                        LotRef.of("FG-TOPCOAT", "TC-1002"),
                        WH_A_01,
                        LocationType.STORAGE,
                        10,
                        pails(40),
                        LotStatus.RELEASED,
                        LocalDate.of(2027, 11, 17),
                        null,
                        Instant.parse("2026-11-17T14:00:00Z")));
    }

    private static LotAtLocation scanned(LotRef lot, LocalDate expiry) {
        return new LotAtLocation(lot, LotStatus.RELEASED, expiry, null, WH_A_01, LocationType.STORAGE);
    }

    @Test
    void producedExpiriesFollowTheItemShelfLife() {
        assertThat(ShelfLife.expiryOf(LocalDate.of(2026, 11, 17), 365)).isEqualTo(PR_1001_EXPIRY);
        assertThat(ShelfLife.expiryOf(LocalDate.of(2026, 11, 18), 365)).isEqualTo(PR_1003_EXPIRY);
    }

    @Test
    void buildmartOrderSo1IsAllocatedFromTheOlderPr1001() {
        OrderLine so1 = new OrderLine(PRIMER, pails(10), BUILDMART_MIN, ITEM_MIN);
        assertThat(so1.requiredRemainingShelfLifeDays()).isEqualTo(300);
        FefoPlan plan = Fefo.allocate(so1, stock(25, 5), PICK_DAY);
        assertThat(plan.allocations()).containsExactly(new Allocation(PR_1001, WH_A_01, pails(10)));
        assertThat(plan.isCovered()).isTrue();
    }

    @Test
    void pickingPr1001ForSo1IsNotADeviation() {
        OrderLine so1 = new OrderLine(PRIMER, pails(10), BUILDMART_MIN, ITEM_MIN);
        ScanCheck check = Fefo.checkScan(so1, stock(25, 5), scanned(PR_1001, PR_1001_EXPIRY), PICK_DAY);
        assertThat(check.outcome()).isEqualTo(ScanOutcome.FEFO_OK);
    }

    @Test
    void cityMaintOrderSo3PickingPr1003IsAFefoDeviationFromPr1001() {
        OrderLine so3 = new OrderLine(PRIMER, pails(5), 0, ITEM_MIN);
        List<StockCandidate> afterSo1 = stock(15, 5);
        assertThat(Fefo.allocate(so3, afterSo1, PICK_DAY).suggestion())
                .contains(new Allocation(PR_1001, WH_A_01, pails(5)));

        ScanCheck check = Fefo.checkScan(so3, afterSo1, scanned(PR_1003, PR_1003_EXPIRY), PICK_DAY);
        assertThat(check.outcome()).isEqualTo(ScanOutcome.DEVIATION);
        assertThat(check.suggestion()).map(Allocation::lot).contains(PR_1001);
        assertThat(check.mayConfirm(DeviationReason.CUSTOMER_REQUEST, "Customer asked for the newest lot"))
                .isTrue();
        assertThat(Fefo.earlierExpiring(so3, afterSo1, scanned(PR_1003, PR_1003_EXPIRY), PICK_DAY))
                .map(StockCandidate::lot)
                .contains(PR_1001);
    }

    @Test
    void buildmartMinimumMovesTheSuggestionToPr1003OncePr1001HasUnder300DaysLeft() {
        OrderLine line = new OrderLine(PRIMER, pails(10), BUILDMART_MIN, ITEM_MIN);
        LocalDate lastDayForPr1001 = LocalDate.of(2027, 1, 21); // 300 days before 2027-11-17
        LocalDate dayAfter = lastDayForPr1001.plusDays(1);

        assertThat(Fefo.allocate(line, stock(15, 5), lastDayForPr1001).allocations())
                .containsExactly(new Allocation(PR_1001, WH_A_01, pails(10)));

        FefoPlan plan = Fefo.allocate(line, stock(15, 5), dayAfter);
        assertThat(plan.allocations()).containsExactly(new Allocation(PR_1003, WH_A_01, pails(5)));
        assertThat(plan.shortfall()).isEqualTo(pails(5));

        ScanCheck blocked = Fefo.checkScan(line, stock(15, 5), scanned(PR_1001, PR_1001_EXPIRY), dayAfter);
        assertThat(blocked.reasons()).containsExactly(UnavailableReason.SHORT_SHELF_LIFE);
        assertThat(blocked.message()).contains("299 days").contains("300 days");
    }

    @Test
    void cityMaintStillGetsPr1001WhenBuildmartCannot() {
        OrderLine line = new OrderLine(PRIMER, pails(10), 0, ITEM_MIN);
        FefoPlan plan = Fefo.allocate(line, stock(15, 5), LocalDate.of(2027, 1, 22));
        assertThat(plan.allocations()).containsExactly(new Allocation(PR_1001, WH_A_01, pails(10)));
    }
}
