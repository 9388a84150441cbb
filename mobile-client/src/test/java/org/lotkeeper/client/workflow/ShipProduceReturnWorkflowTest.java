package org.lotkeeper.client.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.PRIMER_GTIN;
import static org.lotkeeper.client.workflow.Riverside.TOPCOAT_GTIN;
import static org.lotkeeper.client.workflow.Riverside.lotLabel;
import static org.lotkeeper.client.workflow.Riverside.wedge;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

class ShipProduceReturnWorkflowTest {

    @Nested
    class Shipping {

        private final InMemoryLocalView view = Riverside.pickingDay();
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
            ship.accept(wedge("S:SHP-3"));
            ship.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1003")));
            Screen second = ship.accept(wedge("TC-1002"));
            assertThat(second.value("Lot TC-1002")).contains("FG-TOPCOAT 10 H87 from STAGE-OUT-1");

            Screen done = ship.accept(wedge("S:SHP-3"));

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.SHIP, "shipment=SHP-3"));
            assertThat(done.feedback().orElseThrow().captured()).hasSize(2);
            assertThat(done.feedback().orElseThrow().message()).startsWith("Shipment SHP-3 to City Maintenance Dept is shipped: 2 lots.");
        }

        @Test
        void aLotWithTooLittleShelfLifeForTheCustomerIsNotLoaded() {
            view.lot(Riverside.lotRow("FG-PRIMER", "PR-0950", LotStatus.RELEASED, "2027-06-01", null));
            view.stock("FG-PRIMER", "PR-0950", "STAGE-OUT-1", Quantity.of("4", Uom.H87));
            ship.accept(wedge("S:SHP-1"));

            Screen refused = ship.accept(wedge(lotLabel(PRIMER_GTIN, "PR-0950")));

            assertThat(refused.feedback().orElseThrow().message()).contains("needs at least 300 days of shelf life");
            assertThat(refused.filled()).extracting(Field::label).doesNotContain("Lot PR-0950");
        }

        @Test
        void aQuarantinedLotIsNotLoaded() {
            view.status("FG-PRIMER", "PR-1003", LotStatus.QUARANTINE);
            ship.accept(wedge("S:SHP-3"));

            assertThat(ship.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))).feedback().orElseThrow().message())
                    .contains("is in quarantine");
        }

        @Test
        void theSameLotTwiceNothingLoadedAndAnotherShipmentAreRefused() {
            ship.accept(wedge("S:SHP-3"));
            assertThat(ship.confirm().feedback().orElseThrow().message()).startsWith("Nothing is loaded yet");
            ship.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1003")));

            assertThat(ship.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1003"))).feedback().orElseThrow().message())
                    .startsWith("Lot PR-1003 is already on this shipment");
            assertThat(ship.accept(wedge("S:SHP-2")).feedback().orElseThrow().message())
                    .startsWith("This is SHP-2, but you are loading SHP-3");
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void anUnknownShipmentIsRefused() {
            assertThat(ship.accept(wedge("S:SHP-99")).feedback().orElseThrow().message()).startsWith("Shipment SHP-99 is not known");
        }
    }

    @Nested
    class Production {

        private final InMemoryLocalView view = Riverside.pickingDay();
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

            produce.accept(wedge("O:B-1001"));
            produce.accept(wedge(Riverside.internalLabelScan("R-2402")));
            produce.keyQuantity("300");
            produce.accept(wedge(Riverside.internalLabelScan("P-5001")));
            produce.keyQuantity("100");
            produce.accept(wedge(Riverside.internalLabelScan("S-9001")));
            produce.keyQuantity("200");
            Screen outputs = produce.accept(wedge("O:B-1001"));
            assertThat(outputs.step()).isEqualTo(ProduceWorkflow.Step.OUTPUT);
            Screen out = produce.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1001")));
            assertThat(out.value("Output")).hasValueSatisfying(v -> assertThat(v).endsWith("expires 2027-11-17"));
            produce.keyQuantity("30");
            produce.accept(wedge("PROD-LINE-1"));
            Screen done = produce.accept(wedge("O:B-1001"));

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.TRANSFORM, "batch=B-1001"));
            assertThat(done.feedback().orElseThrow().message()).contains("PR-1001 30 H87 (QUARANTINE)");
        }

        @Test
        void reworkB1003IsTheScenarioTransform() {
            view.lot(Riverside.lotRow("FG-PRIMER", "PR-1001", LotStatus.RELEASED, "2027-11-17", null));
            ProduceWorkflow produce = at("2026-11-18T10:00:00Z");

            produce.chooseKind(TransformKind.REWORK);
            produce.accept(wedge("B-1003"));
            produce.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1001")));
            produce.keyQuantity("5");
            produce.accept(wedge(Riverside.internalLabelScan("R-2401")));
            produce.keyQuantity("50 KGM");
            produce.accept(wedge("B-1003"));
            produce.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1003")));
            produce.keyQuantity("5");
            produce.accept(wedge("WH-A-01"));
            produce.finish();

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.TRANSFORM, "batch=B-1003"));
        }

        @Test
        void aQuarantinedInputIsRefusedButExpiryShelfLifeMinimumsDoNotApply() {
            view.status("RM-RESIN", "R-2401", LotStatus.QUARANTINE);
            ProduceWorkflow produce = at("2026-11-19T10:00:00Z");
            produce.accept(wedge("O:B-2000"));

            Screen refused = produce.accept(wedge(Riverside.internalLabelScan("R-2401")));

            assertThat(refused.feedback().orElseThrow().message()).contains("Lot R-2401 is in quarantine");
            assertThat(refused.step()).isEqualTo(ProduceWorkflow.Step.INPUT);
        }

        @Test
        void aSplitOfTwoLotsIsRefusedAtTheEnd() {
            ProduceWorkflow produce = at("2026-11-19T10:00:00Z");
            produce.chooseKind(TransformKind.SPLIT);
            produce.accept(wedge("O:B-2001"));
            produce.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1001")));
            produce.keyQuantity("2");
            produce.accept(wedge(lotLabel(PRIMER_GTIN, "PR-1003")));
            produce.keyQuantity("2");
            produce.accept(wedge("O:B-2001"));
            produce.accept(wedge(lotLabel(PRIMER_GTIN, "PR-2001")));
            produce.keyQuantity("4");
            produce.accept(wedge("WH-A-01"));

            Screen refused = produce.accept(wedge("O:B-2001"));

            assertThat(refused.feedback().orElseThrow().message()).startsWith("A SPLIT divides one lot; this batch has 2 input lots");
            assertThat(capture.payloads).isEmpty();
            produce.chooseKind(TransformKind.MERGE);
            produce.finish();
            assertThat(((Transform) capture.last()).kind()).isEqualTo(TransformKind.MERGE);
        }

        @Test
        void finishingWithoutOutputsOrInputsIsRefused() {
            ProduceWorkflow produce = at("2026-11-19T10:00:00Z");
            produce.accept(wedge("O:B-2002"));

            assertThat(produce.accept(wedge("O:B-2002")).feedback().orElseThrow().message()).isEqualTo("Scan at least one input lot first.");
        }
    }

    @Nested
    class Returns {

        private final InMemoryLocalView view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ReturnWorkflow returns = new ReturnWorkflow(Riverside.context(view, capture, Instant.parse("2026-11-20T09:00:00Z")));

        @Test
        void rma1IsTheScenarioReturn() {
            returns.accept(wedge("RMA-1"));
            returns.accept(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002")));
            returns.keyQuantity("2");
            Screen reason = returns.screen();
            assertThat(reason.choices()).contains("Damaged pail");
            returns.chooseReason("Damaged pail");
            Screen done = returns.accept(wedge("RETURNS-1"));

            assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.RETURN));
            assertThat(done.step()).isEqualTo(ReturnWorkflow.Step.LOT);
        }

        @Test
        void returnedGoodsOnlyGoIntoAReturnsLocation() {
            returns.accept(wedge("RMA-1"));
            returns.accept(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002")));
            returns.keyQuantity("2");
            returns.chooseReason("Damaged pail");

            Screen refused = returns.accept(wedge("WH-A-01"));

            assertThat(refused.feedback().orElseThrow().message())
                    .isEqualTo("WH-A-01 is a storage location; returned goods are kept apart in a returns location — scan a returns location.");
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void withoutAnRmaTheCustomerIsNamedAndMustBeACustomer() {
            assertThat(returns.withoutRma(PartnerCode.of("SOLVCO"), "X-1").feedback().orElseThrow().message())
                    .isEqualTo("SolvCo is not a customer — choose the customer.");
            assertThat(returns.withoutRma(PartnerCode.of("CITY-MAINT"), "CM-DN-7").step()).isEqualTo(ReturnWorkflow.Step.LOT);
        }

        @Test
        void aZeroQuantityIsRefused() {
            returns.accept(wedge("RMA-1"));
            returns.accept(wedge(lotLabel(TOPCOAT_GTIN, "TC-1002")));

            assertThat(returns.keyQuantity("0").feedback().orElseThrow().message()).startsWith("The quantity must be more than zero");
        }
    }
}
