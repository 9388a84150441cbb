package org.lotkeeper.client.workflow;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LotRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.wedge;

/**
 * The quality half on the handheld (docs/QUALITY-CONTROL.md): the supplier's COA keyed at the dock
 * after a receipt, judged at once; and a batch that doses a potent lot by its active quantity.
 */
class QualityOnTheFloorWorkflowTest {

    @Nested
    class SuppliersCoaAtTheDock {

        private final InMemoryDeviceData view = Riverside.masterData();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ReceiveWorkflow receive =
                new ReceiveWorkflow(Riverside.context(view, capture, Riverside.RECEIVING_DAY));

        SuppliersCoaAtTheDock() {
            view.item(QualityFixtures.withSpecification(
                    view.item(QualityFixtures.PIGMENT).orElseThrow()));
        }

        private Screen receiveP5001() {
            receive.handle(new Command.NoReference("TIO2-CORP", "DN-1"));
            receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));
            receive.handle(new Command.KeyQuantity("500"));
            receive.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
            return receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        }

        @Test
        void afterTheReceiptEachTestIsAskedForJudgedAtOnceAndTheResultsAreOneInspect() {
            Screen received = receiveP5001();
            assertThat(received.step()).isEqualTo(ReceiveWorkflow.Step.COA_RESULT);
            assertThat(received.prompt()).isEqualTo("Key the COA's ASSAY (TiO2 content, 93.0 – 100.0 %), or skip it.");
            assertThat(received.actions()).contains(UiAction.KEY_RESULT, UiAction.SKIP_LINE, UiAction.CONFIRM);

            Screen assay = receive.handle(new Command.KeyResult("94.24"));
            assertThat(assay.feedback().orElseThrow().message()).startsWith("ASSAY 94.2 %: conforms.");
            Screen moisture = receive.handle(new Command.KeyResult("0.8"));
            assertThat(moisture.feedback().orElseThrow().message())
                    .startsWith("MOISTURE 0.80 %: out of specification (≤ 0.50 %).");
            assertThat(moisture.value("MOISTURE")).hasValue("0.80 — Out of specification");
            receive.handle(new Command.KeyResult("white POWDER"));
            Screen done = receive.handle(new Command.SkipLine());

            Inspect coa = (Inspect) capture.last();
            assertThat(coa.source()).isEqualTo(InspectionSource.SUPPLIER_COA);
            assertThat(coa.specificationVersion()).isEqualTo(3);
            assertThat(coa.results())
                    .containsExactly(
                            new Inspect.Result("ASSAY", "94.2", Judgement.CONFORMS),
                            new Inspect.Result("MOISTURE", "0.80", Judgement.OUT_OF_SPECIFICATION),
                            new Inspect.Result("APPEAR", "White powder", Judgement.CONFORMS));
            assertThat(coa.potency()).isEqualTo(Potency.parse("94.2"));
            assertThat(done.step()).isEqualTo(ReceiveWorkflow.Step.LABEL);
            assertThat(done.feedback().orElseThrow().message())
                    .contains("COA of lot P-5001 stored: 3 results, out of specification: MOISTURE 0.80 — QA is told.");
        }

        @Test
        void aValueTheTestDoesNotTakeIsRefusedAndAskedAgain() {
            receiveP5001();

            Screen refused = receive.handle(new Command.KeyResult("9.4e1"));

            assertThat(refused.feedback().orElseThrow().message())
                    .startsWith("'9.4e1' is not a number")
                    .endsWith("key the result of ASSAY again.");
            assertThat(refused.step()).isEqualTo(ReceiveWorkflow.Step.COA_RESULT);
            assertThat(capture.payloads).hasSize(1);
        }

        @Test
        void coaDoneWithNothingKeyedStoresNothingAndTheNextLabelEndsTheCoa() {
            receiveP5001();
            Screen none = receive.handle(Command.confirm());
            assertThat(none.feedback().orElseThrow().message()).startsWith("No COA results for lot P-5001.");
            assertThat(capture.payloads).hasSize(1);

            receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));
            receive.handle(new Command.KeyQuantity("10"));
            receive.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
            receive.handle(Command.scan(wedge("RCV-DOCK-1")));
            receive.handle(new Command.KeyResult("95"));
            Screen next = receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));

            assertThat(capture.payloads).hasSize(3);
            assertThat(((Inspect) capture.payloads.get(2)).results())
                    .containsExactly(new Inspect.Result("ASSAY", "95.0", Judgement.CONFORMS));
            assertThat(next.step()).isNotEqualTo(ReceiveWorkflow.Step.COA_RESULT);
        }

        @Test
        void anItemWithoutASpecificationAsksForNoCoa() {
            view.item(new ItemRow(
                    QualityFixtures.PIGMENT,
                    "Titanium dioxide",
                    view.item(QualityFixtures.PIGMENT).orElseThrow().gtin(),
                    Uom.KGM,
                    true,
                    true,
                    730,
                    0,
                    view.item(QualityFixtures.PIGMENT).orElseThrow().lotNumbering(),
                    null,
                    List.of(),
                    List.of()));

            assertThat(receiveP5001().step()).isEqualTo(ReceiveWorkflow.Step.LABEL);
        }
    }

    @Nested
    class DosingByPotency {

        private final InMemoryDeviceData view = Riverside.pickingDay();
        private final InMemoryCapture capture = new InMemoryCapture();
        private final ProduceWorkflow produce =
                new ProduceWorkflow(Riverside.context(view, capture, Instant.parse("2026-11-17T10:00:00Z")));

        DosingByPotency() {
            LotRow r2402 = view.lot(new org.lotkeeper.model.lot.LotRef(ItemCode.of("RM-RESIN"), lot("R-2402")))
                    .orElseThrow();
            view.lot(new LotRow(
                    r2402.item(),
                    r2402.lot(),
                    LotStatus.RELEASED,
                    r2402.expiry(),
                    null,
                    r2402.receivedAt(),
                    Potency.parse("97.5")));
            view.clearStock()
                    .stock("RM-RESIN", "R-2402", "WH-A-02", Quantity.of("800", Uom.KGM))
                    .stock("RM-SOLVENT", "S-9001", "WH-B-01", Quantity.of("2000", Uom.LTR));
            produce.handle(Command.scan(wedge("O:B-1001")));
        }

        private static org.lotkeeper.model.id.LotCode lot(String code) {
            return org.lotkeeper.model.id.LotCode.of(code);
        }

        @Test
        void theGunSaysHowMuchToWeighForTheActiveQuantityAndTheInputKeepsGrossAndPotency() {
            Screen scanned = produce.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
            assertThat(scanned.prompt())
                    .isEqualTo("Lot R-2402 has an assay of 97.5 %: dose it by weight or by active quantity?");
            assertThat(scanned.choices())
                    .extracting(Choice::label)
                    .containsExactly("By weight", "By active quantity (assay 97.5 %)");
            assertThat(produce.handle(new Command.KeyQuantity("50"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .as("a quantity before the choice")
                    .isEqualTo("Choose first how to dose it. " + scanned.prompt());

            produce.handle(new Command.Choose(ProduceWorkflow.DOSE_BY_ACTIVE));
            Screen weigh = produce.handle(new Command.KeyQuantity("50"));
            assertThat(weigh.step()).isEqualTo(ProduceWorkflow.Step.INPUT_WEIGH);
            assertThat(weigh.feedback().orElseThrow().message())
                    .isEqualTo(
                            "Take 51.3 kg of R-2402 (assay 97.5 %) for 50 kg active. Weigh it and confirm, or key the weight taken.");
            Screen taken = produce.handle(new Command.KeyQuantity("51.4"));

            assertThat(taken.feedback().orElseThrow().message())
                    .startsWith("Input R-2402: 51.4 kg from WH-A-02 (assay 97.5 %: 50.115 kg active).");
            finish();
            Transform t = (Transform) capture.last();
            assertThat(t.inputs().get(0))
                    .isEqualTo(new Transform.Input(
                            ItemCode.of("RM-RESIN"),
                            lot("R-2402"),
                            Quantity.of("51.4", Uom.KGM),
                            org.lotkeeper.model.id.LocationCode.of("WH-A-02"),
                            Potency.parse("97.5")));
        }

        @Test
        void confirmingTakesTheProposedWeightAndAGrossKeyedInputStillCarriesThePotency() {
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
            produce.handle(new Command.Choose(ProduceWorkflow.DOSE_BY_ACTIVE));
            produce.handle(new Command.KeyQuantity("50"));
            produce.handle(Command.confirm());
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
            produce.handle(new Command.Choose(ProduceWorkflow.DOSE_BY_WEIGHT));
            produce.handle(new Command.KeyQuantity("10"));
            produce.handle(Command.scan(wedge(Riverside.internalLabelScan("S-9001"))));
            Screen solvent = produce.handle(new Command.KeyQuantity("5"));
            assertThat(solvent.feedback().orElseThrow().message()).startsWith("Input S-9001: 5 L from WH-B-01.");
            finish();

            List<Transform.Input> in = ((Transform) capture.last()).inputs();
            assertThat(in)
                    .extracting(Transform.Input::quantity)
                    .containsExactly(
                            Quantity.of("51.3", Uom.KGM), Quantity.of("10", Uom.KGM), Quantity.of("5", Uom.LTR));
            assertThat(in)
                    .extracting(Transform.Input::potency)
                    .containsExactly(Potency.parse("97.5"), Potency.parse("97.5"), null);
        }

        @Test
        void aLotWithoutAPotencyCannotBeDosedByActive() {
            Screen scanned = produce.handle(Command.scan(wedge(Riverside.internalLabelScan("S-9001"))));
            assertThat(scanned.choices()).isEmpty();

            Screen refused = produce.handle(new Command.Choose(ProduceWorkflow.DOSE_BY_ACTIVE));

            assertThat(refused.feedback().orElseThrow().message())
                    .isEqualTo("Lot S-9001 has no potency on this device: key the quantity used.");
        }

        private void finish() {
            produce.handle(Command.scan(wedge("O:B-1001")));
            produce.handle(Command.scan(wedge(Riverside.lotLabel("10614141000101", "PR-1001"))));
            produce.handle(new Command.KeyQuantity("30"));
            produce.handle(Command.scan(wedge("PROD-LINE-1")));
            produce.handle(Command.scan(wedge("O:B-1001")));
        }
    }
}
