package org.lotkeeper.client.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lotkeeper.client.workflow.WorkflowKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The floor's safety rule on screen: a lot that may not be used — recalled, on hold, in
 * quarantine, expired — is answered on the scan that names it, in every workflow, with the error
 * tone, red feedback that gives the reason and what to do, and the banner; nothing is stored on
 * that scan. Where the workflow still goes on (a count, a return, a move to quarantine, a hold of
 * an expired lot) the answer is red all the same. Blocked lots lie in two places where they can,
 * so no location question comes first.
 */
class FirstScanSafetyTest extends HandheldTest {

    /** A blocked lot of the grey primer, the banner it gets and the words that say why. */
    enum Lot {
        RECALLED("PR-0999", "BLOCKED LOT — RECALLED — DO NOT USE", "is recalled"),
        ON_HOLD("PR-0970", "BLOCKED LOT — ON HOLD — DO NOT USE", "is on hold"),
        QUARANTINE("PR-0980", "BLOCKED LOT — QUARANTINE — DO NOT USE", "is in quarantine"),
        EXPIRED("PR-0950", "BLOCKED LOT — EXPIRED — DO NOT USE", "expired on 2026-11-01");

        final String code;
        final String banner;
        final String why;

        Lot(String code, String banner, String why) {
            this.code = code;
            this.banner = banner;
            this.why = why;
        }
    }

    /** What the operator is told to do, per workflow (the sentence after the reason). */
    static Stream<Arguments> everyWorkflowAndEveryReason() {
        List<Arguments> all = new ArrayList<>();
        for (WorkflowKind kind : List.of(
                WorkflowKind.PICK,
                WorkflowKind.MOVE,
                WorkflowKind.SHIP,
                WorkflowKind.COUNT,
                WorkflowKind.PRODUCE,
                WorkflowKind.RETURN,
                WorkflowKind.HOLD,
                WorkflowKind.LOOKUP)) {
            for (Lot lot : Lot.values()) {
                // a return goes into quarantine anyway: a lot already there is no alarm (see below)
                if (kind != WorkflowKind.RETURN || lot != Lot.QUARANTINE) {
                    all.add(Arguments.of(kind, lot));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyWorkflowAndEveryReason")
    void theScanThatNamesAnUnavailableLotIsRedWithTheReasonTheToneAndTheBanner(WorkflowKind kind, Lot lot)
            throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna();
        openAndGetToTheLotScan(kind);
        int tones = device.tones.size();

        device.scan(Handheld.primerLabel(lot.code));

        assertThat(device.feedback()).as(kind + " " + lot).contains(lot.why).contains(whatToDo(kind, lot));
        assertThat(device.styleClasses("#feedback")).as(device.feedback()).contains("feedback-error");
        assertThat(device.tones).hasSize(tones + 1).last().isEqualTo("error");
        assertThat(device.banner()).isEqualTo(lot.banner);
        assertThat(device.pendingEvents()).as("nothing is stored on the scan").isZero();
    }

    private void openAndGetToTheLotScan(WorkflowKind kind) {
        device.tapContaining(Labels.title(kind));
        switch (kind) {
            case PICK -> device.scan("O:SO-1");
            case SHIP -> device.scan("S:SHP-1");
            case COUNT -> device.scan("WH-B-01");
            case PRODUCE -> device.scan("O:B-1001");
            case RETURN ->
                device.tap("No RMA")
                        .fill("form-customer", "HARBOR-PAINTS")
                        .fill("form-customer-reference", "CR-77")
                        .tap("OK");
            default -> {}
        }
    }

    private static String whatToDo(WorkflowKind kind, Lot lot) {
        return switch (kind) {
            case PICK -> "take another lot";
            case SHIP -> "do not load it";
            case PRODUCE -> "do not use it";
            case MOVE -> "may only go to a quarantine or returns location";
            case COUNT -> "count it as it is";
            case RETURN -> "take it back into a returns location and tell QA";
            case HOLD -> lot == Lot.EXPIRED ? "to hold it as well, choose why" : "keep it apart and tell QA";
            case LOOKUP -> "do not use it; set it aside";
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    @Test
    void aMoveOfABlockedLotGoesOnlyIntoQuarantineOrReturnsAndSaysWhyAtStorage() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna();
        device.tapContaining(Labels.title(WorkflowKind.MOVE));
        device.scan(Handheld.primerLabel("PR-0999")).scan("WH-A-01");

        assertThat(device.feedback()).contains("not WH-A-01");
        assertThat(device.styleClasses("#feedback")).contains("feedback-error");
        assertThat(device.banner()).isEqualTo(Lot.RECALLED.banner);
        assertThat(device.pendingEvents()).isZero();

        device.scan("QA-HOLD");
        assertThat(device.styleClasses("#feedback")).as(device.feedback()).contains("feedback-good");
        assertThat(device.pendingEvents()).isEqualTo(1);
    }

    @Test
    void aReceiptIntoARecalledLotIsRedOnTheLotScanAndGoesOnlyIntoQuarantine() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna();
        device.tapContaining(Labels.title(WorkflowKind.RECEIVE));
        device.tap("No PO")
                .fill("form-supplier", "ACME-RESINS")
                .fill("form-delivery-note", "DN-88")
                .tap("OK");
        device.scan("]C1011061414100001910SUP-77").type("100");
        int tones = device.tones.size();

        device.scan("]C1011061414100001910R-2390");

        assertThat(device.feedback()).contains("Lot R-2390 is recalled — receive it into a quarantine location");
        assertThat(device.styleClasses("#feedback")).contains("feedback-error");
        assertThat(device.tones).hasSize(tones + 1).last().isEqualTo("error");
        assertThat(device.banner()).isEqualTo(Lot.RECALLED.banner);

        device.scan("RCV-DOCK-1");
        assertThat(device.feedback()).contains("it goes into quarantine");
        assertThat(device.pendingEvents()).isZero();

        device.scan("QA-HOLD");
        assertThat(device.styleClasses("#feedback")).as(device.feedback()).contains("feedback-good");
        assertThat(device.pendingEvents()).isEqualTo(1);
    }

    @Test
    void aReturnOfALotAlreadyInQuarantineIsNoAlarmItGoesBackThereAnyway() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna();
        openAndGetToTheLotScan(WorkflowKind.RETURN);

        device.scan(Handheld.primerLabel(Lot.QUARANTINE.code));

        assertThat(device.styleClasses("#feedback")).as(device.feedback()).contains("feedback-good");
        assertThat(device.banner()).isEmpty();
    }
}
