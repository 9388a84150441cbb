package org.lotkeeper.client.sim;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.sync.ApiResult;
import org.lotkeeper.client.sync.EnrollResponse;
import org.lotkeeper.client.sync.SyncStatus;
import org.lotkeeper.client.workflow.CapturedEvent;
import org.lotkeeper.client.workflow.Feedback;
import org.lotkeeper.client.workflow.HoldWorkflow;
import org.lotkeeper.client.workflow.KeysQuantity;
import org.lotkeeper.client.workflow.LoginWorkflow;
import org.lotkeeper.client.workflow.PickWorkflow;
import org.lotkeeper.client.workflow.ProduceWorkflow;
import org.lotkeeper.client.workflow.ReceiveWorkflow;
import org.lotkeeper.client.workflow.ReturnWorkflow;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.ShipWorkflow;
import org.lotkeeper.client.workflow.Workflow;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.DeviceProfiles;

/**
 * The headless simulator: plays a scan script through the same workflows, store and sync engine
 * as the handheld UI, one or more simulated devices per script. See {@code mobile-client/README.md}
 * for the script language.
 *
 * <p>Output: every captured event and every sync result is one JSON line on {@code out}; refused
 * scans, failed expectations and script errors go to {@code err} as {@code line N: …}. {@link #run}
 * returns 0 when everything held, 1 when an {@code expect} failed, 2 when the script stopped at an
 * error (a bad line, a failed enrollment or login).
 *
 * <p>A simulator holds no static state: several simulators (or several devices of one) can run
 * in one JVM, each simulator driven from one thread.
 */
public final class Simulator implements AutoCloseable {

    /** Exit codes. */
    public static final int OK = 0;
    public static final int EXPECT_FAILED = 1;
    public static final int SCRIPT_ERROR = 2;

    /**
     * How a simulator runs.
     *
     * @param dataDir   where each device keeps its SQLite file ({@code <name>.db})
     * @param clock     the devices' clock
     * @param variables values for {@code ${NAME}} in script lines
     * @param verbose   also print each screen after a scan or action as a JSON line
     */
    public record Options(Path dataDir, Clock clock, Map<String, String> variables, boolean verbose) {

        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(clock, "clock");
            variables = Map.copyOf(variables);
        }

        public static Options in(Path dataDir) {
            return new Options(dataDir, Clock.systemDefaultZone(), Map.of(), false);
        }

