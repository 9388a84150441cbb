package org.lotkeeper.server.security;

import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token bucket in the database, on wall-clock times the test chooses. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RateLimiterTest {

    private static final long T0 = 1_800_000_000_000L;

    @Inject
    RateLimiter limiter;

    private final String key = "test:" + UUID.randomUUID();

    @Test
    void aFullBucketAllowsItsBurstThenAnswers429WithTheWait() {
        for (int i = 0; i < 6; i++) {
            limiter.take(key, 6, T0);
        }
        Refused e = catchThrowableOfType(Refused.class, () -> limiter.take(key, 6, T0));
        assertThat(HttpStatus.of(e)).isEqualTo(429);
        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.extra()).containsEntry("retryAfter", 10L); // 6 a minute: one every 10 s
    }

    @Test
    void theBucketRefillsEvenlyOverTheMinuteAndRefusalsCostNothing() {
        for (int i = 0; i < 6; i++) {
            limiter.take(key, 6, T0);
        }
        assertThatThrownBy(() -> limiter.take(key, 6, T0 + 9_000))
                .isInstanceOf(Refused.class)
                .satisfies(t -> assertThat(((Refused) t).extra()).containsEntry("retryAfter", 1L));
        limiter.take(key, 6, T0 + 10_000);
        assertThatThrownBy(() -> limiter.take(key, 6, T0 + 10_000)).isInstanceOf(Refused.class);
        // a clock that steps back (another instance slightly behind) neither refills nor breaks the bucket
        assertThatThrownBy(() -> limiter.take(key, 6, T0 + 5_000)).isInstanceOf(Refused.class);
        limiter.take(key, 6, T0 + 20_000);
    }

    @Test
    void keysAreCountedApartAndZeroMeansNoLimit() {
        limiter.take(key + "a", 1, T0);
        assertThatThrownBy(() -> limiter.take(key + "a", 1, T0)).isInstanceOf(Refused.class);
        limiter.take(key + "b", 1, T0);
        for (int i = 0; i < 100; i++) {
            limiter.take(key + "c", 0, T0);
        }
        assertThat(catchThrowableOfType(Refused.class, () -> limiter.take(key + "b", 1, T0)))
                .isNotNull();
    }
}
