package org.lotkeeper.client.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import javafx.scene.input.KeyCode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.client.platform.Camera;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.workflow.QualityFixtures;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LotRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workflow on screen, driven by scans typed into the scene by the wedge scanner (and once
 * through the core's scan entry point): the happy path stores the event and shows green, a
 * blocked lot or a wrong scan shows red with a sentence, stores nothing, and a blocked lot gets
 * the banner. A real SQLite file in a temp directory; offline.
 */
class UiWorkflowsTest extends HandheldTest {

    private Handheld gun() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        return device.logInAna();
    }

    private String lastEventType() {
        List<OutboxEntry> all = device.context().core().store().outbox().all();
        return all.get(all.size() - 1).event().type().name();
    }

    private void assertGood() {
        assertThat(device.styleClasses("#feedback")).as(device.feedback()).contains("feedback-good");
        assertThat(device.tones).last().isEqualTo("good");
    }

    private void assertRefused(String sentence) {
        assertThat(device.feedback()).contains(sentence);
        assertThat(device.styleClasses("#feedback")).contains("feedback-error");
        assertThat(device.tones).last().isEqualTo("error");
    }

    @Nested
    class Receive {

        @Test
        void noPoIsOneTapThenScansAndTheKeyedQuantityStoreTheReceipt() throws Exception {
            gun().tap("1  Receive");
            assertThat(device.prompt()).containsIgnoringCase("scan");
            device.tap("No PO")
                    .fill("form-supplier", "TIO2-CORP")
                    .fill("form-delivery-note", "PO-7782")
                    .tap("OK");
            device.scan("]d2011061414100002610TX-55" + Handheld.GS + "17280630");
            device.type("500");
            device.scan("]C1011061414100002610P-5001");
            device.scan("RCV-DOCK-1");

            assertGood();
            assertThat(lastEventType()).isEqualTo("RECEIVE");
            assertThat(device.pendingEvents()).isEqualTo(1);
            assertThat(device.text("#status-pending")).isEqualTo("1 to sync");
        }

        @Test
        void onTheKeypadScannerNoPoIsReachedWithTabAndEnterAndTheFormIsTypedWithoutTouch() throws Exception {
            device = Handheld.open(dir, "zebra-mc33");
            device.logInAna().press(KeyCode.F1);
            device.press(KeyCode.TAB);
            assertThat(device.shell().scene().getFocusOwner())
                    .isInstanceOfSatisfying(
                            javafx.scene.control.Button.class,
                            b -> assertThat(b.getText()).isEqualTo("No PO"));
            device.press(KeyCode.ENTER).type("TIO2-CORP").type("PO-7782");
            assertThat(device.fields()).contains("Delivery note: PO-7782");

            device.scan("]d2011061414100002610TX-55" + Handheld.GS + "17280630").type("500");
            device.scan("]C1011061414100002610P-5001").scan("RCV-DOCK-1");

            assertGood();
            assertThat(lastEventType()).isEqualTo("RECEIVE");
        }

        @Test
        void theSupplierLabelFirstStartsAReceiptFromTheItemsApprovedSupplierWithNothingTyped() throws Exception {
            gun().tap("1  Receive");
            device.scan("]C1011061414100001917270131310000080010ACR-779");

            assertThat(device.fields()).contains("Receipt: GR-K3-0001");
            assertThat(device.fields()).contains("Supplier: Acme Resins Ltd", "Quantity: 800 kg");
            device.scan("]C1011061414100001910R-2402").scan("RCV-DOCK-1");

            assertGood();
            assertThat(lastEventType()).isEqualTo("RECEIVE");
        }

        @Test
        void theNoPoFormKeepsItsFieldNamesInSightWhileTyping() throws Exception {
            gun().tap("1  Receive");
            device.tap("No PO");

            assertThat(device.node("#form-supplier").isFocused()).isTrue();
            assertThat(device.shell().scene().getRoot().lookupAll(".form-label"))
                    .extracting(n -> ((javafx.scene.control.Label) n).getText())
                    .containsExactly("Supplier", "Delivery note");
        }

        @Test
        void dataTheDeviceDoesNotHaveYetOffersSyncNowBesideTheRefusal() throws Exception {
            gun().tap("1  Receive");
            device.scan("]C1011061414100001917270131310000080010ACR-779");
            device.scan("]C1011061414100001910R-2402").scan("WH-Z-99");

            assertRefused("sync the device");
            assertThat(device.buttonTexts()).contains("Sync now");
            device.tap("Sync now");
            assertThat(device.feedback()).startsWith("Syncing now");
            device.scan("RCV-DOCK-1");
            assertGood();
            assertThat(device.buttonTexts()).doesNotContain("Sync now");
        }

        @Test
        void aLocationLabelInsteadOfTheSupplierLabelIsRedAndStoresNothing() throws Exception {
            gun().tap("1  Receive");
            device.tap("No PO")
                    .fill("form-supplier", "TIO2-CORP")
                    .fill("form-delivery-note", "PO-7782")
                    .tap("OK");
            device.scan("WH-A-01");

            assertRefused("not a supplier label");
            assertThat(device.pendingEvents()).isZero();
        }
    }

    @Nested
    class Move {

        @Test
        void lotThenTargetLocationMovesTheStock() throws Exception {
            gun().tap("2  Move");
            device.scan(Handheld.primerLabel("PR-1001"));
            assertGood();
            device.scan("WH-B-01");

            assertGood();
            assertThat(lastEventType()).isEqualTo("MOVE");
        }

        @Test
        void theHoneywellWedgeWithItsHashPrefixAndTabTerminatorMovesTheSameWay() throws Exception {
            device = Handheld.open(dir, "honeywell-ct4x");
            device.logInAna().tap("2  Move");
            device.scan(Handheld.primerLabel("PR-1001")).scan("WH-B-01");

            assertGood();
            assertThat(lastEventType()).isEqualTo("MOVE");
        }

        @Test
        void anUnknownLocationIsRefusedWithASentence() throws Exception {
            gun().tap("2  Move");
            device.scan(Handheld.primerLabel("PR-1001")).scan("WH-Z-99");

            assertRefused("Location WH-Z-99 is not known");
            assertThat(device.pendingEvents()).isZero();
        }
    }

    @Nested
    class Pick {

        @Test
        void theFefoLotIsShownFrontAndCentreAndPickingItThenStagingStoresThePick() throws Exception {
            gun().tap("3  Pick");
            device.scan("O:SO-1");
            assertThat(device.text("#fefo")).startsWith("FEFO: take PR-1002 at WH-A-02");
            assertThat(device.prompt()).contains("lot PR-1002");

            device.scan(Handheld.primerLabel("PR-1002"));
            assertGood();
            device.scan("STAGE-OUT-1");

            assertGood();
            assertThat(lastEventType()).isEqualTo("PICK");
        }

        @Test
        void aRecalledLotGetsTheBigRedBannerAndIsNotPicked() throws Exception {
            gun().tap("3  Pick");
            device.scan("O:SO-1").scan(Handheld.primerLabel("PR-0999"));

            assertRefused("Lot PR-0999 is recalled");
            assertThat(device.banner()).isEqualTo("BLOCKED LOT — RECALLED — DO NOT USE");
            assertThat(device.pendingEvents()).isZero();

            device.scan(Handheld.primerLabel("PR-1002"));
            assertThat(device.banner()).isEmpty();
        }
    }

    @Nested
    class Count {

        @Test
        void onTheKeypadScannerLocationLotAndAKeyedQuantityStoreTheCountWithoutTouch() throws Exception {
            device = Handheld.open(dir, "zebra-mc33");
            device.logInAna().press(KeyCode.F4);
            device.scan("WH-A-01").scan(Handheld.primerLabel("PR-1001"));
            device.type("14");

            assertGood();
            assertThat(lastEventType()).isEqualTo("COUNT");
        }

        @Test
        void aNegativeCountIsRefused() throws Exception {
            device = Handheld.open(dir, "zebra-mc33");
            device.logInAna().press(KeyCode.F4);
            device.scan("WH-A-01").scan(Handheld.primerLabel("PR-1001"));
            device.type("-1");

            assertRefused("A count cannot be negative");
            assertThat(device.pendingEvents()).isZero();
        }
    }

    @Nested
    class Ship {

        @Test
        void deliveryNoteLotAndTheDeliveryNoteAgainShipTheLoad() throws Exception {
            gun().tap("5  Ship");
            device.scan("S:SHP-1");
            assertThat(device.fields())
                    .contains(
                            "FG-PRIMER: 5 pc of 20 pc, 15 pc to go", "Picked PR-1003: FG-PRIMER 15 pc at STAGE-OUT-1");
            device.scan(Handheld.primerLabel("PR-1003"));
            assertGood();
            device.scan("S:SHP-1");

            assertGood();
            assertThat(device.feedback()).contains("the note is complete");
            assertThat(lastEventType()).isEqualTo("SHIP");
        }

        @Test
        void anExpiredLotIsBlockedWithTheBanner() throws Exception {
            gun().tap("5  Ship");
            device.scan("S:SHP-1").scan(Handheld.primerLabel("PR-0950"));

            assertRefused("expired on 2026-11-01");
            assertThat(device.banner()).isEqualTo("BLOCKED LOT — EXPIRED — DO NOT USE");
            assertThat(device.pendingEvents()).isZero();
        }
    }

    /** The quality half by taps and keys: the supplier's COA at the dock, a batch dosed by active quantity. */
    @Nested
    class Quality {

        private Handheld withPigmentSpecAndResinPotency() throws Exception {
            ItemRow pigment = QualityFixtures.withSpecification(new ItemRow(
                    QualityFixtures.PIGMENT,
                    "Titanium dioxide pigment",
                    Gtin.of("10614141000026"),
                    Uom.KGM,
                    true,
                    true,
                    730,
                    0,
                    LotNumbering.MANUAL,
                    null,
                    List.of(),
                    List.of(PartnerCode.of("TIO2-CORP"))));
            LotRow resin = new LotRow(
                    ItemCode.of("RM-RESIN"),
                    LotCode.of("R-2401"),
                    LotStatus.RELEASED,
                    LocalDate.parse("2027-03-31"),
                    null,
                    Instant.parse("2026-10-01T08:00:00Z"),
                    Potency.parse("98.9"));
            device = Handheld.openWith(dir, "zebra-tc5x", List.of(pigment), List.of(resin));
            return device.logInAna();
        }

        @Test
        void theDockKeysTheSuppliersCoaByTapAndByKeysAndStoresOneInspect() throws Exception {
            withPigmentSpecAndResinPotency().tap("1  Receive");
            device.tap("No PO")
                    .fill("form-supplier", "TIO2-CORP")
                    .fill("form-delivery-note", "DN-9")
                    .tap("OK");
            device.scan("]d2011061414100002610TX-90" + Handheld.GS + "17280630");
            device.type("500");
            device.scan("]C1011061414100002610P-7090");
            device.scan("RCV-DOCK-1");
            assertThat(device.prompt()).isEqualTo("Key the COA's ASSAY (TiO2 content, 93.0 – 100.0 %), or skip it.");

            device.tap("Key result").fill("form-result", "96.44").tap("OK");
            assertGood();
            assertThat(device.feedback()).startsWith("ASSAY 96.4 %: conforms.");
            device.type("0.7"); // typed on the keys: the result of the test on the screen
            assertThat(device.feedback()).startsWith("MOISTURE 0.70 %: out of specification (≤ 0.50 %).");
            device.tap("Skip test");
            device.tap("COA done");

            assertThat(lastEventType()).isEqualTo("INSPECT");
            assertThat(device.feedback()).contains("COA of lot P-7090 stored: 2 results, out of specification");
            assertThat(device.pendingEvents()).isEqualTo(2);
        }

        @Test
        void theGunSaysWhatToWeighForTheActiveQuantityAndTheBatchKeepsGrossAndPotency() throws Exception {
            withPigmentSpecAndResinPotency().tap("6  Produce");
            device.scan("O:B-1001").scan("]C1011061414100001910R-2401");
            assertThat(device.prompt())
                    .isEqualTo("Lot R-2401 has an assay of 98.9 %: dose it by weight or by active quantity?");
            device.type("2"); // the second choice, by its number
            device.type("40");
            assertThat(device.feedback())
                    .isEqualTo(
                            "Take 40.5 kg of R-2401 (assay 98.9 %) for 40 kg active. Weigh it and confirm, or key the weight taken.");
            device.tap("Weighed");
            assertThat(device.feedback())
                    .startsWith("Input R-2401: 40.5 kg from WH-A-01 (assay 98.9 %: 40.0545 kg active).");
        }
    }

    @Nested
    class Produce {

        @Test
        void batchTicketInputOutputAndTheTicketAgainStoreTheTransformation() throws Exception {
            gun().tap("6  Produce");
            device.scan("O:B-1001").scan("]C1011061414100001910R-2401").type("300");
            device.scan("O:B-1001");
            device.scan(Handheld.primerLabel("PR-2001")).type("30").scan("PROD-LINE-1");
            device.scan("O:B-1001");

            assertGood();
            assertThat(lastEventType()).isEqualTo("TRANSFORM");
        }

        @Test
        void aQuarantinedInputIsBlockedWithTheBanner() throws Exception {
            gun().tap("6  Produce");
            device.scan("O:B-1001").scan("]C1011061414100001910R-2402");

            assertRefused("is in quarantine");
            assertThat(device.banner()).isEqualTo("BLOCKED LOT — QUARANTINE — DO NOT USE");
        }
    }

    @Nested
    class Return {

        @Test
        void noRmaIsOneTapThenLotQuantityNumberedReasonAndReturnsLocation() throws Exception {
            gun().tap("7  Return");
            device.tap("No RMA")
                    .fill("form-customer", "HARBOR-PAINTS")
                    .fill("form-customer-reference", "CR-77")
                    .tap("OK");
            device.scan(Handheld.primerLabel("PR-1001")).type("2");
            assertThat(device.buttonTexts()).anyMatch(t -> t.startsWith("1  "));
            device.type("1");
            device.scan("RETURNS-1");

            assertGood();
            assertThat(lastEventType()).isEqualTo("RETURN");
        }

        @Test
        void againstAnRmaTheNamedLotTakesItsReasonAndAnotherLotIsADeviationOfOneTap() throws Exception {
            gun().tap("7  Return");
            device.scan("RMA-7").scan(Handheld.primerLabel("PR-1001")).type("2");
            assertGood();
            assertThat(device.feedback()).contains("On RMA-7 because: Damaged pail.");
            device.scan("RETURNS-1");
            assertGood();

            device.scan(Handheld.primerLabel("PR-1003")).type("1");
            assertRefused("Lot PR-1003 is not on RMA-7");
            assertThat(device.buttonTexts()).anyMatch(t -> t.startsWith("1  "));
            device.type("1");
            device.scan("RETURNS-1");

            assertGood();
            List<OutboxEntry> all = device.context().core().store().outbox().all();
            assertThat(((org.lotkeeper.model.event.Return)
                                    all.get(all.size() - 1).event().payload())
                            .reason())
                    .startsWith("Lot PR-1003 is not on RMA-7: ");
        }

        @Test
        void aBadgeIsNotALot() throws Exception {
            gun().tap("7  Return");
            device.tap("No RMA")
                    .fill("form-customer", "HARBOR-PAINTS")
                    .fill("form-customer-reference", "CR-77")
                    .tap("OK");
            device.scan("B:ben");

            assertThat(device.styleClasses("#feedback")).contains("feedback-error");
            assertThat(device.feedback()).isNotBlank();
            assertThat(device.pendingEvents()).isZero();
        }
    }

    @Nested
    class Lookup {

        /** Code 128's FNC1 for ZXing's writer: the label is GS1-128. */
        private static final String FNC1 = "\u00f1";

        @Test
        void aReleasedLotFromTheCameraEntryPointShowsItsStatusWithoutBanner() throws Exception {
            gun().tap("8  Lot lookup");
            device.scanEntry(Handheld.primerLabel("PR-1001"));

            assertGood();
            assertThat(device.fields()).contains("Status: Released");
            assertThat(device.banner()).isEmpty();
        }

        @Test
        void labelsAndValuesWrapBetweenWordsNeverInsideOne() throws Exception {
            gun().tap("8  Lot lookup");
            device.scan(Handheld.primerLabel("PR-0999"));

            java.util.Set<javafx.scene.Node> shown = device.node("#fields").lookupAll(".label");
            assertThat(shown).hasSizeGreaterThan(4);
            for (javafx.scene.Node n : shown) {
                javafx.scene.control.Label l = (javafx.scene.control.Label) n;
                assertThat(l.getWidth())
                        .as("'%s' is narrower than its longest word", l.getText())
                        .isGreaterThanOrEqualTo(Widgets.longestWord(l.getText(), l.getFont()) - 0.5);
            }
        }

        @Test
        void aRecalledLotIsUnmistakable() throws Exception {
            gun().tap("8  Lot lookup");
            device.scan(Handheld.primerLabel("PR-0999"));

            assertThat(device.fields()).contains("Status: Recalled");
            assertThat(device.banner()).isEqualTo("BLOCKED LOT — RECALLED — DO NOT USE");
            assertRefused("Lot PR-0999 of FG-PRIMER is recalled — do not use it");
        }

        @Test
        void onTheDockTabletTheScanTriggerTakesAPictureAndZxingReadsTheLabel() throws Exception {
            device = Handheld.open(dir, "dock-tablet-10");
            device.logInAna().tap("5  Lot lookup");
            Path picture = dir.resolve("label.png");
            BitMatrix bars = new Code128Writer()
                    .encode(
                            FNC1 + Handheld.primerLabel("PR-0999").substring(3),
                            BarcodeFormat.CODE_128,
                            600,
                            160,
                            Map.of(EncodeHintType.MARGIN, 20));
            ImageIO.write(MatrixToImageWriter.toBufferedImage(bars), "png", picture.toFile());
            device.camera = Camera.fromFile(picture, Runnable::run);

            device.press(KeyCode.F10);

            assertThat(device.fields()).contains("Status: Recalled");
            assertThat(device.banner()).isEqualTo("BLOCKED LOT — RECALLED — DO NOT USE");
        }

        @Test
        void aPictureWithoutABarcodeSaysWhatToDo() throws Exception {
            device = Handheld.open(dir, "dock-tablet-10");
            device.logInAna().tap("5  Lot lookup");
            Path blank = dir.resolve("blank.png");
            ImageIO.write(
                    new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png",
                    blank.toFile());
            device.camera = Camera.fromFile(blank, Runnable::run);

            device.tap("Camera");

            assertRefused("No barcode found in the picture");
        }

        @Test
        void tenKilobytesOfJunkGetASentenceNotACrash() throws Exception {
            gun().tap("8  Lot lookup");
            device.scan("\u0001".repeat(10) + "x".repeat(10_000));

            assertThat(device.styleClasses("#feedback")).contains("feedback-error");
            assertThat(device.feedback()).isNotBlank();
        }
    }
}
