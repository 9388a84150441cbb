package org.lotkeeper.client.core;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.WedgeInput;
import org.lotkeeper.client.scan.WedgeKey;
import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.workflow.CaptureFailedException;
import org.lotkeeper.client.workflow.Command;
import org.lotkeeper.client.workflow.LoginWorkflow;
import org.lotkeeper.client.workflow.PickTask;
import org.lotkeeper.client.workflow.ReceiveWorkflow;
import org.lotkeeper.client.workflow.RecentEvent;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.Tone;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.DeviceProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientCoreTest {

    private static final DeviceProfiles PROFILES = DeviceProfiles.bundled();
    private static final LotRef P5001 = new LotRef(ItemCode.of("RM-PIGMENT"), LotCode.of("P-5001"));

    @TempDir
    Path dir;

    private ClientCore device(String profile, List<TaskRow> tasks) {
        Path file = dir.resolve("device.db");
        RiversideDevice.prepare(file, tasks);
        return ClientCore.builder(file, PROFILES.byName(profile).orElseThrow()).build();
    }

    private static RawScan typedByScanner(WedgeInput input, String text) {
        WedgeSettings s = input.settings();
        String sent = s.prefix() + (s.gsReplacement() == null ? text : text.replace('\u001d', s.gsReplacement()));
        long t = 10_000;
        for (int ci = 0; ci < sent.length(); ci++) {

            char c = sent.charAt(ci);
            input.key(WedgeKey.ch(c, t += 2));
        }
        return input.key(s.terminator() == WedgeSettings.Terminator.TAB ? WedgeKey.tab(t + 2) : WedgeKey.enter(t + 2))
                .orElseThrow();
    }

    private static void logIn(ClientCore device, WedgeInput input) {
        LoginWorkflow login = device.login();
        login.handle(Command.scan(typedByScanner(input, "B-1001")));
        assertThat(login.handle(new Command.KeyPin("471147"))
                        .feedback()
                        .orElseThrow()
                        .tone())
                .isEqualTo(Tone.GOOD);
    }

    @Test
    void anaLogsInByBadgeAndPinAndHerReceiptIsStoredForHerAndShowsInTheLocalView() {
        try (ClientCore device = device("dock-tablet-10", List.of())) {
            WedgeInput input = device.newWedgeInput();
            logIn(device, input);
            assertThat(device.session().orElseThrow().user()).isEqualTo(UserId.of("ana"));

            ReceiveWorkflow receive = (ReceiveWorkflow) device.start(WorkflowKind.RECEIVE);
            receive.handle(new Command.NoReference("TIO2-CORP", "PO-7782"));
            receive.handle(Command.scan(typedByScanner(input, "]d2011061414100002610TX-55\u001d17280630")));
            receive.handle(new Command.KeyQuantity("500"));
            receive.handle(Command.scan(typedByScanner(input, "]C1011061414100002610P-5001")));
            Screen done = receive.handle(Command.scan(typedByScanner(input, "RCV-DOCK-1")));

            assertThat(done.feedback().orElseThrow().captured()).hasSize(1);
            OutboxEntry stored = device.store().outbox().all().get(0);
            assertThat(stored.event().userId()).isEqualTo(UserId.of("ana"));
            assertThat(stored.event().payload())
                    .isEqualTo(new Receive(
                            PartnerCode.of("TIO2-CORP"),
                            Reference.of("PO-7782"),
                            ItemCode.of("RM-PIGMENT"),
                            LotCode.of("P-5001"),
                            LotCode.of("TX-55"),
                            Quantity.of("500", Uom.KGM),
                            java.time.LocalDate.parse("2028-06-30"),
                            null,
                            LocationCode.of("RCV-DOCK-1"),
                            null,
                            List.of(),
                            null));
            assertThat(device.data().lot(P5001).orElseThrow().status()).isEqualTo(LotStatus.QUARANTINE);
            assertThat(device.data().stockAt(LocationCode.of("RCV-DOCK-1")))
                    .extracting(c -> c.lot().lot().value() + "=" + c.quantity())
                    .containsExactly("P-5001=500 kg");
            assertThat(device.syncStatus().pendingCount()).isEqualTo(1);
        }
    }

    private static String said(Screen screen) {
        return screen.feedback().orElseThrow().message();
    }

    @Test
    void tenWrongPinsLockPinSignInOnTheDeviceAcrossBadgesAndRestartsUntilItSyncs() {
        try (ClientCore device = device("dock-tablet-10", List.of())) {
            WedgeInput input = device.newWedgeInput();
            // five wrong for ana (the badge must be scanned again), four for ben
            for (String badge : List.of("B-1001", "B-1002")) {
                LoginWorkflow login = device.login();
                login.handle(Command.scan(typedByScanner(input, badge)));
                for (int i = 0; i < (badge.equals("B-1001") ? LoginWorkflow.MAX_TRIES : 4); i++) {
                    assertThat(said(login.handle(new Command.KeyPin("908172")))).contains("PIN");
                }
            }
        }
        try (ClientCore device = device("dock-tablet-10", List.of())) {
            // after a restart, the tenth wrong PIN locks, and every badge with it
            WedgeInput input = device.newWedgeInput();
            LoginWorkflow login = device.login();
            login.handle(Command.scan(typedByScanner(input, "B-1002")));
            assertThat(said(login.handle(new Command.KeyPin("908172"))))
                    .startsWith("PIN sign-in is locked on this device after 10 wrong PINs");
            LoginWorkflow again = device.login();
            Screen ana = again.handle(Command.scan(typedByScanner(input, "B-1001")));
            assertThat(said(ana)).startsWith("PIN sign-in is locked");
            assertThat(ana.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
            assertThat(device.session()).isEmpty();
        }
        try (SqliteStore store = SqliteStore.open(dir.resolve("device.db"))) {
            store.settings().setLastSyncAt(java.time.Instant.parse("2026-11-21T00:00:00Z"));
        }
        try (ClientCore device = device("dock-tablet-10", List.of())) {
            logIn(device, device.newWedgeInput());
            assertThat(device.session()).isPresent();
        }
    }

    @Test
    void theServerAddressChangesOnlyUnderASupervisorAndNeverToPlainHttpElsewhere() {
        try (ClientCore device = device("dock-tablet-10", List.of())) {
            assertThatThrownBy(() -> device.useServer("https://other.example"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs a supervisor");
            logIn(device, device.newWedgeInput()); // ana: receiver and operator
            assertThatThrownBy(() -> device.useServer("https://other.example"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs a supervisor");
            assertThatThrownBy(() -> device.useServer("http://evil.example"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https://");
            assertThatThrownBy(() -> device.enroll("http://evil.example", "ABCD-EFGH-JKLM"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(device.store().settings().serverUrl()).contains("http://127.0.0.1:9/");
        }
    }

    @Test
    void aWorkflowNeedsALoggedInUserAndAProfileThatOffersIt() {
        try (ClientCore device = device("dock-tablet-10", List.of())) {
            assertThatThrownBy(() -> device.start(WorkflowKind.RECEIVE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("logged in");
            logIn(device, device.newWedgeInput());
            assertThatThrownBy(() -> device.start(WorkflowKind.PICK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dock-tablet-10 does not offer PICK");
            assertThat(device.workflows())
                    .contains(WorkflowKind.RECEIVE, WorkflowKind.LOOKUP, WorkflowKind.HOLD)
                    .doesNotContain(WorkflowKind.PICK, WorkflowKind.PRODUCE);
            device.logout();
            assertThat(device.session()).isEmpty();
        }
    }

    @Test
    void pickTasksComeFromPulledTasksOfKindPickAndOtherTaskKindsAreNotPickTasks() {
        TaskRow so1 = new TaskRow(
                Reference.of("SO-1"),
                "PICK",
                List.of(new TaskRow.Line(
                        ItemCode.of("FG-PRIMER"), null, null, Quantity.of("10", Uom.H87), Reference.of("SO-1"))));
        TaskRow count = new TaskRow(
                Reference.of("CNT-1"),
                "COUNT",
                List.of(new TaskRow.Line(ItemCode.of("FG-PRIMER"), null, LocationCode.of("WH-A-01"), null, null)));
        try (ClientCore device = device("zebra-tc5x", List.of(so1, count))) {
            PickTask task = device.data().pickTask(Reference.of("SO-1")).orElseThrow();
            assertThat(task.customer()).isNull();
            assertThat(task.lines())
                    .containsExactly(new PickTask.Line(ItemCode.of("FG-PRIMER"), Quantity.of("10", Uom.H87)));
            assertThat(device.data().pickTask(Reference.of("CNT-1"))).isEmpty();
            assertThat(device.data().expectedReceipt(Reference.of("PO-7780"))).isEmpty();
        }
    }

    @Test
    void recentEventsOfALotAreThisDevicesOwnNewestFirst() {
        try (ClientCore device = device("zebra-tc5x", List.of())) {
            SqliteCapturePort port = new SqliteCapturePort(device.store(), UserId.of("ben"));
            port.capture(new Receive(
                    PartnerCode.of("TIO2-CORP"),
                    Reference.of("PO-7782"),
                    P5001.item(),
                    P5001.lot(),
                    null,
                    Quantity.of("500", Uom.KGM),
                    null,
                    null,
                    LocationCode.of("RCV-DOCK-1"),
                    null,
                    List.of(),
                    null));
            port.captureAll(List.of(
                    new Move(
                            P5001.item(),
                            P5001.lot(),
                            Quantity.of("500", Uom.KGM),
                            LocationCode.of("RCV-DOCK-1"),
                            LocationCode.of("WH-B-01"),
                            null),
                    new Move(
                            ItemCode.of("RM-RESIN"),
                            LotCode.of("R-1"),
                            Quantity.of("1", Uom.KGM),
                            LocationCode.of("WH-A-01"),
                            LocationCode.of("WH-A-02"),
                            null)));

            List<RecentEvent> recent = device.data().recentEvents(P5001, 5);

            assertThat(recent)
                    .extracting(RecentEvent::summary)
                    .containsExactly(
                            "Moved 500 kg RCV-DOCK-1 → WH-B-01 (ben, pending)",
                            "Received 500 kg from TIO2-CORP at RCV-DOCK-1 (ben, pending)");
            assertThat(device.data().recentEvents(P5001, 1)).hasSize(1);
        }
    }

    @Test
    void captureOnADeviceThatIsNotEnrolledIsNotSavedAndSaysWhy() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("fresh.db"))) {
            SqliteCapturePort port = new SqliteCapturePort(store, UserId.of("ana"));
            assertThatThrownBy(() -> port.capture(new Move(
                            P5001.item(),
                            P5001.lot(),
                            Quantity.of("1", Uom.KGM),
                            LocationCode.of("A"),
                            LocationCode.of("B"),
                            null)))
                    .isInstanceOf(CaptureFailedException.class)
                    .hasMessageContaining("not enrolled");
            assertThat(store.outbox().all()).isEmpty();
        }
    }

    @Test
    void aPatternLotIsRefusedWithAReasonBecauseTheServerGaveNoDeviceTag() {
        Path file = dir.resolve("untagged.db");
        RiversideDevice.prepare(file, List.of(), List.of(), List.of(), null);
        try (ClientCore device = ClientCore.builder(
                        file, PROFILES.byName("zebra-tc5x").orElseThrow())
                .build()) {
            assertThatThrownBy(() -> device.data().deviceTag())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no lot-number tag");
        }
    }

    @Test
    void theHoneywellProfileGivesItsHashPrefixTabTerminatorAndPipeForGs() {
        DeviceProfile honeywell = PROFILES.byName("honeywell-ct4x").orElseThrow();
        WedgeSettings s = ProfileMapping.wedgeSettings(honeywell.scanInput());
        assertThat(s.prefix()).isEqualTo("#");
        assertThat(s.terminator()).isEqualTo(WedgeSettings.Terminator.TAB);
        assertThat(s.gsReplacement()).isEqualTo('|');
        assertThat(s.maxInterKeyMillis()).isEqualTo(honeywell.scanInput().interKeyMaxMillis());

        WedgeInput input = new WedgeInput(s);
        RawScan scan = typedByScanner(input, "]C1011061414100001910ACR-778\u001d172703313100001000");
        assertThat(scan.text()).isEqualTo("]C1011061414100001910ACR-778\u001d172703313100001000");
    }

    @Test
    void aReceiptScannedOnAHoneywellIsTheSameAsOnAZebra() {
        for (String profile : List.of("honeywell-ct4x", "zebra-tc5x")) {
            Path file = dir.resolve(profile + ".db");
            RiversideDevice.prepare(file, List.of());
            try (ClientCore device = ClientCore.builder(
                            file, PROFILES.byName(profile).orElseThrow())
                    .build()) {
                WedgeInput input = device.newWedgeInput();
                logIn(device, input);
                ReceiveWorkflow receive = (ReceiveWorkflow) device.start(WorkflowKind.RECEIVE);
                receive.handle(new Command.NoReference("ACME-RESINS", "PO-7780"));
                receive.handle(Command.scan(
                        typedByScanner(input, "]C1011061414100001910ACR-778\u001d172703313100001000\u001d400PO-7780")));
                receive.handle(Command.scan(typedByScanner(input, "]C1011061414100001910R-2401")));
                receive.handle(Command.scan(typedByScanner(input, "RCV-DOCK-1")));
                Receive r =
                        (Receive) device.store().outbox().all().get(0).event().payload();
                assertThat(r.lot()).isEqualTo(LotCode.of("R-2401"));
                assertThat(r.supplierLot()).isEqualTo(LotCode.of("ACR-778"));
                assertThat(r.quantity()).isEqualTo(Quantity.of("1000", Uom.KGM));
            }
        }
    }
}
