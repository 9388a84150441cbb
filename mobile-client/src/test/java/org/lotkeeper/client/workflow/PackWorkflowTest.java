package org.lotkeeper.client.workflow;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.wedge;

/** Building a pallet and taking lots off one on the handheld (docs/HANDHELD.md, "Pack"). */
class PackWorkflowTest {

    private static final Sscc FIRST = CompanyPrefix.of("0614141").sscc(0);

    private final InMemoryDeviceData view = Riverside.masterData();
    private final InMemoryCapture capture = new InMemoryCapture();
    private final PackWorkflow pack =
            new PackWorkflow(Riverside.context(view, capture, Instant.parse("2026-11-16T14:00:00Z")));

    PackWorkflowTest() {
        view.lot(Riverside.lotRow("RM-RESIN", "R-2401", LotStatus.RELEASED, "2027-03-31", "2026-11-16T08:05:00Z"));
        view.lot(Riverside.lotRow("RM-RESIN", "R-2402", LotStatus.RELEASED, "2027-01-31", "2026-11-16T08:20:00Z"));
        view.stock("RM-RESIN", "R-2401", "RCV-DOCK-1", Quantity.of("1000", Uom.KGM));
        view.stock("RM-RESIN", "R-2402", "WH-A-01", Quantity.of("800", Uom.KGM));
    }

