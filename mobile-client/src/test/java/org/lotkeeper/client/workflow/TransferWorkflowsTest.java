package org.lotkeeper.client.workflow;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.PRIMER_GTIN;
import static org.lotkeeper.client.workflow.Riverside.lotLabel;
import static org.lotkeeper.client.workflow.Riverside.wedge;

/** Transfers between sites on the handheld (docs/HANDHELD.md, "Transfers between sites"). */
class TransferWorkflowsTest {

    private static final Reference TR = Reference.of("TR-1");
    private static final SiteCode PLANT_2 = SiteCode.of("PLANT-2");

    /** Loading a transfer order in Ship: whole lots, any status but rejected or recalled, one TRANSFER_OUT each. */
    @Nested
    class Loading {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ShipWorkflow ship = new ShipWorkflow(Riverside.context(view, capture, Riverside.PICKING_DAY));

        Loading() {
            view.clearStock()
                    .stock("FG-PRIMER", "PR-1003", "WH-A-01", Quantity.of("25", Uom.H87))
                    .stock("FG-PRIMER", "PR-1001", "WH-A-01", Quantity.of("10", Uom.H87))
                    .stock("FG-PRIMER", "PR-1001", "WH-B-01", Quantity.of("5", Uom.H87));
            view.shipments.put(
                    TR,
                    new ShipmentTask(
                            TR,
                            null,
                            null,
                            List.of(new ShipmentTask.Line(
                                    ItemCode.of("FG-PRIMER"),
                                    null,
                                    Quantity.of("20", Uom.H87),
                                    Quantity.of("0", Uom.H87))),
                            List.of(),
                            PLANT_2));
        }

        @Test
        void aQuarantinedLotGoesWholeAsItIsWithoutAFefoQuestion() {
            view.status("FG-PRIMER", "PR-1003", LotStatus.QUARANTINE);
            assertThat(ship.handle(Command.scan(wedge("S:TR-1")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Transfer TR-1 to site PLANT-2.");
            Screen loaded = ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));
            // all 25 of the lot, though the order asks for 20: a transfer sends whole lots
            assertThat(loaded.value("Lot PR-1003")).contains("FG-PRIMER 25 pc from WH-A-01");
            assertThat(ship.handle(new Command.KeyQuantity("20"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("A transfer takes whole lots");

            Screen done = ship.handle(Command.scan(wedge("S:TR-1")));

            assertThat(capture.payloads)
                    .containsExactly(new TransferOut(
                            TR,
                            PLANT_2,
                            ItemCode.of("FG-PRIMER"),
                            LotCode.of("PR-1003"),
                            Quantity.of("25", Uom.H87),
                            LocationCode.of("WH-A-01"),
                            null));
            assertThat(done.feedback().orElseThrow().message())
                    .startsWith("Transfer TR-1 to site PLANT-2: 1 lot sent, the note is complete.");
        }

        @Test
        void aLotThatStillLiesElsewhereIsNotSentUntilAllOfItIsLoaded() {
            ship.handle(Command.scan(wedge("S:TR-1")));
            ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));
            ship.handle(Command.scan(wedge("WH-A-01")));

            assertThat(ship.handle(Command.confirm()).feedback().orElseThrow().message())
                    .startsWith("Lot PR-1001 also lies at WH-B-01 (5 pc): a transfer takes the whole lot");
            assertThat(capture.payloads).isEmpty();

            ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));
            ship.handle(Command.scan(wedge("WH-B-01")));
            ship.handle(Command.confirm());
            assertThat(capture.payloads).hasSize(2).allMatch(p -> p instanceof TransferOut);
        }

        @Test
        void aRecalledLotIsNotSent() {
            view.status("FG-PRIMER", "PR-1003", LotStatus.RECALLED);
            ship.handle(Command.scan(wedge("S:TR-1")));

            Screen refused = ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));

            assertThat(refused.feedback().orElseThrow().message())
                    .startsWith("Lot PR-1003 is recalled — it may not go to a sister site");
            assertThat(refused.blocked()).isPresent();
        }
    }

    /** Receiving a transfer: labels matched against what is on its way, nothing keyed, one TRANSFER_IN each. */
    @Nested
    class Receiving {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final TransferInWorkflow receive =
                new TransferInWorkflow(Riverside.context(view, capture, Riverside.PICKING_DAY));

        Receiving() {
            view.status("FG-PRIMER", "PR-1003", LotStatus.QUARANTINE);
            view.inbound.put(
                    TR,
                    new InboundTransfer(
                            TR,
                            PLANT_2,
                            List.of(new InboundTransfer.Line(
                                    ItemCode.of("FG-PRIMER"),
                                    LotCode.of("PR-1003"),
                                    null,
                                    Quantity.of("25", Uom.H87)))));
        }

        @Test
        void theLotLabelTakesWhatWasSentAndKeepsItsStatus() {
            assertThat(receive.handle(Command.scan(wedge("S:TR-9")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Transfer TR-9 is not on its way to this site");
            assertThat(receive.handle(Command.scan(wedge("S:TR-1")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Transfer TR-1 from PLANT-2: 1 lot on the way.");
            assertThat(receive.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith(
                            "Lot PR-1001 of FG-PRIMER is not on transfer TR-1 — set it aside; on its way: lot PR-1003");
            assertThat(receive.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Lot PR-1003 (25 pc, in quarantine). Scan where you put it down.");
            assertThat(receive.handle(Command.scan(wedge("STAGE-OUT-1")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .contains("go to receiving, quarantine or storage");

            receive.handle(Command.scan(wedge("QA-HOLD")));

            assertThat(capture.payloads)
                    .containsExactly(new TransferIn(
                            TR,
                            PLANT_2,
                            ItemCode.of("FG-PRIMER"),
                            LotCode.of("PR-1003"),
                            Quantity.of("25", Uom.H87),
                            LocationCode.of("QA-HOLD"),
                            null));
        }
    }
}
