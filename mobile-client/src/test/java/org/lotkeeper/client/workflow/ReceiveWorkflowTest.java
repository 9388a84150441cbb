package org.lotkeeper.client.workflow;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.WedgeInput;
import org.lotkeeper.client.scan.WedgeKey;
import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ItemRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.GS;
import static org.lotkeeper.client.workflow.Riverside.wedge;

class ReceiveWorkflowTest {

    private static final String R2401_LABEL =
            "]C1011061414100001910ACR-778" + GS + "172703313100001000" + GS + "400PO-7780";

    private final InMemoryDeviceData view = Riverside.masterData();
    private final InMemoryCapture capture = new InMemoryCapture();
    private final ReceiveWorkflow receive =
            new ReceiveWorkflow(Riverside.context(view, capture, Riverside.RECEIVING_DAY));

    private EventPayload firstReceiveOfSteps(int index) {
        return Riverside.events().stream()
                .filter(e -> e.payload() instanceof Receive)
                .toList()
                .get(index)
                .payload();
    }

    @Test
    void riversideR2401FromItsLabelInternalLabelAndLocationIsExactlyTheFirstReceiveOfTheScenario() {
        receive.handle(Command.scan(wedge(R2401_LABEL)));
        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.INTERNAL_LOT);
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.LOCATION);

        Screen done = receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        assertThat(capture.payloads).containsExactly(firstReceiveOfSteps(0));
        Receive r = (Receive) capture.last();
        assertThat(r.supplier()).isEqualTo(PartnerCode.of("ACME-RESINS"));
        assertThat(r.reference()).isEqualTo(Reference.of("PO-7780"));
        assertThat(r.quantity()).isEqualTo(Quantity.of("1000", Uom.KGM));
        assertThat(done.feedback()).hasValueSatisfying(f -> {
            assertThat(f.tone()).isEqualTo(Tone.GOOD);
            assertThat(f.captured()).hasSize(1);
            assertThat(f.message()).contains("R-2401", "in quarantine");
        });
        assertThat(done.step()).isEqualTo(ReceiveWorkflow.Step.LABEL);
        assertThat(done.value("PO")).contains("PO-7780");
    }

    @Test
    void theSameLabelTypedByAWedgeThatSendsTildeForGsGivesTheSameReceive() {
        WedgeInput input = new WedgeInput(WedgeSettings.defaults().withGsReplacement('~'));
        long t = 0;
        for (String text : List.of(Riverside.wedgeTildeScan(), Riverside.internalLabelScan("R-2401"), "RCV-DOCK-1")) {
            for (int ci = 0; ci < text.length(); ci++) {

                char c = text.charAt(ci);
                input.key(WedgeKey.ch(c, t += 5));
            }
            RawScan scan = input.key(WedgeKey.enter(t += 5)).orElseThrow();
            receive.handle(Command.scan(scan));
            t += 2_000;
        }

        assertThat(capture.payloads).containsExactly(firstReceiveOfSteps(0));
    }

    @Test
    void allFourRiversideReceiptsComeOutAsTheScenarioPushedThem() {
        receive.handle(Command.scan(wedge(Riverside.labelScan("R-2401"))));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        receive.handle(Command.scan(wedge(Riverside.locationScan("RCV-DOCK-1"))));

        receive.handle(Command.scan(wedge("O:PO-7781")));
        receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        receive.handle(Command.scan(wedge("O:PO-7782")));
        receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));
        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.QUANTITY);
        receive.handle(new Command.KeyQuantity("500"));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        receive.handle(Command.scan(wedge("O:PO-7783")));
        receive.handle(Command.scan(wedge(Riverside.labelScan("S-9001"))));
        receive.handle(new Command.KeyQuantity("2000 LTR"));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("S-9001"))));
        Screen last = receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        assertThat(capture.payloads)
                .containsExactly(
                        firstReceiveOfSteps(0), firstReceiveOfSteps(1), firstReceiveOfSteps(2), firstReceiveOfSteps(3));
        assertThat(last.feedback().orElseThrow().message()).contains("(released)");
    }

    @Test
    void aWrongCheckDigitIsRefusedWithTheDecodersSentenceAndNothingChanges() {
        String bad = "]C1011061414100001810ACR-778";
        String decoderSays;
        try {
            Gs1Decoder.create().decode(bad);
            throw new AssertionError("the decoder accepted a wrong check digit");
        } catch (Gs1Exception e) {
            assertThat(e.reason()).isEqualTo(Gs1Exception.Reason.CHECK_DIGIT);
            decoderSays = e.getMessage();
        }

        Screen screen = receive.handle(Command.scan(wedge(bad)));

        assertThat(screen.feedback()).hasValueSatisfying(f -> {
            assertThat(f.tone()).isEqualTo(Tone.ERROR);
            assertThat(f.message()).isEqualTo(decoderSays);
        });
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.ORDER);
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void anUnknownLocationIsRefusedAndTheReceiptWaitsForAKnownOne() {
        receive.handle(Command.scan(wedge(R2401_LABEL)));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));

        Screen screen = receive.handle(Command.scan(wedge("WH-Z-99")));

        assertThat(screen.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
        assertThat(screen.feedback().orElseThrow().message()).contains("Location WH-Z-99 is not known on this device");
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.LOCATION);
        assertThat(screen.actions()).as("data missing here: a sync is offered").contains(UiAction.SYNC);
        Screen wrongType = receive.handle(Command.scan(wedge("WH-A-01")));
        assertThat(wrongType.actions()).as("a refusal a sync cannot cure").doesNotContain(UiAction.SYNC);
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        assertThat(capture.payloads).hasSize(1);
    }

    @Test
    void aStorageBinIsNotAReceivingLocation() {
        receive.handle(Command.scan(wedge(R2401_LABEL)));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));

        Screen screen = receive.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01"))));

        assertThat(screen.feedback().orElseThrow().message()).contains("WH-A-01 is a storage location", "receiving");
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void aLabelForAnotherPoThanTheOneBeingReceivedIsRefused() {
        receive.handle(Command.scan(wedge("O:PO-7781")));

        Screen screen = receive.handle(Command.scan(wedge(R2401_LABEL)));

        assertThat(screen.feedback().orElseThrow().message()).contains("for PO PO-7780", "receiving PO-7781");
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.LABEL);
    }

    @Test
    void anItemThatIsNotOnThePoIsRefused() {
        receive.handle(Command.scan(wedge("O:PO-7782")));

        Screen screen = receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));

        assertThat(screen.feedback().orElseThrow().message()).startsWith("RM-RESIN is not on PO-7782");
    }

    @Test
    void anUnknownPoPointsToNoPo() {
        Screen screen = receive.handle(Command.scan(wedge("O:PO-9999")));

        assertThat(screen.feedback().orElseThrow().message()).contains("PO-9999 is not known", "No PO");
        assertThat(screen.actions()).contains(UiAction.NO_REFERENCE);
    }

    @Test
    void anUnknownGtinIsRefused() {
        receive.handle(Command.scan(wedge("O:PO-7780")));

        Screen screen = receive.handle(Command.scan(wedge("]C1010950110153000310ABC" + GS + "3100000010")));

        assertThat(screen.feedback().orElseThrow().message())
                .startsWith("GTIN 09501101530003 is not an item on this device");
    }

    @Test
    void zeroOrNegativeKeyedQuantitiesAreRefused() {
        receive.handle(Command.scan(wedge("O:PO-7782")));
        receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));

        assertThat(receive.handle(new Command.KeyQuantity("0"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .startsWith("The quantity must be more than zero");
        assertThat(receive.handle(new Command.KeyQuantity("-5"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .startsWith("The quantity must be more than zero");
        assertThat(receive.handle(new Command.KeyQuantity("lots"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .contains("is not a quantity");
        assertThat(receive.handle(new Command.KeyQuantity("5 L"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .startsWith("L is not a unit of RM-PIGMENT — key it in kg");
        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.QUANTITY);
    }

    private void addBinder(LotNumbering numbering, String pattern) {
        view.item(new ItemRow(
                ItemCode.of("RM-BINDER"),
                "Binder",
                Gtin.of("10614141000040"),
                Uom.LTR,
                false,
                false,
                365,
                0,
                numbering,
                pattern,
                List.of(new PackUnit("PAIL", new BigDecimal("20"))),
                List.of()));
        view.receipts.put(
                Reference.of("PO-8000"),
                new ExpectedReceipt(Reference.of("PO-8000"), PartnerCode.of("SOLVCO"), List.of()));
    }

    @Test
    void packUnitsAreKeyedAndStoredInTheBaseUnitAndPatternLotsEmbedTheDevice() {
        addBinder(LotNumbering.PATTERN, "B{YY}{JJJ}-{DEV}{SEQ:3}");
        receive.handle(Command.scan(wedge("O:PO-8000")));

        Screen afterLabel = receive.handle(Command.scan(wedge("]C1011061414100004010BX-1" + GS + "17271231")));
        assertThat(afterLabel.value("Lot")).contains("B26320-7A001");
        Screen afterQuantity = receive.handle(new Command.KeyQuantity("3 pail"));
        assertThat(afterQuantity.value("Quantity")).contains("3 pails (60 L)");
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        Receive r = (Receive) capture.last();
        assertThat(r.quantity()).isEqualTo(Quantity.of("60", Uom.LTR));
        assertThat(r.lot().value()).isEqualTo("B26320-7A001");
        assertThat(r.supplierLot().value()).isEqualTo("BX-1");
    }

    @Test
    void supplierLotNumberingUsesTheSupplierLotWithoutAnInternalLabel() {
        addBinder(LotNumbering.SUPPLIER_LOT, null);
        receive.handle(Command.scan(wedge("O:PO-8000")));
        receive.handle(Command.scan(wedge("]C1011061414100004010BX-2" + GS + "3150000040")));

        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.LOCATION);
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        assertThat(((Receive) capture.last()).lot().value()).isEqualTo("BX-2");
    }

    @Test
    void anAdvanceShipNoticeOffersItsLotsAndSaysWhetherTheLabelsLotIsOnIt() {
        view.receipts.put(
                Reference.of("ASN-77"),
                new ExpectedReceipt(
                        Reference.of("ASN-77"),
                        PartnerCode.of("ACME-RESINS"),
                        List.of(ItemCode.of("RM-RESIN")),
                        List.of(
                                new ExpectedReceipt.Lot(
                                        ItemCode.of("RM-RESIN"),
                                        LotCode.of("ACR-779"),
                                        Quantity.of("800", Uom.KGM),
                                        Quantity.of("0", Uom.KGM)),
                                new ExpectedReceipt.Lot(
                                        ItemCode.of("RM-RESIN"),
                                        LotCode.of("ACR-990"),
                                        Quantity.of("100", Uom.KGM),
                                        null))));
        Screen asn = receive.handle(Command.scan(wedge("O:ASN-77")));
        assertThat(asn.feedback().orElseThrow().message())
                .contains("Expected: RM-RESIN lot ACR-779 " + Quantity.of("800", Uom.KGM) + ", RM-RESIN lot ACR-990 "
                        + Quantity.of("100", Uom.KGM) + ".");
        Screen label = receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        assertThat(label.feedback().orElseThrow().message())
                .contains("supplier lot ACR-779")
                .contains("ASN-77 announces " + Quantity.of("800", Uom.KGM) + " of this lot");

        view.receipts.put(
                Reference.of("ASN-78"),
                new ExpectedReceipt(
                        Reference.of("ASN-78"),
                        PartnerCode.of("ACME-RESINS"),
                        List.of(ItemCode.of("RM-RESIN")),
                        List.of(new ExpectedReceipt.Lot(
                                ItemCode.of("RM-RESIN"), LotCode.of("ACR-990"), Quantity.of("100", Uom.KGM), null))));
        receive.handle(new Command.Cancel());
        receive.handle(Command.scan(wedge("O:ASN-78")));
        Screen other = receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        assertThat(other.feedback().orElseThrow().message())
                .contains(
                        "Lot ACR-779 is not on ASN-78, which announces ACR-990 — check the delivery and tell your supervisor");
    }

    @Test
    void withoutAPoTheSupplierAndDeliveryNoteAreNamed() {
        Screen screen = receive.handle(new Command.NoReference("TIO2-CORP", "DN-55"));
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.LABEL);
        receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));
        receive.handle(new Command.KeyQuantity("500"));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        Receive r = (Receive) capture.last();
        assertThat(r.reference()).isEqualTo(Reference.of("DN-55"));
        assertThat(r.supplier()).isEqualTo(PartnerCode.of("TIO2-CORP"));
    }

    @Test
    void aSupplierLabelScannedFirstStartsAGoodsReceiptFromTheItemsOneApprovedSupplier() {
        view.receipts.clear(); // no purchase order on the device, as in the demo
        Screen first = receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));

        assertThat(first.step()).isEqualTo(ReceiveWorkflow.Step.INTERNAL_LOT);
        assertThat(first.feedback().orElseThrow().message())
                .startsWith("Receipt GR-7A-0001 from Acme Resins Ltd: RM-RESIN (Acrylic resin), supplier lot ACR-779");
        assertThat(first.value("Receipt")).contains("GR-7A-0001");
        assertThat(first.value("PO")).isEmpty();
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
        Screen done = receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        Receive r = (Receive) capture.last();
        assertThat(r.supplier()).isEqualTo(PartnerCode.of("ACME-RESINS"));
        assertThat(r.reference()).isEqualTo(Reference.of("GR-7A-0001"));
        assertThat(r.lot().value()).isEqualTo("R-2402");
        assertThat(done.feedback().orElseThrow().message())
                .contains("next supplier label of GR-7A-0001, or tap Finish receipt");
        assertThat(done.actions()).contains(UiAction.CONFIRM);

        // the next label of another supplier's item starts a receipt of its own
        Screen pigment = receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));
        assertThat(pigment.feedback().orElseThrow().message()).startsWith("Receipt GR-7A-0002 from TiO2 Corporation");
        assertThat(pigment.actions()).as("a lot in progress is finished first").doesNotContain(UiAction.CONFIRM);
    }

    @Test
    void finishReceiptEndsTheDeliveryAndSaysWhatWasReceived() {
        assertThat(receive.handle(Command.confirm()).feedback().orElseThrow().message())
                .startsWith("Nothing to finish yet.");
        receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        Screen finished = receive.handle(Command.confirm());

        assertThat(finished.feedback().orElseThrow().message())
                .isEqualTo("Receipt GR-7A-0001 finished: 1 lot received. "
                        + "Scan the supplier label, or the purchase order or ASN.");
        assertThat(finished.step()).isEqualTo(ReceiveWorkflow.Step.ORDER);
        assertThat(finished.value("Receipt")).isEmpty();
        assertThat(capture.payloads).hasSize(1);
    }

    @Test
    void anotherSupplierBatchIsNotAddedToAKnownLotWithAnotherExpiry() {
        view.lot(new org.lotkeeper.model.wire.LotRow(
                ItemCode.of("RM-RESIN"),
                org.lotkeeper.model.id.LotCode.of("R-2401"),
                org.lotkeeper.model.lot.LotStatus.RELEASED,
                java.time.LocalDate.parse("2027-03-31"),
                null,
                null));
        receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402")))); // expires 2027-01-31

        Screen screen = receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));

        assertThat(screen.feedback().orElseThrow().message())
                .startsWith("Lot R-2401 expires 2027-03-31, but these goods expire 2027-01-31: another supplier batch");
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.INTERNAL_LOT);
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.LOCATION);
    }

    @Test
    void aLabelWithoutAPoGoesOnTheOneOpenPurchaseOrderThatExpectsItsItem() {
        Screen screen = receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));

        assertThat(screen.feedback().orElseThrow().message())
                .startsWith("PO PO-7782 from TiO2 Corporation: RM-PIGMENT (Titanium dioxide pigment)");
        assertThat(screen.value("PO")).contains("PO-7782");
        receive.handle(new Command.KeyQuantity("500"));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        assertThat(capture.payloads).containsExactly(firstReceiveOfSteps(2));

        // two open orders expect resin: the label alone cannot say which, so it is a receipt of its own
        receive.handle(Command.confirm()); // finish PO-7782
        Screen resin = receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        assertThat(resin.value("Receipt")).isPresent();
    }

    @Test
    void withSeveralApprovedSuppliersTheOperatorTapsTheOneThatSentIt() {
        view.receipts.clear();
        replaceSuppliers("RM-PIGMENT", "TIO2-CORP", "SOLVCO");

        Screen ask = receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));

        assertThat(ask.step()).isEqualTo(ReceiveWorkflow.Step.SUPPLIER);
        assertThat(ask.feedback().orElseThrow().message())
                .isEqualTo("RM-PIGMENT (Titanium dioxide pigment). Who sent it? "
                        + "Tap the supplier, or scan its GLN from the delivery note.");
        assertThat(ask.choices()).extracting(Choice::label).containsExactly("TiO2 Corporation", "SolvCo");
        assertThat(ask.actions()).contains(UiAction.CHOOSE, UiAction.NO_REFERENCE);
        assertThat(receive.handle(new Command.Choose("BUILDMART", null))
                        .feedback()
                        .orElseThrow()
                        .message())
                .startsWith("Tap one of the suppliers shown");

        Screen chosen = receive.handle(new Command.Choose("SOLVCO", null));
        assertThat(chosen.step()).isEqualTo(ReceiveWorkflow.Step.QUANTITY);
        receive.handle(new Command.KeyQuantity("500"));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("P-5001"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        Receive r = (Receive) capture.last();
        assertThat(r.supplier()).isEqualTo(PartnerCode.of("SOLVCO"));
        assertThat(r.reference()).isEqualTo(Reference.of("GR-7A-0001"));
    }

    @Test
    void withoutApprovedSuppliersTheSuppliersGlnNamesIt() {
        replaceSuppliers("RM-RESIN");
        receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        assertThat(receive.screen().step()).isEqualTo(ReceiveWorkflow.Step.SUPPLIER);
        assertThat(receive.screen().choices())
                .extracting(Choice::value)
                .containsExactly("ACME-RESINS", "SOLVCO", "TIO2-CORP");

        Screen unknown = receive.handle(Command.scan(wedge("]C14170614141000029")));
        assertThat(unknown.feedback().orElseThrow().message())
                .startsWith("GLN 0614141000029 is not a supplier known on this device");
        assertThat(unknown.step()).isEqualTo(ReceiveWorkflow.Step.SUPPLIER);

        Screen named = receive.handle(Command.scan(wedge("]C14170614141000012")));
        assertThat(named.step()).isEqualTo(ReceiveWorkflow.Step.INTERNAL_LOT);
        assertThat(named.value("Supplier")).contains("Acme Resins Ltd");
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void aSupplierThatIsNotApprovedForTheItemIsRefused() {
        view.receipts.clear();
        replaceSuppliers("RM-PIGMENT", "TIO2-CORP", "SOLVCO");
        receive.handle(Command.scan(wedge(Riverside.labelScan("P-5001"))));

        Screen screen = receive.handle(Command.scan(wedge("]C14170614141000012")));

        assertThat(screen.feedback().orElseThrow().message())
                .startsWith("Acme Resins Ltd is not an approved supplier of RM-PIGMENT");
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.SUPPLIER);
    }

    private void replaceSuppliers(String item, String... suppliers) {
        ItemRow i = view.item(ItemCode.of(item)).orElseThrow();
        view.item(new ItemRow(
                i.code(),
                i.name(),
                i.gtin(),
                i.baseUom(),
                i.qcRequired(),
                i.coaRequired(),
                i.shelfLifeDays(),
                i.minRemainingShelfLifeDays(),
                i.lotNumbering(),
                i.lotPattern(),
                i.packUnits(),
                java.util.Arrays.stream(suppliers).map(PartnerCode::of).toList()));
    }

    @Test
    void noPoWithACustomerInsteadOfASupplierIsRefused() {
        Screen screen = receive.handle(new Command.NoReference("BUILDMART", "DN-1"));

        assertThat(screen.feedback().orElseThrow().message())
                .isEqualTo("BuildMart Stores is not a supplier — choose the supplier.");
        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.ORDER);
    }

    @Test
    void secondLabelOfTheSameLotAddsItsQuantity() {
        receive.handle(Command.scan(wedge("O:PO-7781")));
        receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));
        Screen second = receive.handle(Command.scan(wedge(Riverside.labelScan("R-2402"))));

        assertThat(second.value("Quantity")).contains("1600 kg");
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        assertThat(((Receive) capture.last()).quantity()).isEqualTo(Quantity.of("1600", Uom.KGM));
    }

    @Test
    void aLinkedCoaTravelsWithTheReceive() {
        receive.handle(Command.scan(wedge(R2401_LABEL)));
        receive.handle(new Command.LinkDocument("COA-ACR-778"));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        receive.handle(Command.scan(wedge("RCV-DOCK-1")));

        assertThat(((Receive) capture.last()).documents()).containsExactly(Reference.of("COA-ACR-778"));
    }

    @Test
    void whenTheStoreFailsNothingIsConfirmedAndTheSameScanRetries() {
        receive.handle(Command.scan(wedge(R2401_LABEL)));
        receive.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        capture.failures = 1;

        Screen failed = receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        assertThat(failed.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
        assertThat(failed.feedback().orElseThrow().message()).startsWith("Not saved");
        assertThat(failed.step()).isEqualTo(ReceiveWorkflow.Step.LOCATION);

        Screen retried = receive.handle(Command.scan(wedge("RCV-DOCK-1")));
        assertThat(retried.feedback().orElseThrow().tone()).isEqualTo(Tone.GOOD);
        assertThat(capture.payloads).containsExactly(firstReceiveOfSteps(0));
    }

    @Test
    void cancelForgetsTheLotAndThePo() {
        receive.handle(Command.scan(wedge(R2401_LABEL)));

        Screen screen = receive.handle(Command.cancel());

        assertThat(screen.step()).isEqualTo(ReceiveWorkflow.Step.ORDER);
        assertThat(screen.filled()).isEmpty();
        assertThat(capture.payloads).isEmpty();
    }
}