        public Options withVariables(Map<String, String> vars) {
            return new Options(dataDir, clock, vars, verbose);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final DeviceProfiles profiles = DeviceProfiles.bundled();
    private final Map<String, SimDevice> devices = new LinkedHashMap<>();
    private final Map<String, String> variables;
    private SimDevice current;
    private int lineNumber;
    private int expectFailures;
    private int refusals;
    private Feedback lastFeedback;

    public Simulator(Options options, PrintStream out, PrintStream err) {
        this.options = Objects.requireNonNull(options, "options");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.variables = new LinkedHashMap<>(options.variables());
    }

    /** Sets {@code ${name}} for the lines run from now on (e.g. a server URL known only at run time). */
    public Simulator set(String name, String value) {
        variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A device of this simulation by name. */
    public Optional<SimDevice> device(String name) {
        return Optional.ofNullable(devices.get(name));
    }

    /** The devices of this simulation, in the order they were created. */
    public List<SimDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** How many scans and actions were refused so far (ERROR feedback). */
    public int refusals() {
        return refusals;
    }

    /** How many expectations failed so far. */
    public int expectFailures() {
        return expectFailures;
    }

    /** Plays a script file. */
    public int run(Path script) {
        try {
            return run(Files.readAllLines(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("cannot read " + script + ": " + e.getMessage());
            return SCRIPT_ERROR;
        }
    }

    /**
     * Plays script lines (numbered from 1 in messages); devices, their stores and the last
     * captured events stay for further runs until {@link #close()}.
     */
    public int run(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            lineNumber = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                execute(substitute(line));
            } catch (ScriptError | RuntimeException e) {
                err.println("line " + lineNumber + ": " + (e instanceof ScriptError ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage()));
                return SCRIPT_ERROR;
            }
        }
        return expectFailures > 0 ? EXPECT_FAILED : OK;
    }

    private String substitute(String line) throws ScriptError {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new ScriptError("${" + m.group(1) + "} is not set (pass --set " + m.group(1) + "=…)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ commands

    private void execute(String line) throws ScriptError {
        int space = line.indexOf(' ');
        String command = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (command) {
            case "device" -> device(words(rest));
            case "enroll" -> enroll(words(rest));
            case "server" -> server(words(rest));
            case "login" -> login(words(rest));
            case "logout" -> logout();
            case "start" -> start(words(rest));
            case "scan" -> scan(rest);
            case "type" -> device().personTypes(rest);
            case "key" -> key(rest);
            case "quantity" -> quantity(rest);
            case "action" -> action(words(rest));
            case "offline" -> device().network().setOnline(false);
            case "online" -> device().network().setOnline(true);
            case "sync" -> sync();
            case "expect" -> expect(words(rest));
            default -> throw new ScriptError("unknown command '" + command
                    + "' (device, enroll, server, login, logout, start, scan, type, key, quantity, action, offline, online, sync, expect)");
        }
    }

    private void device(List<String> args) throws ScriptError {
        if (args.isEmpty()) {
            throw new ScriptError("device <name> [profile=<profile>] [model=<model>]");
        }
        String name = args.get(0);
        Map<String, String> opts = options(args.subList(1, args.size()));
        SimDevice existing = devices.get(name);
        if (existing != null) {
            current = existing;
            return;
        }
        if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new ScriptError("device name '" + name + "' must be 1-40 letters, digits, '.', '_' or '-'");
        }
        String profileName = opts.getOrDefault("profile", profiles.defaultProfile().name());
        DeviceProfile profile = profiles.byName(profileName).orElseThrow(() -> new ScriptError(
                "no profile '" + profileName + "'; known: " + profiles.names()));
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimDevice d = new SimDevice(name, options.dataDir().resolve(name + ".db"), profile,
                opts.getOrDefault("model", "lotkeeper-simulator"), options.clock());
        devices.put(name, d);
        current = d;
    }

    private void enroll(List<String> args) throws ScriptError {
        if (args.size() != 2) {
            throw new ScriptError("enroll <server-url> <code>");
        }
        SimDevice d = device();
        if (!d.network().isOnline()) {
            throw new ScriptError("cannot enroll while the device is offline");
        }
        ApiResult<EnrollResponse> r = d.core().enroll(args.get(0), args.get(1));
        if (!(r instanceof ApiResult.Success<EnrollResponse> ok)) {
            throw new ScriptError("enrollment failed: " + r.describe());
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "enrolled");
        n.put("line", lineNumber);
        n.put("device", d.name());
        n.put("deviceId", ok.body().deviceId().value());
        n.put("site", ok.body().site() == null ? null : ok.body().site().value());
        print(n);
    }

    private void server(List<String> args) throws ScriptError {
        if (args.size() != 1) {
            throw new ScriptError("server <url>");
        }
        SimDevice d = device();
        if (!d.core().isEnrolled()) {
            throw new ScriptError("the device is not enrolled: use enroll <server-url> <code>");
        }
        d.core().useServer(args.get(0));
    }

    private void login(List<String> args) throws ScriptError {
        if (args.size() != 2) {
            throw new ScriptError("login <badge> <pin>");
        }
        SimDevice d = device();
        LoginWorkflow login = d.core().login();
        d.show(login);
        Screen s = login.accept(d.scannerTypes(args.get(0)));
        if (!report(s)) {
            throw new ScriptError("login failed: " + s.feedback().map(Feedback::message).orElse(""));
        }
        s = login.enterPin(args.get(1));
        if (!report(s) || login.session().isEmpty()) {
            throw new ScriptError("login failed: " + s.feedback().map(Feedback::message).orElse(""));
        }
    }

    private void logout() throws ScriptError {
        SimDevice d = device();
        d.core().logout();
        d.show(null);
    }

    private void start(List<String> args) throws ScriptError {
        if (args.size() != 1) {
            throw new ScriptError("start receive|move|pick|count|ship|produce|return|lookup|hold");
        }
        WorkflowKind kind;
        try {
            kind = WorkflowKind.valueOf(args.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScriptError("no workflow '" + args.get(0) + "'");
        }
        SimDevice d = device();
        try {
            Workflow w = d.core().start(kind);
            d.show(w);
            verbose(w.screen());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ScriptError(e.getMessage());
        }
    }

    private void scan(String text) throws ScriptError {
        if (text.isEmpty()) {
            throw new ScriptError("scan <text> (<GS> for ASCII 29)");
        }
        SimDevice d = device();
        Workflow w = workflow(d);
        RawScan scan = d.scannerTypes(text.replace("<GS>", "\u001d"));
        report(w.accept(scan));
    }

    private void key(String key) throws ScriptError {
        SimDevice d = device();
        Optional<RawScan> typed;
        try {
            typed = d.personPresses(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScriptError(e.getMessage());
        }
        if (typed.isPresent()) {
            report(workflow(d).accept(typed.get()));
        }
    }

    private void quantity(String text) throws ScriptError {
        if (text.isEmpty()) {
            throw new ScriptError("quantity <value> [unit]");
        }
        Workflow w = workflow(device());
        if (!(w instanceof KeysQuantity q)) {
            throw new ScriptError(w.kind() + " takes no quantity");
        }
        report(q.keyQuantity(text));
    }

    private void action(List<String> args) throws ScriptError {
        if (args.isEmpty()) {
            throw new ScriptError("action <name> [args]");
        }
        String name = args.get(0).toLowerCase(Locale.ROOT).replace("_", "-");
        List<String> a = args.subList(1, args.size());
        Workflow w = workflow(device());
        Screen s;
        if (name.equals("cancel")) {
            s = w.cancel();
        } else if (w instanceof ReceiveWorkflow r) {
            s = switch (name) {
                case "nopo", "no-po" -> r.noPurchaseOrder(PartnerCode.of(arg(a, 0, "nopo <supplier> <delivery-note>")),
                        arg(a, 1, "nopo <supplier> <delivery-note>"));
                case "lot" -> r.keyLot(arg(a, 0, "lot <code>"));
                case "document" -> r.linkDocument(arg(a, 0, "document <id>"));
                default -> throw unknownAction(w, name, "nopo, lot, document, cancel");
            };
        } else if (w instanceof PickWorkflow p) {
            s = switch (name) {
                case "deviation", "reason" -> p.chooseDeviationReason(deviation(arg(a, 0, "deviation <reason> [note]")),
                        a.size() > 1 ? String.join(" ", a.subList(1, a.size())) : null);
                case "skip" -> p.skipLine();
                default -> throw unknownAction(w, name, "deviation, skip, cancel");
            };
        } else if (w instanceof ShipWorkflow sh) {
            s = switch (name) {
                case "confirm", "finish" -> sh.confirm();
                default -> throw unknownAction(w, name, "confirm, cancel");
            };
        } else if (w instanceof ProduceWorkflow p) {
            s = switch (name) {
                case "kind" -> p.chooseKind(transformKind(arg(a, 0, "kind <PRODUCTION|BLEND|SPLIT|MERGE|REWORK|REPACK>")));
                case "output", "output-lot" -> p.keyOutputLot(ItemCode.of(arg(a, 0, "output <item> <lot>")), arg(a, 1, "output <item> <lot>"));
                case "finish", "confirm" -> p.finish();
                default -> throw unknownAction(w, name, "kind, output, finish, cancel");
            };
        } else if (w instanceof ReturnWorkflow r) {
            s = switch (name) {
                case "normma", "no-rma" -> r.withoutRma(PartnerCode.of(arg(a, 0, "normma <customer> <reference>")),
                        arg(a, 1, "normma <customer> <reference>"));
                case "reason" -> r.chooseReason(String.join(" ", a));
                default -> throw unknownAction(w, name, "normma, reason, cancel");
            };
        } else if (w instanceof HoldWorkflow h) {
            s = switch (name) {
                case "reason" -> h.chooseReason(String.join(" ", a));
                default -> throw unknownAction(w, name, "reason, cancel");
            };
        } else if (w instanceof LoginWorkflow l) {
            s = switch (name) {
                case "pin" -> l.enterPin(arg(a, 0, "pin <pin>"));
                default -> throw unknownAction(w, name, "pin, cancel");
            };
        } else {
            throw unknownAction(w, name, "cancel");
        }
        report(s);
    }

    private void sync() throws ScriptError {
        SimDevice d = device();
        SimDevice.SyncRun run;
        try {
            run = d.syncUntilIdle();
        } catch (IllegalStateException e) {
            throw new ScriptError(e.getMessage());
        }
        SyncStatus st = run.status();
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "sync");
        n.put("line", lineNumber);
        n.put("device", d.name());
        n.put("ok", run.ok());
        n.put("cycles", run.cycles());
        n.put("connectivity", st.connectivity().name());
        n.put("pending", st.pendingCount());
        n.put("needsAttention", st.needsAttentionCount());
        if (st.lastError() != null) {
            ObjectNode e = n.putObject("error");
            e.put("kind", st.lastError().kind().name());
            e.put("code", st.lastError().code());
            e.put("message", st.lastError().message());
        }
        ArrayNode rejected = n.putArray("rejected");
        for (OutboxEntry r : d.core().store().outbox().needsAttention()) {
            ObjectNode o = rejected.addObject();
            o.put("eventId", r.event().eventId().toString());
            o.put("deviceSeq", r.event().deviceSeq());
            o.put("code", r.error() == null ? null : r.error().code());
            o.put("detail", r.error() == null ? null : r.error().detail());
        }
        ObjectNode cache = n.putObject("cache");
        d.core().store().referenceCache().rowCounts().forEach(cache::put);
        print(n);
    }

    private void expect(List<String> args) throws ScriptError {
        if (args.isEmpty()) {
            throw new ScriptError("expect <EVENT_TYPE> <field>=<value>… | expect refused [text] | expect pending <n>");
        }
        SimDevice d = device();
        String what = args.get(0);
        if (what.equalsIgnoreCase("refused")) {
            String text = String.join(" ", args.subList(1, args.size()));
            if (lastFeedback == null || !lastFeedback.isError() || !lastFeedback.message().contains(text)) {
                fail("expected the last scan or action to be refused" + (text.isEmpty() ? "" : " with '" + text + "'")
                        + ", but it was " + (lastFeedback == null ? "nothing" : lastFeedback.tone() + ": " + lastFeedback.message()));
            }
            return;
        }
        if (what.equalsIgnoreCase("pending")) {
            long expected = Long.parseLong(arg(args, 1, "expect pending <n>"));
            long actual = d.core().store().outbox().pendingCount();
            if (actual != expected) {
                fail("expected " + expected + " events pending, found " + actual);
            }
            return;
        }
        Optional<Event> last = d.lastCaptured();
        if (last.isEmpty()) {
            fail("expected a " + what + " event, but " + d.name() + " has captured nothing");
            return;
        }
        JsonNode event = eventJson(last.get());
        if (!event.path("type").asText().equalsIgnoreCase(what)) {
            fail("expected the last event to be " + what + ", but it is " + event.path("type").asText());
            return;
        }
        for (String assertion : args.subList(1, args.size())) {
            int eq = assertion.indexOf('=');
            if (eq <= 0) {
                throw new ScriptError("'" + assertion + "' is not <field>=<value>");
            }
            String field = assertion.substring(0, eq);
            String expected = assertion.substring(eq + 1);
            JsonNode actual = find(event.path("payload"), field);
            if (actual.isMissingNode()) {
                actual = find(event, field);
            }
            if (!matches(actual, expected)) {
                fail(what + " " + field + ": expected " + expected + ", found " + (actual.isMissingNode() ? "nothing" : actual));
            }
        }
    }

    private static JsonNode find(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
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

    // ------------------------------------------------------------------ helpers

    private SimDevice device() throws ScriptError {
        if (current == null) {
            throw new ScriptError("no device yet: start the script with device <name> profile=<profile>");
        }
        return current;
    }

    private static Workflow workflow(SimDevice d) throws ScriptError {
        return d.workflow().orElseThrow(() -> new ScriptError("no workflow on " + d.name() + ": use login, then start <workflow>"));
    }

    /** Prints what the scan or action stored, or why it was refused; true when it was not refused. */
    private boolean report(Screen s) {
        verbose(s);
        Feedback f = s.feedback().orElse(null);
        lastFeedback = f;
        if (f == null) {
            return true;
        }
        if (f.isError()) {
            refusals++;
            err.println("line " + lineNumber + ": " + current.name() + " refused: " + f.message());
            return false;
        }
        for (CapturedEvent c : f.captured()) {
            Event e = current.core().store().outbox().entry(c.eventId()).orElseThrow().event();
            current.captured(e);
            ObjectNode n = JSON.createObjectNode();
            n.put("kind", "captured");
            n.put("line", lineNumber);
            n.put("device", current.name());
            n.set("event", eventJson(e));
            print(n);
        }
        return true;
    }

    private void verbose(Screen s) {
        if (!options.verbose()) {
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "screen");
        n.put("line", lineNumber);
        n.put("device", current.name());
        n.put("workflow", s.workflow().name());
        n.put("step", s.step().name());
        n.put("prompt", s.prompt());
        s.feedback().ifPresent(f -> {
            n.put("tone", f.tone().name());
            n.put("message", f.message());
        });
        print(n);
    }

    private static JsonNode eventJson(Event e) {
        try {
            return JSON.readTree(EventJson.writeString(e));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void print(JsonNode n) {
        out.println(n.toString());
        out.flush();
    }

    private void fail(String message) {
        expectFailures++;
        err.println("line " + lineNumber + ": expect failed: " + message);
    }

    private static String arg(List<String> args, int index, String usage) throws ScriptError {
        if (args.size() <= index) {
            throw new ScriptError("usage: " + usage);
        }
        return args.get(index);
    }

    private static ScriptError unknownAction(Workflow w, String name, String known) {
        return new ScriptError(w.kind() + " has no action '" + name + "' (" + known + ")");
    }

    private static DeviationReason deviation(String text) throws ScriptError {
        try {
            return DeviationReason.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ScriptError("no deviation reason '" + text + "' (" + List.of(DeviationReason.values()) + ")");
        }
    }

    private static TransformKind transformKind(String text) throws ScriptError {
        try {
            return TransformKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScriptError("no transformation kind '" + text + "' (" + List.of(TransformKind.values()) + ")");
        }
    }

    private static Map<String, String> options(List<String> args) throws ScriptError {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ScriptError("'" + a + "' is not <option>=<value>");
            }
            out.put(a.substring(0, eq).toLowerCase(Locale.ROOT), a.substring(eq + 1));
        }
        return out;
    }

    /** Splits on blanks; "double quotes" keep blanks inside one word. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    /** A line the simulator cannot carry out; the script stops. */
    static final class ScriptError extends Exception {
        ScriptError(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void close() {
        for (SimDevice d : devices.values()) {
            try {
                d.close();
            } catch (RuntimeException e) {
                err.println("closing " + d.name() + ": " + e.getMessage());
            }
        }
        devices.clear();
        current = null;
    }

    // ------------------------------------------------------------------ command line

    /**
     * {@code Simulator [--data <dir>] [--set NAME=VALUE]… [--clock <instant>] [--verbose] <script>|-}
     * — plays the script ({@code -}: standard input) and exits with {@link #OK},
     * {@link #EXPECT_FAILED} or {@link #SCRIPT_ERROR}.
     */
    public static void main(String[] args) throws IOException {
        Path data = null;
        Map<String, String> vars = new LinkedHashMap<>();
        Clock clock = Clock.systemDefaultZone();
        boolean verbose = false;
        String script = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(args[++i]);
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        usage("--set needs NAME=VALUE, not " + kv);
                    }
                    vars.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--clock" -> clock = Clock.fixed(Instant.parse(args[++i]), ZoneId.systemDefault());
                case "--verbose" -> verbose = true;
                case "-h", "--help" -> usage(null);
                default -> {
                    if (script != null) {
                        usage("only one script, found " + script + " and " + a);
                    }
                    script = a;
                }
            }
        }
        if (script == null) {
            usage("no script given");
        }
        if (data == null) {
            data = Files.createTempDirectory("lotkeeper-sim");
        }
        List<String> lines;
        if (script.equals("-")) {
            lines = new java.io.BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
        } else if (Files.isReadable(Path.of(script))) {
            lines = Files.readAllLines(Path.of(script), StandardCharsets.UTF_8);
        } else {
            System.err.println("cannot read the script " + Path.of(script).toAbsolutePath());
            System.exit(SCRIPT_ERROR);
            return;
        }
        int code;
        try (Simulator sim = new Simulator(new Options(data, clock, vars, verbose), System.out, System.err)) {
            code = sim.run(lines);
        }
        System.exit(code);
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println("usage: Simulator [--data <dir>] [--set NAME=VALUE]... [--clock <instant>] [--verbose] <script>|-");
        System.exit(problem == null ? OK : SCRIPT_ERROR);
    }
}
