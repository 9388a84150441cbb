package org.lotkeeper.client.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.sync.ApiResult;
import org.lotkeeper.client.sync.EnrollResponse;
import org.lotkeeper.client.workflow.CapturedEvent;
import org.lotkeeper.client.workflow.Command;
import org.lotkeeper.client.workflow.Feedback;
import org.lotkeeper.client.workflow.LoginWorkflow;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.Workflow;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.DeviceProfiles;

/**
 * Carries out parsed script lines on the simulated devices: one step per kind of
 * {@link ScriptLine}. Holds the devices, the current one, the last answer (for {@code expect
 * refused}) and the counts of refusals and failed expectations. Driven from one thread.
 */
final class ScriptRunner implements AutoCloseable {

    private final Simulator.Options options;
    private final SimReport report;
    private final DeviceProfiles profiles = DeviceProfiles.bundled();
    private final Map<String, SimDevice> devices = new LinkedHashMap<>();
    private SimDevice current;
    private int line;
    private int expectFailures;
    private int refusals;
    private Feedback lastFeedback;

    ScriptRunner(Simulator.Options options, SimReport report) {
        this.options = options;
        this.report = report;
    }

    /** The line being carried out, for messages. */
    void at(int lineNumber) {
        this.line = lineNumber;
    }

    Optional<SimDevice> device(String name) {
        return Optional.ofNullable(devices.get(name));
    }

    List<SimDevice> devices() {
        return List.copyOf(devices.values());
    }

    int refusals() {
        return refusals;
    }

    int expectFailures() {
        return expectFailures;
    }

    // ------------------------------------------------------------------ devices

    void device(ScriptLine.Device d) throws ScriptError {
        SimDevice existing = devices.get(d.name());
        if (existing != null) {
            current = existing;
            return;
        }
        if (!d.name().matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new ScriptError("device name '" + d.name() + "' must be 1-40 letters, digits, '.', '_' or '-'");
        }
        String profileName =
                d.options().getOrDefault("profile", profiles.defaultProfile().name());
        DeviceProfile profile = profiles.byName(profileName)
                .orElseThrow(() -> new ScriptError("no profile '" + profileName + "'; known: " + profiles.names()));
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimDevice created = new SimDevice(
                d.name(),
                options.dataDir().resolve(d.name() + ".db"),
                profile,
                d.options().getOrDefault("model", "lotkeeper-simulator"),
                options.clock());
        devices.put(d.name(), created);
        current = created;
    }

    void enroll(ScriptLine.Enroll e) throws ScriptError {
        SimDevice d = current();
        if (!d.network().isOnline()) {
            throw new ScriptError("cannot enroll while the device is offline");
        }
        ApiResult<EnrollResponse> r;
        try {
            r = d.core().enroll(e.serverUrl(), e.code());
        } catch (IllegalArgumentException refused) {
            throw new ScriptError(refused.getMessage());
        }
        if (!(r instanceof ApiResult.Success<EnrollResponse> ok)) {
            throw new ScriptError("enrollment failed: " + r.describe());
        }
        report.enrolled(line, d.name(), ok.body());
    }

    void server(ScriptLine.Server s) throws ScriptError {
        SimDevice d = current();
        if (!d.core().isEnrolled()) {
            throw new ScriptError("the device is not enrolled: use enroll <server-url> <code>");
        }
        try {
            d.core().useServer(s.url());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            throw new ScriptError(refused.getMessage());
        }
    }

    void radio(ScriptLine.Radio r) throws ScriptError {
        current().network().setOnline(r.online());
    }

    void sync() throws ScriptError {
        SimDevice d = current();
        SimDevice.SyncRun run;
        try {
            run = d.syncUntilIdle();
        } catch (IllegalStateException e) {
            throw new ScriptError(e.getMessage());
        }
        report.sync(line, d, run);
    }

    // ------------------------------------------------------------------ session and workflows

    void login(ScriptLine.Login l) throws ScriptError {
        SimDevice d = current();
        LoginWorkflow login = d.core().login();
        d.show(login);
        Screen s = login.handle(Command.scan(d.scannerTypes(l.badge())));
        if (!answered(s)) {
            throw new ScriptError(
                    "login failed: " + s.feedback().map(Feedback::message).orElse(""));
        }
        s = login.handle(new Command.KeyPin(l.pin()));
        if (!answered(s) || login.session().isEmpty()) {
            throw new ScriptError(
                    "login failed: " + s.feedback().map(Feedback::message).orElse(""));
        }
    }

    void logout() throws ScriptError {
        SimDevice d = current();
        d.core().logout();
        d.show(null);
    }

    void start(ScriptLine.Start s) throws ScriptError {
        SimDevice d = current();
        try {
            Workflow w = d.core().start(s.workflow());
            d.show(w);
            report.screen(line, d.name(), w.screen());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ScriptError(e.getMessage());
        }
    }

    void scan(ScriptLine.ScanText s) throws ScriptError {
        SimDevice d = current();
        Workflow w = workflow(d);
        answered(w.handle(Command.scan(d.scannerTypes(s.text()))));
    }

    void type(ScriptLine.Type t) throws ScriptError {
        current().personTypes(t.text());
    }

