package org.lotkeeper.server.security;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.lotkeeper.server.api.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token bucket alone, on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    @Test
    void aFullBucketAllowsItsBurstThenAnswers429WithTheWait() {
        for (int i = 0; i < 6; i++) {
            limiter.take("k", 6);
        }
        ApiException e = catchThrowableOfType(ApiException.class, () -> limiter.take("k", 6));
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("RATE_LIMITED");
        assertThat(e.extra()).containsEntry("retryAfter", 10L); // 6 a minute: one every 10 s
    }

    @Test
    void theBucketRefillsEvenlyOverTheMinute() {
        for (int i = 0; i < 6; i++) {
            limiter.take("k", 6);
        }
        nanos.addAndGet(9_000_000_000L);
        assertThatThrownBy(() -> limiter.take("k", 6)).isInstanceOf(ApiException.class)
                .satisfies(t -> assertThat(((ApiException) t).extra()).containsEntry("retryAfter", 1L));
        nanos.addAndGet(1_000_000_000L);
        limiter.take("k", 6);
        assertThatThrownBy(() -> limiter.take("k", 6)).isInstanceOf(ApiException.class);
    }

    @Test
    void keysAreCountedApartAndZeroMeansNoLimit() {
        limiter.take("a", 1);
        assertThatThrownBy(() -> limiter.take("a", 1)).isInstanceOf(ApiException.class);
        limiter.take("b", 1);
        for (int i = 0; i < 1_000; i++) {
            limiter.take("c", 0);
        }
        assertThat(catchThrowableOfType(ApiException.class, () -> limiter.take("b", 1))).isNotNull();
    }
}
