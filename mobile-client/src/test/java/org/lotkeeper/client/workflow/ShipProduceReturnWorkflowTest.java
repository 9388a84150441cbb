package org.lotkeeper.client.workflow;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.PRIMER_GTIN;
import static org.lotkeeper.client.workflow.Riverside.TOPCOAT_GTIN;
import static org.lotkeeper.client.workflow.Riverside.lotLabel;
import static org.lotkeeper.client.workflow.Riverside.wedge;

class ShipProduceReturnWorkflowTest {

    @Nested
    class Shipping {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ShipWorkflow ship = new ShipWorkflow(Riverside.context(view, capture, Riverside.PICKING_DAY));

        Shipping() {
            view.clearStock()
                    .stock("FG-PRIMER", "PR-1003", "STAGE-OUT-1", Quantity.of("5", Uom.H87))
                    .stock("FG-TOPCOAT", "TC-1002", "STAGE-OUT-1", Quantity.of("10", Uom.H87))
                    .stock("FG-TOPCOAT", "TC-1002", "WH-A-01", Quantity.of("10", Uom.H87));
        }

        @Test
        void shp3ShipsOneEventPerStagedLotAsTheScenarioDid() {
            ship.handle(Command.scan(wedge("S:SHP-3")));
            ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));
            Screen second = ship.handle(Command.scan(wedge("TC-1002")));
            assertThat(second.value("Lot TC-1002")).contains("FG-TOPCOAT 10 pc from STAGE-OUT-1");

            Screen done = ship.handle(Command.scan(wedge("S:SHP-3")));

