package org.lotkeeper.model.gs1;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared fixtures: "this year" is 2026, as in docs/GS1.md's vectors. */
final class Gs1TestSupport {

    static final char GS = 29;
    static final Clock CLOCK_2026 = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final Gs1Decoder DECODER = Gs1Decoder.create().withClock(CLOCK_2026);

    private Gs1TestSupport() {}

    /** {@code <GS>} in the text becomes ASCII 29. */
    static String gs(String text) {
        return text.replace("<GS>", String.valueOf(GS));
    }

    static Gs1Data decode(String text) {
        return DECODER.decode(gs(text));
    }

    static Gs1Exception failure(ThrowingCallable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOf(Gs1Exception.class).satisfies(t -> caught[0] = t);
        return (Gs1Exception) caught[0];
    }

    static Gs1Exception decodeFails(String text) {
        return failure(() -> decode(text));
    }
}
