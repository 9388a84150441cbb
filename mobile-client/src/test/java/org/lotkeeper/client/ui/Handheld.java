package org.lotkeeper.client.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;

import org.lotkeeper.client.core.ClientCore;
import org.lotkeeper.client.core.RiversideDevice;
import org.lotkeeper.client.platform.AppStorage;
import org.lotkeeper.client.platform.AudioFeedback;
import org.lotkeeper.client.platform.Camera;
import org.lotkeeper.client.platform.PlatformServices;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.model.wire.TaskRow;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Page object for the handheld: a real device (SQLite file in a temp directory, enrolled at a
 * server nobody listens on: offline) with the Riverside master data, some lots and tasks, shown in
 * TestFX's stage. Scans are typed into the scene as a wedge scanner types them (fast keys, the
 * profile's prefix, GS replacement and terminator); people type slowly. Work runs on the calling
 * thread ({@link TaskExecutor#direct()}), so what a step does is on screen when it returns.
 */
final class Handheld implements AutoCloseable {

    /** 2026-11-19 09:00 UTC: picking day of the Riverside scenario. */
    static final Instant DAY = Instant.parse("2026-11-19T09:00:00Z");

    static final String GS = "\u001d";
    static final String PRIMER_GTIN = "10614141000101";

    final Path dir;
    final List<String> tones = new ArrayList<>();
    private final AtomicLong keyClock = new AtomicLong(1_000_000);
    private ClientContext ctx;
    private Shell shell;
    private Stage stage;
    /** What the device's camera "sees": nothing until a test puts a picture in front of it. */
    volatile Camera camera = Camera.NONE;

    private Handheld(Path dir) {
        this.dir = dir;
    }

    /** An enrolled device with the Riverside data, lots and tasks, on this profile. */
    static Handheld open(Path dir, String profile) throws Exception {
        RiversideDevice.prepare(dir.resolve("lotkeeper.db"), tasks(), lots(), stock());
        return start(dir, profile);
    }

    /**
     * The Riverside device after a later pull brought these items and lots (an item's specification,
     * a lot's potency): they replace the rows of the same code.
     */
    static Handheld openWith(Path dir, String profile, List<ItemRow> items, List<LotRow> lots) throws Exception {
        Path file = dir.resolve("lotkeeper.db");
        RiversideDevice.prepare(file, tasks(), lots(), stock());
        try (SqliteStore store = SqliteStore.open(file)) {
            store.referenceCache()
                    .applyChangesPage(
                            new PullResponse(
                                    "c2", false, items, List.of(), List.of(), lots, List.of(), List.of(), List.of(),
                                    null),
                            store.outbox().acknowledgementMark());
        }
        return start(dir, profile);
    }

    /** A device never enrolled. */
    static Handheld fresh(Path dir, String profile) throws Exception {
        return start(dir, profile);
    }

    private static Handheld start(Path dir, String profile) throws Exception {
        Handheld h = new Handheld(dir);
        h.stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Clock clock = Clock.fixed(DAY, ZoneOffset.UTC);
            h.ctx = ClientContext.open(
                    dir,
                    profile,
                    null,
                    TaskExecutor.direct(),
                    p -> new PlatformServices(h.recordingAudio(), AppStorage.at(dir), () -> h.camera.takePicture()),
                    (file, p) -> ClientCore.builder(file, p).clock(clock).build());
            h.shell = new Shell(h.ctx, clock, h.keyClock::get, null);
            h.shell.onRestyle(style -> {
                h.stage.setWidth(style.widthDp());
                h.stage.setHeight(style.heightDp());
                h.stage.centerOnScreen();
            });
            h.shell.start();
            h.stage.setScene(h.shell.scene());
            h.stage.setWidth(h.shell.layoutStyle().widthDp());
            h.stage.setHeight(h.shell.layoutStyle().heightDp());
            h.stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return h;
    }

    private AudioFeedback recordingAudio() {
        return new AudioFeedback() {
            @Override
            public void good() {
                tones.add("good");
            }

            @Override
            public void error() {
                tones.add("error");
            }
        };
    }

    static List<TaskRow> tasks() {
        return List.of(
                new TaskRow(
                        Reference.of("SO-1"),
                        "PICK",
                        List.of(new TaskRow.Line(
                                ItemCode.of("FG-PRIMER"),
                                null,
                                null,
                                Quantity.of("10", Uom.H87),
                                Reference.of("SO-1"))),
                        PartnerCode.of("HARBOR-PAINTS")),
                // a delivery note made from order SO-7: 5 of 20 shipped, 15 picked to the staging lane
                new TaskRow(
                        Reference.of("SHP-1"),
                        "SHIP",
                        List.of(new TaskRow.Line(
                                ItemCode.of("FG-PRIMER"),
                                null,
                                null,
                                Quantity.of("20", Uom.H87),
                                Reference.of("SO-7"),
                                Quantity.of("5", Uom.H87),
                                null)),
                        PartnerCode.of("HARBOR-PAINTS"),
                        "Dock 4, 12 Harbour Road",
                        List.of(new TaskRow.Line(
                                ItemCode.of("FG-PRIMER"),
                                LotCode.of("PR-1003"),
                                LocationCode.of("STAGE-OUT-1"),
                                Quantity.of("15", Uom.H87),
                                Reference.of("SO-7")))),
                new TaskRow(
                        Reference.of("RMA-7"),
                        "RETURN",
                        List.of(new TaskRow.Line(
                                ItemCode.of("FG-PRIMER"),
                                LotCode.of("PR-1001"),
                                null,
                                Quantity.of("2", Uom.H87),
                                null,
                                null,
                                "Damaged pail")),
                        PartnerCode.of("HARBOR-PAINTS")),
                // a transfer order to the sister site, and one the sister site sent here
                new TaskRow(
                        Reference.of("TR-4"),
                        "TRANSFER",
                        List.of(new TaskRow.Line(
                                ItemCode.of("FG-PRIMER"), null, null, Quantity.of("30", Uom.H87), null)),
                        null,
                        null,
                        List.of(),
                        SiteCode.of("PLANT-1"),
                        SiteCode.of("PLANT-2"),
                        List.of()),
                new TaskRow(
                        Reference.of("TR-5"),
                        "TRANSFER",
                        List.of(),
                        null,
                        null,
                        List.of(),
                        SiteCode.of("PLANT-2"),
                        SiteCode.of("PLANT-1"),
                        List.of(new TaskRow.Transit(
                                ItemCode.of("FG-PRIMER"), LotCode.of("PR-1010"), null, Quantity.of("12", Uom.H87)))));
    }

    static List<LotRow> lots() {
        Instant received = Instant.parse("2026-10-01T08:00:00Z");
        return List.of(
                lot("FG-PRIMER", "PR-1001", LotStatus.RELEASED, "2027-09-30", received),
                lot("FG-PRIMER", "PR-1002", LotStatus.RELEASED, "2027-06-30", received),
                lot("FG-PRIMER", "PR-1003", LotStatus.RELEASED, "2027-10-31", received),
                lot("FG-PRIMER", "PR-0999", LotStatus.RECALLED, "2027-05-01", received),
                lot("FG-PRIMER", "PR-0950", LotStatus.RELEASED, "2026-11-01", received),
                lot("FG-PRIMER", "PR-0970", LotStatus.ON_HOLD, "2027-08-31", received),
                lot("FG-PRIMER", "PR-0980", LotStatus.QUARANTINE, "2027-08-31", received),
                // on its way from the sister site, in quarantine as it left
                lot("FG-PRIMER", "PR-1010", LotStatus.QUARANTINE, "2027-11-30", received),
                lot("RM-RESIN", "R-2390", LotStatus.RECALLED, "2027-02-28", received),
                lot("RM-RESIN", "R-2401", LotStatus.RELEASED, "2027-03-31", received),
                lot("RM-RESIN", "R-2402", LotStatus.QUARANTINE, "2027-01-31", received));
    }

    private static LotRow lot(String item, String lot, LotStatus status, String expiry, Instant received) {
        return new LotRow(ItemCode.of(item), LotCode.of(lot), status, LocalDate.parse(expiry), null, received);
    }

    static List<StockRow> stock() {
        return List.of(
                stock("FG-PRIMER", "PR-1001", "WH-A-01", "40", Uom.H87),
                stock("FG-PRIMER", "PR-1002", "WH-A-02", "30", Uom.H87),
                stock("FG-PRIMER", "PR-1003", "STAGE-OUT-1", "20", Uom.H87),
                stock("FG-PRIMER", "PR-0999", "WH-B-01", "10", Uom.H87),
                stock("FG-PRIMER", "PR-0950", "STAGE-OUT-1", "5", Uom.H87),
                // blocked lots in two places each: the first scan must answer before a location is asked
                stock("FG-PRIMER", "PR-0970", "WH-B-01", "4", Uom.H87),
                stock("FG-PRIMER", "PR-0970", "WH-A-02", "6", Uom.H87),
                stock("FG-PRIMER", "PR-0980", "QA-HOLD", "8", Uom.H87),
                stock("FG-PRIMER", "PR-0980", "WH-B-01", "2", Uom.H87),
                stock("RM-RESIN", "R-2401", "WH-A-01", "1000", Uom.KGM),
                stock("RM-RESIN", "R-2402", "RCV-DOCK-1", "800", Uom.KGM));
    }

    private static StockRow stock(String item, String lot, String location, String qty, Uom uom) {
        return new StockRow(ItemCode.of(item), LotCode.of(lot), LocationCode.of(location), Quantity.of(qty, uom));
    }

    /** A GS1-128 lot label of the grey primer as the scanner reads it. */
    static String primerLabel(String lot) {
        return "]C101" + PRIMER_GTIN + "10" + lot;
    }

    ClientContext context() {
        return ctx;
    }

    Shell shell() {
        return shell;
    }

    // ------------------------------------------------------------------ input

    /** The scanner types {@code text} (GS as ASCII 29) as this profile's wedge does: a fast burst and its terminator. */
    Handheld scan(String text) {
        WedgeSettings s = ctx.core().wedgeSettings();
        String sent = s.prefix() + (s.gsReplacement() == null ? text : text.replace('\u001d', s.gsReplacement()));
        interact(() -> {
            for (int ci = 0; ci < sent.length(); ci++) {

                char c = sent.charAt(ci);
                keyClock.addAndGet(3);
                fire(typedEvent(c));
            }
            keyClock.addAndGet(3);
            fire(pressedEvent(s.terminator() == WedgeSettings.Terminator.TAB ? KeyCode.TAB : KeyCode.ENTER));
        });
        return this;
    }

    /** The camera or another source hands a scan to the core's scan entry point. */
    Handheld scanEntry(String text) {
        interact(() -> shell.scan(RawScan.of(text, ScanSource.CAMERA)));
        return this;
    }

    /** A person types {@code text} on the keys (slowly) and presses ENTER. */
    Handheld type(String text) {
        return typeKeys(text).press(KeyCode.ENTER);
    }

    /** A person types {@code text} on the keys (slowly), without ENTER. */
    Handheld typeKeys(String text) {
        interact(() -> {
            for (int ci = 0; ci < text.length(); ci++) {

                char c = text.charAt(ci);
                keyClock.addAndGet(400);
                fire(typedEvent(c));
            }
        });
        return this;
    }

    /** A person presses one key (F1, ESCAPE, ENTER …). */
    Handheld press(KeyCode code) {
        interact(() -> {
            keyClock.addAndGet(400);
            fire(pressedEvent(code));
        });
        return this;
    }

    /** Taps (fires) the button whose text starts with {@code text}. */
    Handheld tap(String text) {
        interact(() -> {
            Button b = buttons().stream()
                    .filter(x -> x.getText().startsWith(text))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no button '" + text + "' among " + buttonTexts()));
            b.fire();
        });
        return this;
    }

    /** Taps the button whose text contains {@code text}. */
    Handheld tapContaining(String text) {
        interact(() -> buttons().stream()
                .filter(x -> x.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button with '" + text + "' among " + buttonTexts()))
                .fire());
        return this;
    }

    /** Chooses {@code value} in the choice box with this id. */
    @SuppressWarnings("unchecked") // the settings screen's choice boxes hold the profiles' names
    Handheld choose(String id, String value) {
        interact(() -> ((javafx.scene.control.ChoiceBox<String>) node("#" + id)).setValue(value));
        return this;
    }

    Set<String> rootStyleClasses() {
        return Set.copyOf(shell.scene().getRoot().getStyleClass());
    }

    double windowWidth() {
        return stage.getWidth();
    }

    /** Fills the field with this id. */
    Handheld fill(String id, String text) {
        interact(() -> ((TextField) node("#" + id)).setText(text));
        return this;
    }

    private void fire(KeyEvent e) {
        Node owner = shell.scene().getFocusOwner();
        EventTarget target = owner != null ? owner : shell.scene().getRoot();
        Event.fireEvent(target, e);
    }

    private static KeyEvent typedEvent(char c) {
        return new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false);
    }

    private static KeyEvent pressedEvent(KeyCode code) {
        return new KeyEvent(
                KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, code.getName(), code, false, false, false, false);
    }

    static void interact(Runnable r) {
        try {
            FxToolkit.setupFixture(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ------------------------------------------------------------------ what is on screen

    Node node(String selector) {
        Node n = shell.scene().getRoot().lookup(selector);
        if (n == null) {
            throw new AssertionError("nothing on screen matches " + selector);
        }
        return n;
    }

    boolean shows(String selector) {
        Node n = shell.scene().getRoot().lookup(selector);
        return n != null && n.isVisible();
    }

    String text(String selector) {
        return ((Labeled) node(selector)).getText();
    }

    String prompt() {
        return text("#prompt");
    }

    String feedback() {
        return shows("#feedback") ? text("#feedback") : "";
    }

    Set<String> styleClasses(String selector) {
        return Set.copyOf(node(selector).getStyleClass());
    }

    /** The background colour the stylesheet gave a region. */
    Paint background(String selector) {
        Region r = (Region) node(selector);
        interact(r::applyCss);
        return r.getBackground() == null || r.getBackground().getFills().isEmpty()
                ? Color.TRANSPARENT
                : r.getBackground().getFills().get(0).getFill();
    }

    String banner() {
        return shows("#blocked-banner") ? text("#blocked-banner") : "";
    }

    String screenId() {
        Node content = ((javafx.scene.control.ScrollPane)
                        ((javafx.scene.layout.BorderPane) shell.scene().getRoot()).getCenter())
                .getContent();
        return content.getId();
    }

    List<Button> buttons() {
        return shell.scene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button && n.isVisible())
                .map(n -> (Button) n)
                .collect(Collectors.toList());
    }

    List<String> buttonTexts() {
        return buttons().stream().map(Button::getText).toList();
    }

    /** "Label: value" of the filled fields. */
    List<String> fields() {
        List<Label> labels = shell.scene().getRoot().lookupAll(".field-label").stream()
                .map(n -> (Label) n)
                .toList();
        List<Label> values = shell.scene().getRoot().lookupAll(".field-value").stream()
                .map(n -> (Label) n)
                .toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(labels.get(i).getText() + ": " + values.get(i).getText());
        }
        return out;
    }

    long pendingEvents() {
        return ctx.core().store().outbox().pendingCount();
    }

    /** Logs Ana in: badge scan, PIN typed. */
    Handheld logInAna() {
        scan("B-1001");
        type("471147");
        return this;
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        FxToolkit.setupFixture(() -> ctx.close());
        FxToolkit.cleanupStages();
    }
}