            assertThat(capture.payloads)
                    .containsExactlyElementsOf(Riverside.payloads(EventType.SHIP, "shipment=SHP-3"));
            assertThat(done.feedback().orElseThrow().captured()).hasSize(2);
            assertThat(done.feedback().orElseThrow().message())
                    .startsWith("Delivery note SHP-3 to City Maintenance Dept: 2 lots shipped.");
        }

        @Test
        void aLotWithTooLittleShelfLifeForTheCustomerIsNotLoaded() {
            view.lot(Riverside.lotRow("FG-PRIMER", "PR-0950", LotStatus.RELEASED, "2027-06-01", null));
            view.stock("FG-PRIMER", "PR-0950", "STAGE-OUT-1", Quantity.of("4", Uom.H87));
            ship.handle(Command.scan(wedge("S:SHP-1")));

            Screen refused = ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-0950"))));

            assertThat(refused.feedback().orElseThrow().message()).contains("needs at least 300 days of shelf life");
            assertThat(refused.blocked()).map(Blocked::reasons).contains(List.of(UnavailableReason.SHORT_SHELF_LIFE));
            assertThat(refused.filled()).extracting(Field::label).doesNotContain("Lot PR-0950");
        }

        @Test
        void aQuarantinedLotIsNotLoaded() {
            view.status("FG-PRIMER", "PR-1003", LotStatus.QUARANTINE);
            ship.handle(Command.scan(wedge("S:SHP-3")));

            assertThat(ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .contains("is in quarantine");
        }

        @Test
        void theSameLotTwiceNothingLoadedAndAnotherShipmentAreRefused() {
            ship.handle(Command.scan(wedge("S:SHP-3")));
            assertThat(ship.handle(Command.confirm()).feedback().orElseThrow().message())
                    .startsWith("Nothing is loaded yet");
            ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));

            assertThat(ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Lot PR-1003 is already on this shipment");
            assertThat(ship.handle(Command.scan(wedge("S:SHP-2")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("This is SHP-2, but you are loading SHP-3");
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void anUnknownShipmentIsRefused() {
            assertThat(ship.handle(Command.scan(wedge("S:SHP-99")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Delivery note or transfer SHP-99 is not known");
        }
    }

    /** A note with lines (the server's SHIP task), and the lot picked for its order. */
    @Nested
    class DeliveryNotes {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ShipWorkflow ship = new ShipWorkflow(Riverside.context(view, capture, Riverside.PICKING_DAY));

        DeliveryNotes() {
            view.lot(Riverside.lotRow("FG-PRIMER", "PR-0900", LotStatus.RELEASED, "2027-10-01", null));
            view.clearStock()
                    .stock("FG-PRIMER", "PR-1003", "STAGE-OUT-1", Quantity.of("5", Uom.H87))
                    .stock("FG-PRIMER", "PR-0900", "WH-A-02", Quantity.of("10", Uom.H87))
                    .stock("FG-PRIMER", "PR-1001", "WH-A-01", Quantity.of("25", Uom.H87))
                    .stock("FG-TOPCOAT", "TC-1002", "WH-A-01", Quantity.of("40", Uom.H87));
            view.shipments.put(
                    Reference.of("DN-7"),
                    new ShipmentTask(
                            Reference.of("DN-7"),
                            PartnerCode.of("BUILDMART"),
                            "Dock 4",
                            List.of(new ShipmentTask.Line(
                                    ItemCode.of("FG-PRIMER"),
                                    null,
                                    Quantity.of("20", Uom.H87),
                                    Quantity.of("2", Uom.H87))),
                            List.of(new ShipmentTask.Staged(
                                    ItemCode.of("FG-PRIMER"),
                                    LotCode.of("PR-1003"),
                                    LocationCode.of("STAGE-OUT-1"),
                                    Quantity.of("5", Uom.H87)))));
        }

        @Test
        void theNoteShowsWhatIsMissingAndWhatWasPickedForIt() {
            Screen s = ship.handle(Command.scan(wedge("S:DN-7")));

            assertThat(s.value("FG-PRIMER")).contains("2 pc of 20 pc, 18 pc to go");
            assertThat(s.value("Picked PR-1003")).contains("FG-PRIMER 5 pc at STAGE-OUT-1");
            assertThat(s.value("Ship to")).contains("Dock 4");
        }

        @Test
        void anItemNotOnTheNoteIsRefused() {
            ship.handle(Command.scan(wedge("S:DN-7")));

            Screen refused = ship.handle(Command.scan(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002"))));

            assertThat(refused.feedback().orElseThrow().message())
                    .startsWith("FG-TOPCOAT is not on delivery note DN-7 — set lot TC-1002 aside");
        }

        @Test
        void aLotFromStorageMustBeTheOneThatExpiresFirstUntilItIsAllLoaded() {
            ship.handle(Command.scan(wedge("S:DN-7")));

            assertThat(ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Lot PR-0900 at WH-A-02 expires earlier: ship it first — scan lot PR-0900 instead of "
                            + "PR-1001.");
            // the staged lot is taken as picked; then all of PR-0900, after which PR-1001 is the FEFO lot
            assertThat(ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))))
                            .value("Lot PR-1003"))
                    .contains("FG-PRIMER 5 pc from STAGE-OUT-1");
            assertThat(ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-0900"))))
                            .value("Lot PR-0900"))
                    .contains("FG-PRIMER 10 pc from WH-A-02");
            Screen third = ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));

            // 25 on the shelf, but the note misses only 3 more
            assertThat(third.value("Lot PR-1001")).contains("FG-PRIMER 3 pc from WH-A-01");
            assertThat(ship.handle(new Command.KeyQuantity("4"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("DN-7 needs only 3 pc more of FG-PRIMER — key at most that.");
            Screen done = ship.handle(Command.confirm());
            assertThat(capture.payloads).hasSize(3);
            assertThat(done.feedback().orElseThrow().message())
                    .startsWith("Delivery note DN-7 to BuildMart Stores: 3 lots shipped, the note is complete.");
        }

        @Test
        void aPartLoadSaysWhatIsStillMissing() {
            ship.handle(Command.scan(wedge("S:DN-7")));
            ship.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));

            Screen done = ship.handle(Command.scan(wedge("S:DN-7")));

            assertThat(done.feedback().orElseThrow().message())
                    .contains("still missing 13 pc FG-PRIMER — the note stays open.");
        }

        @Test
        void aCompleteNoteIsRefused() {
            view.shipments.put(
                    Reference.of("DN-8"),
                    new ShipmentTask(
                            Reference.of("DN-8"),
                            PartnerCode.of("BUILDMART"),
                            null,
                            List.of(new ShipmentTask.Line(
                                    ItemCode.of("FG-PRIMER"),
                                    null,
                                    Quantity.of("5", Uom.H87),
                                    Quantity.of("5", Uom.H87))),
                            List.of()));

            assertThat(ship.handle(Command.scan(wedge("S:DN-8")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Delivery note DN-8 is shipped complete — scan the next delivery note.");
        }
    }

    @Nested
    class Production {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();

        private ProduceWorkflow at(String instant) {
            return new ProduceWorkflow(Riverside.context(view, capture, Instant.parse(instant)));
        }

        @Test
        void batchB1001IsTheScenarioTransformWithExpiryFromShelfLife() {
            view.clearStock()
                    .stock("RM-RESIN", "R-2402", "WH-A-02", Quantity.of("800", Uom.KGM))
                    .stock("RM-PIGMENT", "P-5001", "WH-B-01", Quantity.of("500", Uom.KGM))
                    .stock("RM-SOLVENT", "S-9001", "WH-B-01", Quantity.of("2000", Uom.LTR));
            ProduceWorkflow produce = at("2026-11-17T10:00:00Z");

            produce.handle(Command.scan(wedge("O:B-1001")));
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
            produce.handle(new Command.KeyQuantity("300"));
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
            produce.handle(new Command.KeyQuantity("100"));
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("S-9001"))));
            produce.handle(new Command.KeyQuantity("200"));
            Screen outputs = produce.handle(Command.scan(wedge("O:B-1001")));
            assertThat(outputs.step()).isEqualTo(ProduceWorkflow.Step.OUTPUT);
            Screen out = produce.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));
            assertThat(out.value("Output"))
                    .hasValueSatisfying(v -> assertThat(v).endsWith("expires 2027-11-17"));
            produce.handle(new Command.KeyQuantity("30"));
            produce.handle(Command.scan(wedge("PROD-LINE-1")));
            Screen done = produce.handle(Command.scan(wedge("O:B-1001")));

            assertThat(capture.payloads)
                    .containsExactlyElementsOf(Riverside.payloads(EventType.TRANSFORM, "batch=B-1001"));
            assertThat(done.feedback().orElseThrow().message()).contains("PR-1001 30 pc (in quarantine)");
        }

        @Test
        void reworkB1003IsTheScenarioTransform() {
            view.lot(Riverside.lotRow("FG-PRIMER", "PR-1001", LotStatus.RELEASED, "2027-11-17", null));
            ProduceWorkflow produce = at("2026-11-18T10:00:00Z");

            produce.handle(new Command.Choose("REWORK"));
            produce.handle(Command.scan(wedge("B-1003")));
            produce.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));
            produce.handle(new Command.KeyQuantity("5"));
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            produce.handle(new Command.KeyQuantity("50 KGM"));
            produce.handle(Command.scan(wedge("B-1003")));
            produce.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));
            produce.handle(new Command.KeyQuantity("5"));
            produce.handle(Command.scan(wedge("WH-A-01")));
            produce.handle(Command.confirm());

            assertThat(capture.payloads)
                    .containsExactlyElementsOf(Riverside.payloads(EventType.TRANSFORM, "batch=B-1003"));
        }

        @Test
        void aQuarantinedInputIsRefusedButExpiryShelfLifeMinimumsDoNotApply() {
            view.status("RM-RESIN", "R-2401", LotStatus.QUARANTINE);
            ProduceWorkflow produce = at("2026-11-19T10:00:00Z");
            produce.handle(Command.scan(wedge("O:B-2000")));

            Screen refused = produce.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));

            assertThat(refused.feedback().orElseThrow().message()).contains("Lot R-2401 is in quarantine");
            assertThat(refused.blocked().flatMap(Blocked::banner)).contains(UnavailableReason.QUARANTINE);
            assertThat(refused.step()).isEqualTo(ProduceWorkflow.Step.INPUT);
        }

        @Test
        void aSplitOfTwoLotsIsRefusedAtTheEnd() {
            ProduceWorkflow produce = at("2026-11-19T10:00:00Z");
            produce.handle(new Command.Choose("SPLIT"));
            produce.handle(Command.scan(wedge("O:B-2001")));
            produce.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));
            produce.handle(new Command.KeyQuantity("2"));
            produce.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));
            produce.handle(new Command.KeyQuantity("2"));
            produce.handle(Command.scan(wedge("O:B-2001")));
            produce.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-2001"))));
            produce.handle(new Command.KeyQuantity("4"));
            produce.handle(Command.scan(wedge("WH-A-01")));

            Screen refused = produce.handle(Command.scan(wedge("O:B-2001")));

            assertThat(refused.feedback().orElseThrow().message())
                    .startsWith("A split divides one lot; this batch has 2 input lots");
            assertThat(capture.payloads).isEmpty();
            produce.handle(new Command.Choose("MERGE"));
            produce.handle(Command.confirm());
            assertThat(((Transform) capture.last()).kind()).isEqualTo(TransformKind.MERGE);
        }

        @Test
        void finishingWithoutOutputsOrInputsIsRefused() {
            ProduceWorkflow produce = at("2026-11-19T10:00:00Z");
            produce.handle(Command.scan(wedge("O:B-2002")));

            assertThat(produce.handle(Command.scan(wedge("O:B-2002")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Scan at least one input lot first.");
        }
    }

    @Nested
    class Returns {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ReturnWorkflow returns =
                new ReturnWorkflow(Riverside.context(view, capture, Instant.parse("2026-11-20T09:00:00Z")));

        @Test
        void rma1IsTheScenarioReturn() {
            returns.handle(Command.scan(wedge("RMA-1")));
            returns.handle(Command.scan(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002"))));
            returns.handle(new Command.KeyQuantity("2"));
            Screen reason = returns.screen();
            assertThat(reason.choiceValues()).contains("Damaged pail");
            returns.handle(new Command.Choose("Damaged pail"));
            Screen done = returns.handle(Command.scan(wedge("RETURNS-1")));

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.RETURN));
            assertThat(done.step()).isEqualTo(ReturnWorkflow.Step.LOT);
        }

        @Test
        void returnedGoodsOnlyGoIntoAReturnsLocation() {
            returns.handle(Command.scan(wedge("RMA-1")));
            returns.handle(Command.scan(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002"))));
            returns.handle(new Command.KeyQuantity("2"));
            returns.handle(new Command.Choose("Damaged pail"));

            Screen refused = returns.handle(Command.scan(wedge("WH-A-01")));

            assertThat(refused.feedback().orElseThrow().message())
                    .isEqualTo(
                            "WH-A-01 is a storage location; returned goods are kept apart in a returns location — scan a returns location.");
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void withoutAnRmaTheCustomerIsNamedAndMustBeACustomer() {
            assertThat(returns.handle(new Command.NoReference("SOLVCO", "X-1"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("SolvCo is not a customer — choose the customer.");
            assertThat(returns.handle(new Command.NoReference("CITY-MAINT", "CM-DN-7"))
                            .step())
                    .isEqualTo(ReturnWorkflow.Step.LOT);
        }

        @Test
        void aLotNotOnTheRmaTakesOneTapAndTheReasonSaysItWasADeviation() {
            view.returns.put(
                    Reference.of("RMA-2"),
                    new ReturnAuthorisation(
                            Reference.of("RMA-2"),
                            PartnerCode.of("CITY-MAINT"),
                            List.of(new ReturnAuthorisation.Line(
                                    ItemCode.of("FG-TOPCOAT"),
                                    LotCode.of("TC-1002"),
                                    Quantity.of("2", Uom.H87),
                                    Quantity.zero(Uom.H87),
                                    "Damaged pail"))));
            returns.handle(Command.scan(wedge("RMA-2")));
            returns.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))));

            Screen deviation = returns.handle(new Command.KeyQuantity("1"));

            assertThat(deviation.step()).isEqualTo(ReturnWorkflow.Step.DEVIATION);
            assertThat(deviation.feedback().orElseThrow().message())
                    .isEqualTo("Quantity 1 pc. Lot PR-1003 is not on RMA-2 — choose why you take it back anyway "
                            + "(one tap), or cancel.");
            returns.handle(new Command.Choose("Wrong item shipped"));
            returns.handle(Command.scan(wedge("RETURNS-1")));
            assertThat(((Return) capture.last()).reason()).isEqualTo("Lot PR-1003 is not on RMA-2: Wrong item shipped");

            // the lot it names, within what is open, takes the RMA's reason without a question
            returns.handle(Command.scan(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002"))));
            Screen authorised = returns.handle(new Command.KeyQuantity("2"));
            assertThat(authorised.step()).isEqualTo(ReturnWorkflow.Step.LOCATION);
            returns.handle(Command.scan(wedge("RETURNS-1")));
            assertThat(((Return) capture.last()).reason()).isEqualTo("Damaged pail");
        }

        @Test
        void aZeroQuantityIsRefused() {
            returns.handle(Command.scan(wedge("RMA-1")));
            returns.handle(Command.scan(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002"))));

            assertThat(returns.handle(new Command.KeyQuantity("0"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("The quantity must be more than zero");
        }
    }
}
