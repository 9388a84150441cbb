package org.lotkeeper.client.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.client.sync.SyncStatus;
import org.lotkeeper.client.workflow.PackWorkflow;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushError;
import org.lotkeeper.model.wire.PushResult;
import org.lotkeeper.model.wire.SsccBlock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every screen for the compact, keypad and tablet profiles headless to PNG in
 * {@code docs/screens/handheld/<profile>/} (docs/HANDHELD.md shows them). Not part of the normal
 * test run (the name does not end in Test); run it with
 * {@code ./mvnw -B -pl mobile-client test -Dtest=HandheldScreenshots}. It checks what it renders:
 * every image has the profile's size in dp.
 */
class HandheldScreenshots {

    private static final Path OUT = Path.of(System.getProperty("lotkeeper.screens.dir", "../docs/screens/handheld"));

    @ParameterizedTest
    @ValueSource(strings = {"zebra-tc5x", "zebra-mc33", "dock-tablet-10"})
    void rendersEveryScreen(String profile) throws Exception {
        Path out = Files.createDirectories(OUT.resolve(profile));
        List<String> written = new ArrayList<>();

        try (Handheld fresh = Handheld.fresh(Files.createTempDirectory("lk-shot"), profile)) {
            written.add(shot(fresh, out, "01-enrollment"));
        }
        try (Handheld d = Handheld.open(Files.createTempDirectory("lk-shot"), profile)) {
            written.add(shot(d, out, "02-login"));
            Handheld.interact(() -> d.shell()
                    .statusBar()
                    .show(new SyncStatus(
                            SyncStatus.Connectivity.ONLINE,
                            0,
                            0,
                            null,
                            new SyncStatus.SnapshotProgress(true, 3, 12_500),
                            null,
                            false)));
            written.add(shot(d, out, "02-login-during-first-sync"));
            Handheld.interact(() -> d.shell().statusBar().refresh());
            d.scan("B-1001").type("000000");
            written.add(shot(d, out, "03-login-wrong-pin"));
            d.type("471147");
            written.add(shot(d, out, "04-home"));

            open(d, WorkflowKind.RECEIVE);
            d.scan("]d2011061414100002610TX-55" + Handheld.GS + "17280630");
            written.add(shot(d, out, "05-receive"));

            open(d, WorkflowKind.MOVE);
            d.scan(Handheld.primerLabel("PR-1001"));
            written.add(shot(d, out, "06-move"));
            d.scan("WH-B-01");

            if (d.context().core().workflows().contains(WorkflowKind.PICK)) {
                open(d, WorkflowKind.PICK);
                d.scan("O:SO-1");
                written.add(shot(d, out, "07-pick-fefo"));
                d.scan(Handheld.primerLabel("PR-0999"));
                written.add(shot(d, out, "08-pick-recalled-lot"));
            }

            open(d, WorkflowKind.COUNT);
            d.scan("WH-A-01").scan(Handheld.primerLabel("PR-1001"));
            written.add(shot(d, out, "09-count"));

            if (d.context().core().workflows().contains(WorkflowKind.SHIP)) {
                open(d, WorkflowKind.SHIP);
                d.scan("S:SHP-1");
                written.add(shot(d, out, "10-ship-delivery-note"));
                d.scan(Handheld.primerLabel("PR-1003"));
                written.add(shot(d, out, "10-ship"));
            }
            if (d.context().core().workflows().contains(WorkflowKind.PRODUCE)) {
                open(d, WorkflowKind.PRODUCE);
                written.add(shot(d, out, "11-produce"));
            }
            if (d.context().core().workflows().contains(WorkflowKind.RETURN)) {
                open(d, WorkflowKind.RETURN);
                Handheld.interact(
                        () -> ((WorkflowViewModel) d.shell().current()).noReference("HARBOR-PAINTS", "CR-77"));
                d.scan(Handheld.primerLabel("PR-1001")).type("2");
                written.add(shot(d, out, "12-return-reason"));
                open(d, WorkflowKind.RETURN);
                d.scan("RMA-7").scan(Handheld.primerLabel("PR-1003")).type("1");
                written.add(shot(d, out, "12-return-rma-deviation"));
            }

            open(d, WorkflowKind.LOOKUP);
            d.scan(Handheld.primerLabel("PR-0999"));
            written.add(shot(d, out, "13-lookup-recalled"));

            if (d.context().core().workflows().contains(WorkflowKind.SHIP)) {
                open(d, WorkflowKind.SHIP);
                d.scan("S:TR-4").scan(Handheld.primerLabel("PR-1002"));
                written.add(shot(d, out, "18-ship-transfer"));
            }
            open(d, WorkflowKind.TRANSFER_IN);
            d.scan("S:TR-5").scan(Handheld.primerLabel("PR-1010"));
            written.add(shot(d, out, "19-receive-transfer"));

            // the server handed the device a block of pallet numbers with its last pull
            var store = d.context().core().store();
            store.referenceCache()
                    .applyChangesPage(
                            new PullResponse(
                                    "c-pallets",
                                    true,
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    null,
                                    List.of(),
                                    new SsccBlock(1, CompanyPrefix.of("0614141"), 200, 200)),
                            store.outbox().acknowledgementMark());
            open(d, WorkflowKind.PACK);
            Handheld.interact(() -> ((WorkflowViewModel) d.shell().current()).choose(PackWorkflow.NEW_PALLET));
            d.scan(Handheld.primerLabel("PR-1001"));
            written.add(shot(d, out, "16-pack-new-pallet"));
            Handheld.interact(() -> ((WorkflowViewModel) d.shell().current()).confirm());
            written.add(shot(d, out, "17-pack-lot-packed"));

            var moved = d.context().core().store().outbox().all().get(0).event().eventId();
            d.context()
                    .core()
                    .store()
                    .outbox()
                    .applyResults(List.of(PushResult.rejected(
                            moved,
                            new PushError("UNKNOWN_LOCATION", "Location WH-B-01 is not known at PLANT-1", "to"))));
            Handheld.interact(() -> d.shell().syncStatus());
            written.add(shot(d, out, "14-sync-status"));
            Handheld.interact(() -> d.shell().settings());
            written.add(shot(d, out, "15-settings"));
        }
        assertThat(written).allSatisfy(f -> assertThat(out.resolve(f + ".png")).isRegularFile());
    }

    private static void open(Handheld d, WorkflowKind kind) {
        Handheld.interact(() -> d.shell().workflow(kind));
    }

    private static String shot(Handheld d, Path dir, String name) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        Handheld.interact(() -> image.set(d.shell().scene().snapshot(null)));
        BufferedImage png = SwingFXUtils.fromFXImage(image.get(), null);
        LayoutStyle style = d.shell().layoutStyle();
        assertThat(png.getWidth()).as(name).isEqualTo((int) Math.round(style.widthDp()));
        try {
            ImageIO.write(png, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }
}
