package org.lotkeeper.model.fefo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FefoTest {

    private static final ItemCode RESIN = ItemCode.of("RM-RESIN");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private static Quantity kg(String v) {
        return Quantity.of(v, Uom.KGM);
    }

    private static StockCandidate row(
            String lot, String location, int pickSeq, String qty, LocalDate expiry, Instant receivedAt) {
        return new StockCandidate(
                new LotRef(RESIN, org.lotkeeper.model.id.LotCode.of(lot)),
                LocationCode.of(location),
                LocationType.STORAGE,
                pickSeq,
                kg(qty),
                LotStatus.RELEASED,
                expiry,
                null,
                receivedAt);
    }

    private static StockCandidate row(String lot, String qty, LocalDate expiry) {
        return row(lot, "WH-A-01", 10, qty, expiry, T0);
    }

    private static OrderLine line(String qty) {
        return OrderLine.of(RESIN, kg(qty));
    }

    private static List<String> picks(FefoPlan plan) {
        return plan.allocations().stream()
                .map(a ->
                        a.lot().lot() + "@" + a.location() + "=" + a.quantity().valueText())
                .toList();
    }

    @Nested
    class Allocation {
        @Test
        void earliestExpiryIsTakenFirstAndTheRestFromTheNext() {
            FefoPlan plan = Fefo.allocate(
                    line("900"),
                    List.of(
                            row("R-2401", "1000", LocalDate.of(2027, 3, 31)),
                            row("R-2402", "800", LocalDate.of(2027, 1, 31))),
                    TODAY);
            assertThat(picks(plan)).containsExactly("R-2402@WH-A-01=800", "R-2401@WH-A-01=100");
            assertThat(plan.allocated()).isEqualTo(kg("900"));
            assertThat(plan.shortfall().isZero()).isTrue();
            assertThat(plan.isCovered()).isTrue();
            assertThat(plan.suggestion()).map(a -> a.lot().lot().value()).contains("R-2402");
        }

        @Test
        void aLotDueForRetestSoonerIsNotPreferredOverOneUsableLonger() {
            StockCandidate longExpirySoonRetest =
                    row("R-2401", "1000", LocalDate.of(2027, 6, 30)).withRetestDate(LocalDate.of(2026, 12, 10));
            FefoPlan plan = Fefo.allocate(
                    line("900"),
                    List.of(row("R-2402", "1000", LocalDate.of(2027, 1, 31)), longExpirySoonRetest),
                    TODAY);
            assertThat(plan.suggestion()).map(a -> a.lot().lot().value()).contains("R-2401");
            StockCandidate pastRetest = longExpirySoonRetest.withRetestDate(TODAY.minusDays(1));
            FefoPlan skipping = Fefo.allocate(
                    line("900"), List.of(row("R-2402", "1000", LocalDate.of(2027, 1, 31)), pastRetest), TODAY);
            assertThat(picks(skipping)).containsExactly("R-2402@WH-A-01=900");
        }

        @Test
        void lineCoveredByTheFirstLotTakesNothingElse() {
            FefoPlan plan = Fefo.allocate(
                    line("12.5"),
                    List.of(row("A", "20", LocalDate.of(2027, 1, 1)), row("B", "20", LocalDate.of(2027, 2, 1))),
                    TODAY);
            assertThat(picks(plan)).containsExactly("A@WH-A-01=12.5");
        }

        @Test
        void lotsWithoutExpiryComeLast() {
            FefoPlan plan = Fefo.allocate(
                    line("30"),
                    List.of(
                            row("NOEXP", "10", null),
                            row("LATE", "10", LocalDate.of(2030, 1, 1)),
                            row("EARLY", "10", LocalDate.of(2027, 1, 1))),
                    TODAY);
            assertThat(picks(plan)).containsExactly("EARLY@WH-A-01=10", "LATE@WH-A-01=10", "NOEXP@WH-A-01=10");
        }

        @Test
        void equalExpiryIsBrokenByReceiptTimeThenPickSequenceThenLotThenLocation() {
            LocalDate exp = LocalDate.of(2027, 6, 30);
            FefoPlan plan = Fefo.allocate(
                    line("60"),
                    List.of(
                            row("L3", "WH-B-01", 30, "10", exp, T0),
                            row("L2", "WH-A-02", 20, "10", exp, T0),
                            row("L1", "WH-A-02", 20, "10", exp, T0),
                            row("L1", "WH-A-01", 20, "10", exp, T0),
                            row("L9", "WH-Z-09", 99, "10", exp, T0.minusSeconds(60)),
                            row("L0", "WH-A-00", 0, "10", exp, null)),
                    TODAY);
            assertThat(picks(plan))
                    .containsExactly(
                            "L9@WH-Z-09=10", // received earliest
                            "L1@WH-A-01=10",
                            "L1@WH-A-02=10",
                            "L2@WH-A-02=10", // pick sequence 20: by lot, then location
                            "L3@WH-B-01=10", // pick sequence 30
                            "L0@WH-A-00=10"); // unknown receipt time last
        }

        @Test
        void shortfallIsWhatAvailableStockCannotCover() {
            FefoPlan plan = Fefo.allocate(
                    line("50"), List.of(row("A", "20", LocalDate.of(2027, 1, 1)), row("B", "12.5", null)), TODAY);
            assertThat(plan.allocated()).isEqualTo(kg("32.5"));
            assertThat(plan.shortfall()).isEqualTo(kg("17.5"));
            assertThat(plan.isCovered()).isFalse();
        }

        @Test
        void nothingAvailableMeansEverythingIsShortAndNoSuggestion() {
            FefoPlan plan = Fefo.allocate(line("5"), List.of(), TODAY);
            assertThat(plan.allocations()).isEmpty();
            assertThat(plan.suggestion()).isEmpty();
            assertThat(plan.shortfall()).isEqualTo(kg("5"));
        }

        @Test
        void unavailableRowsAreSkipped() {
            LotRef pigment = LotRef.of("RM-PIGMENT", "P-1");
            List<StockCandidate> rows = List.of(
                    new StockCandidate(
                            LotRef.of("RM-RESIN", "Q"),
                            LocationCode.of("WH-A-01"),
                            LocationType.STORAGE,
                            0,
                            kg("10"),
                            LotStatus.QUARANTINE,
                            LocalDate.of(2027, 1, 1),
                            null,
                            T0),
                    new StockCandidate(
                            LotRef.of("RM-RESIN", "RET"),
                            LocationCode.of("RETURNS-1"),
                            LocationType.RETURNS,
                            0,
                            kg("10"),
                            LotStatus.RELEASED,
                            LocalDate.of(2027, 1, 1),
                            null,
                            T0),
                    new StockCandidate(
                            pigment,
                            LocationCode.of("WH-A-01"),
                            LocationType.STORAGE,
                            0,
                            kg("10"),
                            LotStatus.RELEASED,
                            LocalDate.of(2027, 1, 1),
                            null,
                            T0),
                    row("EXPIRED", "10", TODAY.minusDays(1)),
                    row("ZERO", "0", LocalDate.of(2027, 1, 1)),
                    row("NEGATIVE", "-3", LocalDate.of(2027, 1, 1)),
                    row("TODAY", "10", TODAY),
                    row("OK", "10", LocalDate.of(2028, 1, 1)));
            assertThat(picks(Fefo.allocate(line("100"), rows, TODAY)))
                    .containsExactly("TODAY@WH-A-01=10", "OK@WH-A-01=10");
        }

        @Test
        void requiredShelfLifeIsTheLargerOfCustomerAndItemMinimum() {
            List<StockCandidate> rows =
                    List.of(row("SHORT", "10", TODAY.plusDays(99)), row("LONG", "10", TODAY.plusDays(100)));
            OrderLine customerWantsMore = new OrderLine(RESIN, kg("20"), 100, 30);
            OrderLine itemWantsMore = new OrderLine(RESIN, kg("20"), 0, 100);
            OrderLine bothLenient = new OrderLine(RESIN, kg("20"), 50, 99);
            assertThat(picks(Fefo.allocate(customerWantsMore, rows, TODAY))).containsExactly("LONG@WH-A-01=10");
            assertThat(picks(Fefo.allocate(itemWantsMore, rows, TODAY))).containsExactly("LONG@WH-A-01=10");
            assertThat(picks(Fefo.allocate(bothLenient, rows, TODAY)))
                    .containsExactly("SHORT@WH-A-01=10", "LONG@WH-A-01=10");
        }

        @Test
        void quantitiesInOtherUnitsOfTheSameDimensionAreConvertedExactly() {
            StockCandidate grams = new StockCandidate(
                    LotRef.of("RM-RESIN", "G"),
                    LocationCode.of("WH-A-01"),
                    LocationType.STORAGE,
                    0,
                    Quantity.of("2500", Uom.GRM),
                    LotStatus.RELEASED,
                    null,
                    null,
                    T0);
            FefoPlan plan = Fefo.allocate(line("3"), List.of(grams), TODAY);
            assertThat(picks(plan)).containsExactly("G@WH-A-01=2.5");
            assertThat(plan.shortfall()).isEqualTo(kg("0.5"));
        }

        @Test
        void sameLotAndLocationListedTwiceIsRefused() {
            assertThatThrownBy(() -> Fefo.allocate(line("1"), List.of(row("A", "1", null), row("A", "2", null)), TODAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rowsWhoseTextFormsLookAlikeAreNotTakenForDuplicates() {
            List<StockCandidate> rows = List.of(
                    new StockCandidate(
                            LotRef.of("RM/A", "B"),
                            LocationCode.of("WH-A-01"),
                            LocationType.STORAGE,
                            0,
                            kg("1"),
                            LotStatus.RELEASED,
                            null,
                            null,
                            T0),
                    new StockCandidate(
                            LotRef.of("RM", "A/B"),
                            LocationCode.of("WH-A-01"),
                            LocationType.STORAGE,
                            0,
                            kg("1"),
                            LotStatus.RELEASED,
                            null,
                            null,
                            T0));
            assertThat(Fefo.allocate(OrderLine.of(ItemCode.of("RM"), kg("5")), rows, TODAY)
                            .allocated())
                    .isEqualTo(kg("1"));
        }

        @Test
        void orderLineNeedsAPositiveQuantity() {
            assertThatThrownBy(() -> line("0")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Scan {
        private final List<StockCandidate> rows = List.of(
                row("EARLY", "WH-A-01", 10, "5", LocalDate.of(2027, 1, 31), T0),
                row("TWIN", "WH-A-02", 20, "5", LocalDate.of(2027, 1, 31), T0.plusSeconds(3600)),
                row("LATE", "WH-B-01", 30, "50", LocalDate.of(2027, 3, 31), T0));

        private LotAtLocation scanned(
                String lot, String location, LotStatus status, LocalDate expiry, LocationType type) {
            return new LotAtLocation(LotRef.of("RM-RESIN", lot), status, expiry, null, LocationCode.of(location), type);
        }

        private LotAtLocation released(String lot, String location, LocalDate expiry) {
            return scanned(lot, location, LotStatus.RELEASED, expiry, LocationType.STORAGE);
        }

        @Test
        void scanningTheSuggestedLotIsFefoOk() {
            ScanCheck check =
                    Fefo.checkScan(line("10"), rows, released("EARLY", "WH-A-01", LocalDate.of(2027, 1, 31)), TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.FEFO_OK);
            assertThat(check.mayConfirm(null, null)).isTrue();
        }

        @Test
        void scanningAnotherLotWithTheSameExpiryIsFefoOk() {
            ScanCheck check =
                    Fefo.checkScan(line("10"), rows, released("TWIN", "WH-A-02", LocalDate.of(2027, 1, 31)), TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.FEFO_OK);
            assertThat(check.suggestion()).map(a -> a.lot().lot().value()).contains("EARLY");
        }

        @Test
        void scanningALaterExpiringLotIsADeviationNamingTheLotToTake() {
            ScanCheck check =
                    Fefo.checkScan(line("10"), rows, released("LATE", "WH-B-01", LocalDate.of(2027, 3, 31)), TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.DEVIATION);
            assertThat(check.suggestion())
                    .map(a -> a.lot().lot().value() + "@" + a.location())
                    .contains("EARLY@WH-A-01");
            assertThat(check.message()).contains("EARLY").contains("WH-A-01");
            assertThat(check.problems()).isEmpty();
        }

        @Test
        void deviationNeedsAReasonAndOtherNeedsANote() {
            ScanCheck check =
                    Fefo.checkScan(line("10"), rows, released("LATE", "WH-B-01", LocalDate.of(2027, 3, 31)), TODAY);
            assertThat(check.mayConfirm(null, null)).isFalse();
            assertThat(check.mayConfirm(DeviationReason.DAMAGED_PACKAGING, null))
                    .isTrue();
            assertThat(check.mayConfirm(DeviationReason.OTHER, "  ")).isFalse();
            assertThat(check.mayConfirm(DeviationReason.OTHER, "drum leaking")).isTrue();
        }

        @Test
        void scanningALotWithoutExpiryWhileADatedLotIsAvailableIsADeviation() {
            ScanCheck check = Fefo.checkScan(line("10"), rows, released("FOREVER", "WH-B-01", null), TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.DEVIATION);
        }

        @Test
        void earlierLotThatIsUnavailableDoesNotMakeADeviation() {
            List<StockCandidate> onlyHeldEarlier = List.of(
                    new StockCandidate(
                            LotRef.of("RM-RESIN", "HELD"),
                            LocationCode.of("WH-A-01"),
                            LocationType.STORAGE,
                            0,
                            kg("5"),
                            LotStatus.ON_HOLD,
                            LocalDate.of(2027, 1, 1),
                            null,
                            T0),
                    new StockCandidate(
                            LotRef.of("RM-RESIN", "BACK"),
                            LocationCode.of("RETURNS-1"),
                            LocationType.RETURNS,
                            0,
                            kg("5"),
                            LotStatus.RELEASED,
                            LocalDate.of(2027, 1, 1),
                            null,
                            T0),
                    row("EMPTY", "0", LocalDate.of(2027, 1, 1)),
                    row("LATE", "WH-B-01", 30, "50", LocalDate.of(2027, 3, 31), T0));
            ScanCheck check = Fefo.checkScan(
                    line("10"), onlyHeldEarlier, released("LATE", "WH-B-01", LocalDate.of(2027, 3, 31)), TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.FEFO_OK);
        }

        @Test
        void scanningAnUnavailableLotIsBlockedWithItsReasonsAndTheLotToTake() {
            ScanCheck check = Fefo.checkScan(
                    line("10"),
                    rows,
                    scanned(
                            "R-2402",
                            "QA-HOLD",
                            LotStatus.QUARANTINE,
                            LocalDate.of(2027, 1, 31),
                            LocationType.QUARANTINE),
                    TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.BLOCKED);
            assertThat(check.reasons())
                    .containsExactly(UnavailableReason.QUARANTINE, UnavailableReason.LOCATION_NOT_PICKABLE);
            assertThat(check.message())
                    .contains("Lot R-2402 is in quarantine — QA has not released it; take another lot")
                    .contains("EARLY");
            assertThat(check.mayConfirm(DeviationReason.SUPERVISOR_INSTRUCTION, "boss said so"))
                    .isFalse();
        }

        @Test
        void scanningAnotherItemIsBlockedAsWrongItem() {
            LotAtLocation pigment = new LotAtLocation(
                    LotRef.of("RM-PIGMENT", "P-5001"),
                    LotStatus.RELEASED,
                    null,
                    null,
                    LocationCode.of("WH-B-01"),
                    LocationType.STORAGE);
            ScanCheck check = Fefo.checkScan(line("10"), rows, pigment, TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.BLOCKED);
            assertThat(check.reasons()).containsExactly(UnavailableReason.WRONG_ITEM);
        }

        @Test
        void scanningAnExpiredLotIsBlocked() {
            ScanCheck check = Fefo.checkScan(line("10"), rows, released("OLD", "WH-A-01", TODAY.minusDays(1)), TODAY);
            assertThat(check.reasons()).containsExactly(UnavailableReason.EXPIRED);
        }

        @Test
        void scanningALotTheLedgerDoesNotHaveAtThatLocationIsJudgedByItsFacts() {
            ScanCheck check =
                    Fefo.checkScan(line("10"), rows, released("EARLY", "WH-C-07", LocalDate.of(2027, 1, 31)), TODAY);
            assertThat(check.outcome()).isEqualTo(ScanOutcome.FEFO_OK);
        }
    }

    @Nested
    class Justification {
        @Test
        void everyReasonButOtherIsAcceptedWithoutANote() {
            for (DeviationReason reason : DeviationReason.values()) {
                DeviationJustification j = DeviationJustification.of(reason, null);
                assertThat(j.isAccepted()).isEqualTo(reason != DeviationReason.OTHER);
            }
        }

        @Test
        void otherWithANoteIsAccepted() {
            assertThat(DeviationJustification.of(DeviationReason.OTHER, "label unreadable"))
                    .isEqualTo(DeviationJustification.ACCEPTED);
        }

        @Test
        void otherWithoutANoteAsksForOne() {
            assertThat(DeviationJustification.of(DeviationReason.OTHER, ""))
                    .isEqualTo(DeviationJustification.NOTE_MISSING);
            assertThat(DeviationJustification.NOTE_MISSING.message()).contains("note");
        }

        @Test
        void noReasonIsNotAccepted() {
            assertThat(DeviationJustification.of(null, "a note alone is not enough"))
                    .isEqualTo(DeviationJustification.REASON_MISSING);
        }
    }
}
