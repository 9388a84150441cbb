package org.lotkeeper.model.id;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UuidV7GeneratorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:15:02.123Z");

    @Test
    void idsAreVersion7WithTheVariantAndTheTimestamp() {
        UuidV7Generator g = new UuidV7Generator(Clock.fixed(T0, ZoneOffset.UTC), new Random(1));
        UUID id = g.next().value();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void idsIncreaseStrictlyWhenTheClockStandsStillOrStepsBack() {
        MutableClock clock = new MutableClock(T0);
        UuidV7Generator g = new UuidV7Generator(clock, new Random(7));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            if (i == 5_000) {
                clock.now = T0.minusSeconds(3600); // the device clock is corrected backwards
            }
            ids.add(g.next().toString());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
