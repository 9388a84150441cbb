package org.lotkeeper.server.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.lotkeeper.server.api.Refused;

/**
 * The server's own spans (docs/OPERATIONS.md "Traces"): push, ingest, projection, ledger append,
 * trace and recall, each a child of the request's span, with the ledger position and the counts as
 * {@code lotkeeper.*} attributes. With no OTLP endpoint configured the SDK is off and these are
 * no-ops: work that only describes a span runs when {@link Span#isRecording()}.
 */
public final class Spans {

    /** The ledger position a span's work wrote up to or read at. */
    public static final String LEDGER_SEQ = "lotkeeper.ledger.seq";

    private Spans() {}

    /** Work done inside a span, which it may describe with attributes. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Span span) throws E;
    }

    /**
     * Runs {@code work} in a new span named {@code name}, current while it runs. A refusal
     * ({@link Refused}, a 4xx) is recorded as the span's {@code lotkeeper.refused} code; anything
     * else thrown marks the span as an error.
     */
    public static <T, E extends Exception> T in(Tracer tracer, String name, Work<T, E> work) throws E {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.run(span);
        } catch (Refused e) {
            span.setAttribute("lotkeeper.refused", e.code().name());
            throw e;
        } catch (Throwable e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
