package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.PRIMER_GTIN;
import static org.lotkeeper.client.workflow.Riverside.TOPCOAT_GTIN;
import static org.lotkeeper.client.workflow.Riverside.lotLabel;
import static org.lotkeeper.client.workflow.Riverside.wedge;

class PickWorkflowTest {

    private final InMemoryDeviceData view = Riverside.pickingDay();
    private final InMemoryCapture capture = new InMemoryCapture();
    private final PickWorkflow pick = new PickWorkflow(Riverside.context(view, capture, Riverside.PICKING_DAY));

    private Screen scan(String text) {
        return pick.handle(Command.scan(wedge(text)));
    }

    @Test
    void so1ShowsTheFefoLotAndScanningItThenStagingGivesTheScenarioPick() {
        Screen order = scan("O:SO-1");
        assertThat(Riverside.fefo(order)).contains("PR-1001 at WH-A-01, 10 pc");
        assertThat(order.prompt()).isEqualTo("Take 10 pc of lot PR-1001 from WH-A-01: scan the lot label.");

        Screen lot = scan(lotLabel(PRIMER_GTIN, "PR-1001"));
        assertThat(lot.step()).isEqualTo(PickWorkflow.Step.STAGE);
        Screen done = scan("STAGE-OUT-1");

        assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.PICK, "order=SO-1"));
        assertThat(done.feedback().orElseThrow().message()).contains("Order SO-1 is picked");
        assertThat(done.step()).isEqualTo(PickWorkflow.Step.ORDER);
    }

    @Test
    void so3TakesTheNewerLotWithOneTapReasonAndRecordsTheSuggestionAsTheScenarioDid() {
        scan("O:SO-3");
        Screen deviation = scan(lotLabel(PRIMER_GTIN, "PR-1003"));
        assertThat(deviation.step()).isEqualTo(PickWorkflow.Step.DEVIATION_REASON);
        assertThat(deviation.feedback().orElseThrow().message()).contains("Lot PR-1001 at WH-A-01 expires earlier");
        assertThat(deviation.choiceValues()).contains("CUSTOMER_REQUEST", "OTHER");
        assertThat(deviation.actions()).contains(UiAction.CHOOSE);

        pick.handle(new Command.Choose("CUSTOMER_REQUEST", "Customer asked for the newest lot"));
        scan("STAGE-OUT-1");
        Screen line2 = scan("TC-1002");
        assertThat(line2.step()).isEqualTo(PickWorkflow.Step.STAGE);
        scan("STAGE-OUT-1");

        assertThat(capture.payloads).containsExactlyElementsOf(Riverside.payloads(EventType.PICK, "order=SO-3"));
        Pick deviated = (Pick) capture.payloads.get(0);
        assertThat(deviated.suggestedLot().value()).isEqualTo("PR-1001");
        assertThat(deviated.deviationReason()).isEqualTo(DeviationReason.CUSTOMER_REQUEST);
    }

    /** A pallet of 10 pails of PR-1001 (and, in some tests, PR-1003) at WH-A-01. */
    private Sscc pallet(String... moreLots) {
        Sscc sscc = CompanyPrefix.of("0614141").sscc(9);
        List<ContainerLine> lines = new ArrayList<>();
        lines.add(new ContainerLine(ItemCode.of("FG-PRIMER"), LotCode.of("PR-1001"), Quantity.of("10", Uom.H87)));
        for (String lot : moreLots) {
            String[] parts = lot.split(":");
            lines.add(new ContainerLine(ItemCode.of(parts[0]), LotCode.of(parts[1]), Quantity.of(parts[2], Uom.H87)));
        }
        view.containers.put(sscc, new ContainerInfo(sscc, LocationCode.of("WH-A-01"), lines));
        return sscc;
    }

    @Test
    void aPalletOfTheFefoLotIsPickedWholeAsOnePickPerLotNamingIt() {
        Sscc sscc = pallet();
        scan("O:SO-1");
        Screen whole = scan("]C100" + sscc.value());
        assertThat(whole.step()).isEqualTo(PickWorkflow.Step.STAGE);
        assertThat(whole.feedback().orElseThrow().message()).startsWith("Pallet " + sscc + ": 1 lot(s), 10 pc");
        assertThat(pick.handle(new Command.KeyQuantity("5"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .contains("A pallet is picked whole");
        Screen done = scan("STAGE-OUT-1");
        assertThat(done.feedback().orElseThrow().message()).contains("Order SO-1 is picked");
        Pick picked = (Pick) capture.payloads.get(0);
        assertThat(capture.payloads).hasSize(1);
        assertThat(picked.sscc()).isEqualTo(sscc);
        assertThat(picked.lot().value()).isEqualTo("PR-1001");
        assertThat(picked.from().value()).isEqualTo("WH-A-01");
        assertThat(picked.deviationReason()).isNull();
    }

    @Test
    void aMixedPalletIsJudgedLotByLotOneReasonCoversTheLotFefoWouldNotTakeFirst() {
        Sscc sscc = pallet("FG-PRIMER:PR-1003:5");
        view.pickTasks.put(
                Reference.of("SO-9"),
                new PickTask(
                        Reference.of("SO-9"),
                        PartnerCode.of("CITY-MAINT"),
                        List.of(new PickTask.Line(ItemCode.of("FG-PRIMER"), Quantity.of("15", Uom.H87)))));
        scan("O:SO-9");
        Screen deviation = scan("]C100" + sscc.value());
        assertThat(deviation.step()).isEqualTo(PickWorkflow.Step.DEVIATION_REASON);
        assertThat(deviation.feedback().orElseThrow().message())
                .contains("holds lot PR-1003, which FEFO would not take first");
        pick.handle(new Command.Choose("CUSTOMER_REQUEST", null));
        scan("STAGE-OUT-1");
        assertThat(capture.payloads).hasSize(2);
        Pick first = (Pick) capture.payloads.get(0);
        Pick second = (Pick) capture.payloads.get(1);
        assertThat(first.deviationReason()).isNull();
        assertThat(second.lot().value()).isEqualTo("PR-1003");
        assertThat(second.deviationReason()).isEqualTo(DeviationReason.CUSTOMER_REQUEST);
        assertThat(second.sscc()).isEqualTo(sscc);
    }

    @Test
    void aPalletWithABlockedLotAnotherItemOrMoreThanTheLineNeedsIsRefusedWithTheReason() {
        Sscc sscc = pallet("FG-PRIMER:PR-1003:5");
        scan("O:SO-1");
        assertThat(scan("]C100" + sscc.value()).feedback().orElseThrow().message())
                .contains("holds 15 pc of FG-PRIMER; this line needs only 10 pc more");

        Sscc mixed = pallet("FG-TOPCOAT:TC-1002:5");
        scan("O:SO-1");
        assertThat(scan("]C100" + mixed.value()).feedback().orElseThrow().message())
                .contains("also holds FG-TOPCOAT, which this line (FG-PRIMER) does not take");

        Sscc held = pallet();
        view.status("FG-PRIMER", "PR-1001", LotStatus.ON_HOLD);
        Screen blocked = scan("]C100" + held.value());
        assertThat(blocked.feedback().orElseThrow().message()).startsWith("Lot PR-1001 on pallet " + held + ":");
        assertThat(blocked.blocked()).isPresent();
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void aQuarantinedLotIsBlockedWithTheReasonAndTheFefoLotToTakeInstead() {
        view.status("FG-PRIMER", "PR-1001", LotStatus.QUARANTINE);
        scan("O:SO-1");

        Screen blocked = scan(lotLabel(PRIMER_GTIN, "PR-1001"));

        assertThat(blocked.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
        assertThat(blocked.feedback().orElseThrow().message())
                .contains("Lot PR-1001 is in quarantine — QA has not released it; take another lot.")
                .contains("FEFO lot: PR-1003 at WH-A-01.");
        assertThat(blocked.step()).isEqualTo(PickWorkflow.Step.LOT);
        assertThat(blocked.blocked()).hasValueSatisfying(b -> {
            assertThat(b.lot()).isEqualTo(LotRef.of("FG-PRIMER", "PR-1001"));
            assertThat(b.reasons()).containsExactly(UnavailableReason.QUARANTINE);
        });
        assertThat(capture.payloads).isEmpty();
        assertThat(scan("STAGE-OUT-1").blocked())
                .as("the next command clears it")
                .isEmpty();
    }

    @Test
    void aCommandThePickDoesNotTakeIsAnsweredWithASentenceAndChangesNothing() {
        scan("O:SO-1");
        Screen before = pick.screen();

        Screen refused = pick.handle(new Command.NoReference("CITY-MAINT", "X-1"));

        assertThat(pick.offers()).doesNotContain(UiAction.NO_REFERENCE);
        assertThat(refused.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
        assertThat(refused.feedback().orElseThrow().message())
                .startsWith("That is not possible here. Take 10 pc of lot PR-1001");
        assertThat(refused.step()).isEqualTo(before.step());
        assertThat(refused.filled()).isEqualTo(before.filled());
    }

    @Test
    void heldRejectedAndRecalledLotsAreBlocked() {
        for (LotStatus status : List.of(LotStatus.ON_HOLD, LotStatus.REJECTED, LotStatus.RECALLED)) {
            view.status("FG-PRIMER", "PR-1003", status);
            pick.handle(Command.cancel());
            scan("O:SO-3");

            Screen blocked = scan(lotLabel(PRIMER_GTIN, "PR-1003"));

            assertThat(blocked.feedback().orElseThrow().tone())
                    .as(status.name())
                    .isEqualTo(Tone.ERROR);
            assertThat(blocked.feedback().orElseThrow().message())
                    .as(status.name())
                    .containsAnyOf("on hold", "rejected", "recalled");
        }
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void aRecalledLotInTwoPlacesIsBlockedOnItsFirstScanNotAfterTheLocation() {
        view.stock("FG-PRIMER", "PR-1001", "RETURNS-1", Quantity.of("2", Uom.H87));
        view.status("FG-PRIMER", "PR-1001", LotStatus.RECALLED);
        scan("O:SO-1");

        Screen first = scan(lotLabel(PRIMER_GTIN, "PR-1001"));

        assertThat(first.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
        assertThat(first.feedback().orElseThrow().message()).contains("Lot PR-1001 is recalled");
        assertThat(first.blocked())
                .hasValueSatisfying(b -> assertThat(b.reasons()).contains(UnavailableReason.RECALLED));
        assertThat(first.step()).isEqualTo(PickWorkflow.Step.LOT);
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void noAvailableStockIsRedNotGreen() {
        for (String lot : List.of("PR-1001", "PR-1003")) {
            view.status("FG-PRIMER", lot, LotStatus.ON_HOLD);
        }
        Screen order = scan("O:SO-1");
        assertThat(order.prompt()).startsWith("No available stock of FG-PRIMER");
        assertThat(order.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
    }

    @Test
    void anExpiredLotIsBlocked() {
        view.lot(Riverside.lotRow("FG-PRIMER", "PR-0900", LotStatus.RELEASED, "2026-11-01", "2025-11-01T10:00:00Z"));
        view.stock("FG-PRIMER", "PR-0900", "WH-A-02", Quantity.of("8", Uom.H87));
        scan("O:SO-3");

        Screen blocked = scan(lotLabel(PRIMER_GTIN, "PR-0900"));

        assertThat(blocked.feedback().orElseThrow().message()).startsWith("Lot PR-0900 expired on 2026-11-01");
    }

    @Test
    void aLotTooShortLivedForTheCustomerIsBlockedButFineForAnotherCustomer() {
        view.lot(Riverside.lotRow("FG-PRIMER", "PR-0950", LotStatus.RELEASED, "2027-06-01", "2026-06-01T10:00:00Z"));
        view.stock("FG-PRIMER", "PR-0950", "WH-A-02", Quantity.of("10", Uom.H87));

        scan("O:SO-1");
        Screen buildmart = scan(lotLabel(PRIMER_GTIN, "PR-0950"));
        assertThat(buildmart.feedback().orElseThrow().message())
                .contains("this order needs at least 300 days of shelf life");

        pick.handle(Command.cancel());
        Screen cityMaint = scan("O:SO-3");
        assertThat(Riverside.fefo(cityMaint)).contains("PR-0950 at WH-A-02, 5 pc");
        assertThat(scan(lotLabel(PRIMER_GTIN, "PR-0950")).step()).isEqualTo(PickWorkflow.Step.STAGE);
    }

    @Test
    void aLotOfAnotherItemIsBlocked() {
        scan("O:SO-1");

        Screen blocked = scan(lotLabel(TOPCOAT_GTIN, "TC-1002"));

        assertThat(blocked.feedback().orElseThrow().message()).contains("this line asks for FG-PRIMER");
    }

    @Test
    void reasonOtherNeedsANote() {
        scan("O:SO-3");
        scan(lotLabel(PRIMER_GTIN, "PR-1003"));

        Screen refused = pick.handle(new Command.Choose("OTHER", " "));

        assertThat(refused.feedback().orElseThrow().message())
                .isEqualTo("Reason OTHER needs a note saying why you take this lot.");
        assertThat(refused.step()).isEqualTo(PickWorkflow.Step.DEVIATION_REASON);
    }

    @Test
    void scanningTheFefoLotInsteadOfGivingAReasonIsFine() {
        scan("O:SO-3");
        scan(lotLabel(PRIMER_GTIN, "PR-1003"));

        Screen fefo = scan(lotLabel(PRIMER_GTIN, "PR-1001"));

        assertThat(fefo.step()).isEqualTo(PickWorkflow.Step.STAGE);
        assertThat(fefo.feedback().orElseThrow().tone()).isEqualTo(Tone.GOOD);
    }

    @Test
    void aPartialQuantityLeavesTheRestOfTheLineToPick() {
        scan("O:SO-1");
        scan(lotLabel(PRIMER_GTIN, "PR-1001"));

        assertThat(pick.handle(new Command.KeyQuantity("11"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .isEqualTo("This line needs only 10 pc more — key at most that.");
        assertThat(pick.handle(new Command.KeyQuantity("0"))
                        .feedback()
                        .orElseThrow()
                        .message())
                .startsWith("The quantity must be more than zero");
        pick.handle(new Command.KeyQuantity("4"));
        Screen after = scan("STAGE-OUT-1");

        assertThat(((Pick) capture.last()).quantity()).isEqualTo(Quantity.of("4", Uom.H87));
        assertThat(after.step()).isEqualTo(PickWorkflow.Step.LOT);
        assertThat(Riverside.fefo(after)).contains("PR-1001 at WH-A-01, 6 pc");
    }

    @Test
    void picksGoToStagingNotToStorageOrUnknownPlaces() {
        scan("O:SO-1");
        scan(lotLabel(PRIMER_GTIN, "PR-1001"));

        assertThat(scan("WH-A-02").feedback().orElseThrow().message()).startsWith("WH-A-02 is a storage location");
        assertThat(scan("WH-Z-99").feedback().orElseThrow().message())
                .startsWith("Location WH-Z-99 is not known on this device");
        assertThat(capture.payloads).isEmpty();
    }

    @Test
    void withNoAvailableStockTheLineCanBeSkippedWithOneTap() {
        view.status("FG-TOPCOAT", "TC-1002", LotStatus.ON_HOLD);
        Screen order = scan("O:SO-2");
        assertThat(order.prompt()).startsWith("No available stock of FG-TOPCOAT");

        Screen skipped = pick.handle(new Command.SkipLine());

        assertThat(skipped.feedback().orElseThrow().message())
                .contains("20 pc of FG-TOPCOAT not picked", "Order SO-2 is picked");
    }

    @Test
    void anUnknownOrderIsRefused() {
        assertThat(scan("O:SO-99").feedback().orElseThrow().message())
                .startsWith("Order SO-99 has no pick task on this device");
    }
}