    @Test
    void aNewPalletTakesTheDevicesNextNumberAndEachConfirmedLotIsOnePackStoredAtOnce() {
        Screen opened = pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET));
        assertThat(opened.feedback().orElseThrow().message()).startsWith("New pallet " + FIRST.value());
        assertThat(opened.value("Pallet")).contains(FIRST.value());

        Screen proposed = pack.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        assertThat(proposed.step()).isEqualTo(PackWorkflow.Step.QUANTITY);
        assertThat(capture.payloads).isEmpty();
        Screen stored = pack.handle(new Command.KeyQuantity("600"));
        assertThat(stored.feedback().orElseThrow().captured()).hasSize(1);
        assertThat(capture.payloads)
                .containsExactly(new Pack(
                        FIRST,
                        LocationCode.of("RCV-DOCK-1"),
                        List.of(new ContainerLine(
                                ItemCode.of("RM-RESIN"), LotCode.of("R-2401"), Quantity.of("600", Uom.KGM)))));

        // the pallet is at the dock: a lot elsewhere must be brought to it first
        Screen elsewhere = pack.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2402"))));
        assertThat(elsewhere.feedback().orElseThrow().message())
                .contains("is at RCV-DOCK-1, lot R-2402 at WH-A-01 — move the lot to the pallet first");
        assertThat(capture.payloads).hasSize(1);

        Screen closed = pack.handle(Command.confirm());
        assertThat(closed.feedback().orElseThrow().message())
                .startsWith(
                        "Pallet " + FIRST.value() + " closed: 1 lot(s) at RCV-DOCK-1. Print its label in the console");
        assertThat(closed.step()).isEqualTo(PackWorkflow.Step.PALLET);
    }

    @Test
    void withoutNumbersLeftTheDeviceSaysToSyncAndWarnsBeforeItRunsOut() {
        capture.palletNumbersLeft = 3;
        assertThat(pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET))
                        .feedback()
                        .orElseThrow()
                        .message())
                .contains("Only 2 pallet number(s) left on this device — sync it soon for more.");
        pack.handle(Command.cancel());
        pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET));
        pack.handle(Command.cancel());
        pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET));
        pack.handle(Command.cancel());
        Screen none = pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET));
        assertThat(none.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
        assertThat(none.feedback().orElseThrow().message()).startsWith("This device has no pallet numbers left");
        assertThat(none.actions()).contains(UiAction.SYNC);
    }

    @Test
    void aLotComesOffAKnownPalletAndUnpackAllEmptiesIt() {
        Sscc pallet = CompanyPrefix.of("0614141").sscc(42);
        view.containers.put(
                pallet,
                new ContainerInfo(
                        pallet,
                        LocationCode.of("RCV-DOCK-1"),
                        List.of(
                                new ContainerLine(
                                        ItemCode.of("RM-RESIN"), LotCode.of("R-2401"), Quantity.of("1000", Uom.KGM)),
                                new ContainerLine(
                                        ItemCode.of("RM-RESIN"), LotCode.of("R-2402"), Quantity.of("800", Uom.KGM)))));
        Screen opened = pack.handle(Command.scan(wedge("]C100" + pallet.value())));
        assertThat(opened.feedback().orElseThrow().message()).contains("holds 2 lot(s)");

        pack.handle(new Command.Choose(PackWorkflow.UNPACK));
        pack.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        Screen tooMuch = pack.handle(new Command.KeyQuantity("1200"));
        assertThat(tooMuch.feedback().orElseThrow().message()).contains("holds 1000 kg of lot R-2401");
        pack.handle(new Command.KeyQuantity("400"));
        Screen all = pack.handle(new Command.Choose(PackWorkflow.UNPACK_ALL));

        assertThat(all.step()).isEqualTo(PackWorkflow.Step.PALLET);
        assertThat(capture.payloads)
                .containsExactly(
                        new Unpack(
                                pallet,
                                LocationCode.of("RCV-DOCK-1"),
                                List.of(new ContainerLine(
                                        ItemCode.of("RM-RESIN"), LotCode.of("R-2401"), Quantity.of("400", Uom.KGM)))),
                        new Unpack(
                                pallet,
                                LocationCode.of("RCV-DOCK-1"),
                                List.of(
                                        new ContainerLine(
                                                ItemCode.of("RM-RESIN"),
                                                LotCode.of("R-2401"),
                                                Quantity.of("600", Uom.KGM)),
                                        new ContainerLine(
                                                ItemCode.of("RM-RESIN"),
                                                LotCode.of("R-2402"),
                                                Quantity.of("800", Uom.KGM)))));
    }

    @Test
    void onlyWhatLiesLooseGoesOnANewPalletStockOnAnotherPalletStaysThere() {
        Sscc other = CompanyPrefix.of("0614141").sscc(77);
        view.containers.put(
                other,
                new ContainerInfo(
                        other,
                        LocationCode.of("RCV-DOCK-1"),
                        List.of(new ContainerLine(
                                ItemCode.of("RM-RESIN"), LotCode.of("R-2401"), Quantity.of("700", Uom.KGM)))));
        pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET));
        Screen proposed = pack.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        assertThat(proposed.feedback().orElseThrow().message()).startsWith("Put 300 kg of lot R-2401 on pallet");
        Screen tooMuch = pack.handle(new Command.KeyQuantity("400"));
        assertThat(tooMuch.feedback().orElseThrow().message())
                .startsWith("Only 300 kg of lot R-2401 at RCV-DOCK-1 is not on a pallet");
        assertThat(capture.payloads).isEmpty();

        // all of it on pallets: refused on the scan
        view.containers.put(
                other,
                new ContainerInfo(
                        other,
                        LocationCode.of("RCV-DOCK-1"),
                        List.of(new ContainerLine(
                                ItemCode.of("RM-RESIN"), LotCode.of("R-2401"), Quantity.of("1000", Uom.KGM)))));
        pack.handle(Command.cancel());
        pack.handle(new Command.Choose(PackWorkflow.NEW_PALLET));
        Screen none = pack.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        assertThat(none.feedback().orElseThrow().message())
                .isEqualTo("All of lot R-2401 at RCV-DOCK-1 is on pallets already — take it off its pallet first,"
                        + " or move that pallet.");
        // refused: the lot did not stick to the screen
        assertThat(none.step()).isEqualTo(PackWorkflow.Step.LOT);
        assertThat(none.filled().toString()).doesNotContain("Putting on");
    }

    @Test
    void aLotLabelIsNotAPalletLabel() {
        Screen refused = pack.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
        assertThat(refused.feedback().orElseThrow().message()).startsWith("This is not a pallet label (SSCC)");
        assertThat(capture.payloads).isEmpty();
    }
}
