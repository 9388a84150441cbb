package org.lotkeeper.client.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.PRIMER_GTIN;
import static org.lotkeeper.client.workflow.Riverside.lotLabel;
import static org.lotkeeper.client.workflow.Riverside.wedge;

class MoveAndCountWorkflowTest {

    @Nested
    class Moves {

        private final InMemoryDeviceData view = Riverside.masterData();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final MoveWorkflow move =
                new MoveWorkflow(Riverside.context(view, capture, Instant.parse("2026-11-16T14:00:00Z")));

        Moves() {
            view.lot(Riverside.lotRow("RM-RESIN", "R-2401", LotStatus.RELEASED, "2027-03-31", "2026-11-16T08:05:00Z"));
            view.lot(Riverside.lotRow("RM-RESIN", "R-2402", LotStatus.RELEASED, "2027-01-31", "2026-11-16T08:20:00Z"));
            view.stock("RM-RESIN", "R-2401", "RCV-DOCK-1", Quantity.of("1000", Uom.KGM));
            view.stock("RM-RESIN", "R-2402", "RCV-DOCK-1", Quantity.of("800", Uom.KGM));
        }

        @Test
        void putawayOfR2401ToTheGs1BinLabelIsTheScenarioMove() {
            Screen lot = move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            assertThat(lot.step()).isEqualTo(MoveWorkflow.Step.TO);
            assertThat(lot.value("Quantity")).contains("1000 kg");

            Screen done = move.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01"))));

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.MOVE, "lot=R-2401"));
            assertThat(done.feedback().orElseThrow().captured()).hasSize(1);
            assertThat(done.step()).isEqualTo(MoveWorkflow.Step.LOT);
        }

        @Test
        void aRecalledLotIsAnsweredRedOnItsFirstScanAndMayGoOnlyToQuarantineOrReturns() {
            view.status("RM-RESIN", "R-2401", LotStatus.RECALLED);

            Screen lot = move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            assertThat(lot.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
            assertThat(lot.feedback().orElseThrow().message())
                    .startsWith("Lot R-2401 is recalled — it may only go to a quarantine or returns location.");
            assertThat(lot.blocked())
                    .hasValueSatisfying(
                            b -> assertThat(b.banner()).contains(org.lotkeeper.model.lot.UnavailableReason.RECALLED));
            assertThat(lot.step()).isEqualTo(MoveWorkflow.Step.TO);

            Screen storage = move.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01"))));
            assertThat(storage.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
            assertThat(storage.feedback().orElseThrow().message()).contains("not WH-A-01 (storage)");
            assertThat(storage.blocked()).isPresent();
            assertThat(capture.payloads).isEmpty();

            Screen quarantine = move.handle(Command.scan(wedge("QA-HOLD")));
            assertThat(quarantine.feedback().orElseThrow().tone()).isEqualTo(Tone.GOOD);
            assertThat(capture.payloads).hasSize(1);
        }

        @Test
        void cancelAfterACaptureSaysWhatStaysSavedNeverThatNothingWas() {
            move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            move.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01"))));
            move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));

            Screen cancelled = move.handle(Command.cancel());

            assertThat(cancelled.feedback().orElseThrow().message())
                    .doesNotContain("nothing was saved")
                    .contains("Saved before: 1 step")
                    .contains("stay saved");
            assertThat(capture.payloads).hasSize(1);
        }

        @Test
        void partOfTheStockMovesWhenAQuantityIsKeyed() {
            move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            move.handle(new Command.KeyQuantity("400"));
            move.handle(Command.scan(wedge("QA-HOLD")));

            assertThat(capture.last())
                    .isEqualTo(new Move(
                            ItemCode.of("RM-RESIN"),
                            LotCode.of("R-2401"),
                            Quantity.of("400", Uom.KGM),
                            LocationCode.of("RCV-DOCK-1"),
                            LocationCode.of("QA-HOLD"),
                            null));
        }

        @Test
        void aLotInTwoPlacesAsksWhereItIsTakenFrom() {
            view.stock("RM-RESIN", "R-2401", "WH-A-02", Quantity.of("50", Uom.KGM));

            Screen lot = move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            assertThat(lot.step()).isEqualTo(MoveWorkflow.Step.FROM);
            Screen from = move.handle(Command.scan(wedge("WH-A-02")));
            assertThat(from.value("Quantity")).contains("50 kg");
            move.handle(Command.scan(wedge("WH-A-01")));

            assertThat(((Move) capture.last()).quantity()).isEqualTo(Quantity.of("50", Uom.KGM));
        }

        @Test
        void theTargetMustDifferFromTheSourceAndBeKnown() {
            move.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));

            assertThat(move.handle(Command.scan(wedge("RCV-DOCK-1")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .contains("where it is now");
            assertThat(move.handle(Command.scan(wedge("WH-Z-99")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Location WH-Z-99 is not known");
            assertThat(move.handle(Command.scan(wedge("]C14140614141000012254WH-A-01")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("This location label belongs to another site");
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void aPalletWithTwoLotsMovesAsOneMovePerLotNamingTheSscc() {
            Sscc sscc = Sscc.of("006141411234567890");
            view.containers.put(
                    sscc,
                    new ContainerInfo(
                            sscc,
                            LocationCode.of("RCV-DOCK-1"),
                            List.of(
                                    new ContainerLine(
                                            ItemCode.of("RM-RESIN"),
                                            LotCode.of("R-2401"),
                                            Quantity.of("1000", Uom.KGM)),
                                    new ContainerLine(
                                            ItemCode.of("RM-RESIN"),
                                            LotCode.of("R-2402"),
                                            Quantity.of("800", Uom.KGM)))));

            move.handle(Command.scan(wedge("]C100006141411234567890")));
            Screen done = move.handle(Command.scan(wedge("WH-A-01")));

            assertThat(capture.all(Move.class))
                    .extracting(Move::lot, Move::sscc)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LotCode.of("R-2401"), sscc),
                            org.assertj.core.groups.Tuple.tuple(LotCode.of("R-2402"), sscc));
            assertThat(done.feedback().orElseThrow().captured()).hasSize(2);
        }

        @Test
        void aBadgeIsNotALot() {
            assertThat(move.handle(Command.scan(wedge("B:ben")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("This is a badge, not a lot label — scan the lot label.");
        }
    }

    @Nested
    class Counts {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final CountWorkflow count =
                new CountWorkflow(Riverside.context(view, capture, Instant.parse("2026-11-20T15:00:00Z")));

        @Test
        void aPalletLabelNamesItsLotsOneAfterTheOtherStillBlind() {
            Sscc pallet = Sscc.of("006141410000000012");
            view.containers.put(
                    pallet,
                    new ContainerInfo(
                            pallet,
                            LocationCode.of("WH-A-01"),
                            List.of(
                                    new ContainerLine(
                                            ItemCode.of("FG-PRIMER"),
                                            LotCode.of("PR-1001"),
                                            Quantity.of("10", Uom.H87)),
                                    new ContainerLine(
                                            ItemCode.of("FG-PRIMER"),
                                            LotCode.of("PR-1003"),
                                            Quantity.of("5", Uom.H87)))));
            count.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01"))));
            Screen first = count.handle(Command.scan(wedge("]C100" + pallet.value())));
            assertThat(first.step()).isEqualTo(CountWorkflow.Step.QUANTITY);
            assertThat(first.prompt())
                    .isEqualTo("Key how many of lot PR-1001 you count here, on the pallet and loose.");
            assertThat(first.filled() + " " + first.feedback().orElseThrow().message())
                    .doesNotContain("10 pc")
                    .doesNotContain("5 pc");
            Screen second = count.handle(new Command.KeyQuantity("12"));
            assertThat(second.prompt()).contains("lot PR-1003");
            Screen done = count.handle(new Command.KeyQuantity("5"));
            assertThat(done.step()).isEqualTo(CountWorkflow.Step.LOT);
            assertThat(capture.payloads)
                    .containsExactly(
                            new Count(
                                    ItemCode.of("FG-PRIMER"),
                                    LotCode.of("PR-1001"),
                                    LocationCode.of("WH-A-01"),
                                    Quantity.of("12", Uom.H87),
                                    null),
                            new Count(
                                    ItemCode.of("FG-PRIMER"),
                                    LotCode.of("PR-1003"),
                                    LocationCode.of("WH-A-01"),
                                    Quantity.of("5", Uom.H87),
                                    null));
        }

        @Test
        void blindCountOfPr1001IsTheScenarioCountAndNeverShowsWhatIsExpected() {
            view.clearStock().stock("FG-PRIMER", "PR-1001", "WH-A-01", Quantity.of("15", Uom.H87));
            List<Screen> screens = new ArrayList<>();

            screens.add(count.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01")))));
            screens.add(count.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001")))));
            screens.add(count.handle(new Command.KeyQuantity("14")));

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.COUNT));
            for (Screen s : screens) {
                String all = s.prompt()
                        + s.feedback().map(Feedback::message).orElse("")
                        + s.filled()
                        + s.choices()
                        + s.fefo();
                assertThat(all).doesNotContain("15");
            }
            assertThat(screens.get(2).step()).isEqualTo(CountWorkflow.Step.LOT);
        }

        @Test
        void zeroIsACountButNegativeIsNot() {
            count.handle(Command.scan(wedge("WH-A-01")));
            count.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));

            assertThat(count.handle(new Command.KeyQuantity("-1"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("A count cannot be negative");
            count.handle(new Command.KeyQuantity("0"));

            assertThat(((Count) capture.last()).counted().isZero()).isTrue();
        }

        @Test
        void scanningTheNextLocationMovesOn() {
            count.handle(Command.scan(wedge("WH-A-01")));

            Screen next = count.handle(Command.scan(wedge("WH-B-01")));

            assertThat(next.value("Location")).contains("WH-B-01");
            assertThat(next.feedback().orElseThrow().message()).startsWith("WH-A-01 done (0 lots)");
        }

        @Test
        void anUnknownLocationIsRefused() {
            assertThat(count.handle(Command.scan(wedge("WH-Z-99")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Location WH-Z-99 is not known");
        }
    }
}
