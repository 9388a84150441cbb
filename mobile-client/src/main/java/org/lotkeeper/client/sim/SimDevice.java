package org.lotkeeper.client.sim;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.lotkeeper.client.core.ClientCore;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.WedgeInput;
import org.lotkeeper.client.scan.WedgeKey;
import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.client.sync.SyncEngine;
import org.lotkeeper.client.sync.SyncPolicy;
import org.lotkeeper.client.sync.SyncStatus;
import org.lotkeeper.client.workflow.Workflow;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.profiles.DeviceProfile;

/**
 * One simulated handheld: a {@link ClientCore} on its own SQLite file, driven by keystrokes as its
 * profile's scanner would type them, with a radio that can be switched off and a sync that runs
 * only when asked ({@link #syncUntilIdle}). Not thread-safe: drive one device from one thread;
 * different devices may run on different threads of one JVM.
 */
public final class SimDevice implements AutoCloseable {

    /** The most sync cycles one {@link #syncUntilIdle} runs. */
    static final int MAX_CYCLES = 50;

    private static final long SCANNER_KEY_GAP_MILLIS = 1;
    private static final long TYPING_KEY_GAP_MILLIS = 250;

    private final String name;
    private final ClientCore core;
    private final SteppedScheduler scheduler = new SteppedScheduler();
    private final NetworkSwitch network = new NetworkSwitch();
    private final WedgeInput wedge;
    private long keyClock = 1_000_000;
    private Workflow workflow;
    private Event lastCaptured;

    SimDevice(String name, Path databaseFile, DeviceProfile profile, String model, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        // pull on every cycle: a script's "sync" means push and pull
        SyncPolicy policy = new SyncPolicy(
                SyncPolicy.MAX_BATCH, 5_000, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1));
        this.core = ClientCore.builder(databaseFile, profile)
                .model(model)
                .clock(clock)
                .scheduler(scheduler)
                .syncPolicy(policy)
                .random(new Random(name.hashCode()))
                .syncApiDecorator(network::wrap)
                .build();
        this.wedge = core.newWedgeInput();
        core.startSync();
    }

    public String name() {
        return name;
    }

    public ClientCore core() {
        return core;
    }

    public NetworkSwitch network() {
        return network;
    }

    /** The workflow on screen (a login while logging in), if any. */
    public Optional<Workflow> workflow() {
        return Optional.ofNullable(workflow);
    }

    void show(Workflow w) {
        this.workflow = w;
    }

    /** The last event this device captured in the simulation. */
    public Optional<Event> lastCaptured() {
        return Optional.ofNullable(lastCaptured);
    }

    void captured(Event e) {
        this.lastCaptured = e;
    }

    /**
     * The barcode {@code text} (GS as ASCII 29, the AIM identifier in front) as this device's
     * scanner types it: the profile's prefix, GS replaced by the profile's character, the
     * identifier dropped when the profile has identifiers off, fast keys, then the terminator —
     * decoded back by the same {@link WedgeInput} the UI uses.
     */
    public RawScan scannerTypes(String text) {
        var input = core.profile().scanInput();
        String sent = text;
        if (!input.symbologyIdentifiers() && sent.length() >= 3 && sent.charAt(0) == ']') {
            sent = sent.substring(3);
        }
        WedgeSettings s = wedge.settings();
        if (s.gsReplacement() != null) {
            sent = sent.replace('\u001d', s.gsReplacement());
        }
        sent = s.prefix() + sent + s.suffix();
        keyClock += 1_000;
        for (int ci = 0; ci < sent.length(); ci++) {

            char c = sent.charAt(ci);
            wedge.key(WedgeKey.ch(c, keyClock += SCANNER_KEY_GAP_MILLIS));
        }
        WedgeKey end = s.terminator() == WedgeSettings.Terminator.TAB
                ? WedgeKey.tab(keyClock += SCANNER_KEY_GAP_MILLIS)
                : WedgeKey.enter(keyClock += SCANNER_KEY_GAP_MILLIS);
        return wedge.key(end).orElseThrow(() -> new IllegalStateException("the scanner sent nothing"));
    }

    /** A person types {@code text} on the keyboard, slowly; nothing is finished until a key ends it. */
    public void personTypes(String text) {
        for (int ci = 0; ci < text.length(); ci++) {

            char c = text.charAt(ci);
            wedge.key(WedgeKey.ch(c, keyClock += TYPING_KEY_GAP_MILLIS));
        }
    }

    /** A person presses Enter or Tab: the typed input (if any) as a scan. */
    public Optional<RawScan> personPresses(String key) {
        WedgeKey k = switch (key) {
            case "ENTER" -> WedgeKey.enter(keyClock += TYPING_KEY_GAP_MILLIS);
            case "TAB" -> WedgeKey.tab(keyClock += TYPING_KEY_GAP_MILLIS);
            default -> throw new IllegalArgumentException("unknown key " + key + "; use ENTER or TAB");
        };
        return wedge.key(k);
    }

    /** What one {@link #syncUntilIdle} did. */
    public record SyncRun(boolean ok, int cycles, SyncStatus status) {}

    /**
     * Runs sync cycles now (push everything pending, then pull until complete), without waiting
     * out a backoff, until the outbox is drained after a clean cycle, a cycle fails, or
     * {@value #MAX_CYCLES} cycles ran.
     */
    public SyncRun syncUntilIdle() {
        SyncEngine engine = core.syncEngine()
                .orElseThrow(() -> new IllegalStateException("the device knows no server: enroll it first"));
        int cycles = 0;
        SyncStatus status = engine.status();
        while (cycles < MAX_CYCLES) {
            engine.requestSync();
            if (!scheduler.runNext()) {
                break;
            }
            cycles++;
            status = engine.status();
            if (status.lastError() != null || status.needsEnrollment() || status.pendingCount() == 0) {
                break;
            }
        }
        boolean ok =
                cycles > 0 && status.lastError() == null && !status.needsEnrollment() && status.pendingCount() == 0;
        return new SyncRun(ok, cycles, status);
    }

    @Override
    public void close() {
        core.close();
    }
}
