package org.lotkeeper.client.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.sync.EnrollResponse;
import org.lotkeeper.client.sync.SyncStatus;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.wire.EventJson;

/**
 * What a simulation prints: one JSON object per line on {@code out} (enrolled, captured, sync,
 * and with {@code --verbose} every screen), and {@code line N: …} sentences on {@code err}.
 */
final class SimReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;

    SimReport(PrintStream out, PrintStream err, boolean verbose) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.verbose = verbose;
    }

    void enrolled(int line, String device, EnrollResponse enrolled) {
        ObjectNode n = object("enrolled", line, device);
        n.put("deviceId", enrolled.deviceId().value());
        n.put("site", enrolled.site() == null ? null : enrolled.site().value());
        print(n);
    }

    void captured(int line, String device, Event event) {
        ObjectNode n = object("captured", line, device);
        n.set("event", eventJson(event));
        print(n);
    }

    void sync(int line, SimDevice d, SimDevice.SyncRun run) {
        SyncStatus st = run.status();
        ObjectNode n = object("sync", line, d.name());
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

    /** With {@code --verbose}: the screen after a scan or command. */
    void screen(int line, String device, Screen s) {
        if (!verbose) {
            return;
        }
        ObjectNode n = object("screen", line, device);
        n.put("workflow", s.workflow().name());
        n.put("step", s.step().name());
        n.put("prompt", s.prompt());
        s.feedback().ifPresent(f -> {
            n.put("tone", f.tone().name());
            n.put("message", f.message());
        });
        s.blocked().ifPresent(b -> n.put("blocked", b.reasons().toString()));
        print(n);
    }

    void refused(int line, String device, String message) {
        err.println("line " + line + ": " + device + " refused: " + message);
    }

    void expectFailed(int line, String message) {
        err.println("line " + line + ": expect failed: " + message);
    }

    void stopped(int line, String message) {
        err.println("line " + line + ": " + message);
    }

    void problem(String message) {
        err.println(message);
    }

    /** The event as it is pushed, as a JSON tree (for output and for {@code expect}). */
    static JsonNode eventJson(Event e) {
        try {
            return JSON.readTree(EventJson.writeString(e));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ObjectNode object(String kind, int line, String device) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind);
        n.put("line", line);
        n.put("device", device);
        return n;
    }

    private void print(JsonNode n) {
        out.println(n.toString());
        out.flush();
    }
}