    void key(ScriptLine.Key k) throws ScriptError {
        SimDevice d = current();
        Optional<RawScan> typed;
        try {
            typed = d.personPresses(k.key());
        } catch (IllegalArgumentException e) {
            throw new ScriptError(e.getMessage());
        }
        if (typed.isPresent()) {
            answered(workflow(d).handle(Command.scan(typed.get())));
        }
    }

    /** A quantity or an action: refused as a script error when the workflow never takes it. */
    void command(ScriptLine.WorkflowCommand c) throws ScriptError {
        Workflow w = workflow(current());
        if (!w.offers().contains(c.command().action())) {
            throw new ScriptError(w.kind() + " takes no " + c.said() + " (it offers " + w.offers() + ")");
        }
        answered(w.handle(c.command()));
    }

    // ------------------------------------------------------------------ expectations

    void expectRefused(ScriptLine.ExpectRefused e) {
        String text = e.text();
        if (lastFeedback == null
                || !lastFeedback.isError()
                || !lastFeedback.message().contains(text)) {
            fail("expected the last scan or action to be refused" + (text.isEmpty() ? "" : " with '" + text + "'")
                    + ", but it was "
                    + (lastFeedback == null ? "nothing" : lastFeedback.tone() + ": " + lastFeedback.message()));
        }
    }

    void expectScreen(ScriptLine.ExpectScreen e) throws ScriptError {
        Screen s = workflow(current()).screen();
        List<String> shown = new ArrayList<>();
        s.feedback().map(Feedback::message).ifPresent(shown::add);
        shown.add(s.prompt());
        s.filled().forEach(f -> shown.add(f.label() + ": " + f.value()));
        s.blocked().ifPresent(b -> shown.add("Blocked " + b.lot().lot() + ": " + b.reasons()));
        if (shown.stream().noneMatch(text -> text.contains(e.text()))) {
            fail("expected the screen to show '" + e.text() + "', but it shows " + String.join(" | ", shown));
        }
    }

    void expectPending(ScriptLine.ExpectPending e) throws ScriptError {
        long actual = current().core().store().outbox().pendingCount();
        if (actual != e.count()) {
            fail("expected " + e.count() + " events pending, found " + actual);
        }
    }

    void expectEvent(ScriptLine.ExpectEvent e) throws ScriptError {
        SimDevice d = current();
        Optional<Event> last = d.lastCaptured();
        if (last.isEmpty()) {
            fail("expected a " + e.type() + " event, but " + d.name() + " has captured nothing");
            return;
        }
        JsonNode event = SimReport.eventJson(last.get());
        if (!event.path("type").asText().equalsIgnoreCase(e.type())) {
            fail("expected the last event to be " + e.type() + ", but it is "
                    + event.path("type").asText());
            return;
        }
        for (ScriptLine.Assertion a : e.assertions()) {
            JsonNode actual = find(event.path("payload"), a.field());
            if (actual.isMissingNode()) {
                actual = find(event, a.field());
            }
            if (!matches(actual, a.expected())) {
                fail(e.type() + " " + a.field() + ": expected " + a.expected() + ", found "
                        + (actual.isMissingNode() ? "nothing" : actual));
            }
        }
    }

    private static JsonNode find(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.", -1)) {
            n = part.matches("\\d+") && n.isArray() ? n.path(Integer.parseInt(part)) : n.path(part);
        }
        return n;
    }

    private static boolean matches(JsonNode actual, String expected) {
        if (actual.isMissingNode() || actual.isNull()) {
            return expected.equals("null") || expected.isEmpty();
        }
        if (actual.isObject() && actual.has("value") && actual.has("uom")) {
            String[] parts = expected.split("(?<=\\d)(?=[A-Za-z])|\\s+|/", 2);
            boolean value = decimalEquals(actual.path("value").asText(), parts[0]);
            return value && (parts.length == 1 || actual.path("uom").asText().equalsIgnoreCase(parts[1]));
        }
        String text = actual.isValueNode() ? actual.asText() : actual.toString();
        return text.equals(expected) || decimalEquals(text, expected);
    }

    private static boolean decimalEquals(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    private void fail(String message) {
        expectFailures++;
        report.expectFailed(line, message);
    }

    // ------------------------------------------------------------------ helpers

    private SimDevice current() throws ScriptError {
        if (current == null) {
            throw new ScriptError("no device yet: start the script with device <name> profile=<profile>");
        }
        return current;
    }

    private static Workflow workflow(SimDevice d) throws ScriptError {
        return d.workflow()
                .orElseThrow(
                        () -> new ScriptError("no workflow on " + d.name() + ": use login, then start <workflow>"));
    }

    /** Reports what the command stored, or why it was refused; true when it was not refused. */
    private boolean answered(Screen s) {
        report.screen(line, current.name(), s);
        Feedback f = s.feedback().orElse(null);
        lastFeedback = f;
        if (f == null) {
            return true;
        }
        // what was stored is reported even under a red answer (a pick whose next line has no stock)
        for (CapturedEvent c : f.captured()) {
            Event e = current.core()
                    .store()
                    .outbox()
                    .entry(c.eventId())
                    .orElseThrow()
                    .event();
            current.captured(e);
            report.captured(line, current.name(), e);
        }
        if (f.isError()) {
            refusals++;
            report.refused(line, current.name(), f.message());
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        for (SimDevice d : devices.values()) {
            try {
                d.close();
            } catch (RuntimeException e) {
                report.problem("closing " + d.name() + ": " + e.getMessage());
            }
        }
        devices.clear();
        current = null;
    }
}
