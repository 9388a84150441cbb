package org.lotkeeper.server.security;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;

/**
 * Token buckets against password guessing and enrollment-code guessing: each key
 * ({@code token-ip:10.0.0.7}, {@code token-user:sam}, {@code signature-user:sam}, {@code enroll-ip:…})
 * holds up to its per-minute budget and refills evenly over the minute. The buckets live in the
 * database ({@code rate_limit_bucket}), so every instance on it spends the same budget; one
 * statement takes a token under the row's lock, in its own transaction (a refused sign-in does not
 * give the token back). Time is the wall clock in milliseconds, not the server clock, which tests
 * and demos stand still; instances are assumed to keep their clocks in step (NTP).
 */
@ApplicationScoped
public class RateLimiter {

    /** Buckets idle this long are full again and are deleted now and then. */
    static final long IDLE_MS = 10 * 60_000L;

    private static final String TAKE = """
            INSERT INTO rate_limit_bucket AS b (key, capacity, tokens, updated_ms, taken)
            VALUES (?, ?, ?::float8 - 1, ?, true)
            ON CONFLICT (key) DO UPDATE SET
              capacity = EXCLUDED.capacity,
              taken = LEAST(EXCLUDED.capacity, b.tokens + GREATEST(0, EXCLUDED.updated_ms - b.updated_ms) * EXCLUDED.capacity / 60000.0) >= 1,
              tokens = LEAST(EXCLUDED.capacity, b.tokens + GREATEST(0, EXCLUDED.updated_ms - b.updated_ms) * EXCLUDED.capacity / 60000.0)
                       - CASE WHEN LEAST(EXCLUDED.capacity, b.tokens + GREATEST(0, EXCLUDED.updated_ms - b.updated_ms)
                                         * EXCLUDED.capacity / 60000.0) >= 1 THEN 1 ELSE 0 END,
              updated_ms = GREATEST(b.updated_ms, EXCLUDED.updated_ms)
            RETURNING tokens, taken""";

    private final AtomicLong takes = new AtomicLong();
    private final LongSupplier wallMillis;

    @Inject
    SecurityConfig config;

    @Inject
    DataSource dataSource;

    public RateLimiter() {
        this(System::currentTimeMillis);
    }

    RateLimiter(LongSupplier wallMillis) {
        this.wallMillis = wallMillis;
    }

    /** Sign-in attempts: per client address and per user name. */
    public void signIn(String clientIp, String username) {
        take("token-ip:" + clientIp, config.rateLimit().signInPerIp());
        take(
                "token-user:" + username.strip().toLowerCase(Locale.ROOT),
                config.rateLimit().signInPerUser());
    }

    /** Electronic signatures (a password re-entered): per signer, on the sign-in budget per user. */
    public void signature(String userId) {
        take(
                "signature-user:" + userId.toLowerCase(Locale.ROOT),
                config.rateLimit().signInPerUser());
    }

    /** Enrollment attempts (code guessing): per client address. */
    public void enroll(String clientIp) {
        take("enroll-ip:" + clientIp, config.rateLimit().enrollPerIp());
    }

    void take(String key, int perMinute) {
        take(key, perMinute, wallMillis.getAsLong());
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code perMinute} at wall-clock time {@code nowMs},
     * or answers 429 {@code RATE_LIMITED} with the seconds until the next token ({@code Retry-After}).
     */
    void take(String key, int perMinute, long nowMs) {
        if (perMinute <= 0) {
            return; // 0 switches the limit off
        }
        String bounded = key.length() > 160 ? key.substring(0, 160) : key;
        double[] after = QuarkusTransaction.requiringNew()
                .call(() -> Jdbc.withConnection(dataSource, "rate limit", c -> {
                    if (takes.incrementAndGet() % 1_000 == 0) {
                        Jdbc.update(c, "DELETE FROM rate_limit_bucket WHERE updated_ms < ?", nowMs - IDLE_MS);
                    }
                    return Jdbc.one(
                            c,
                            TAKE,
                            rs -> new double[] {rs.getDouble("tokens"), rs.getBoolean("taken") ? 1 : 0},
                            bounded,
                            perMinute,
                            perMinute,
                            nowMs);
                }));
        if (after[1] == 0) {
            long waitMs = (long) Math.ceil((1 - after[0]) * 60_000 / perMinute);
            long seconds = Math.max(1, (waitMs + 999) / 1_000);
            throw Refused.of(ErrorCode.RATE_LIMITED, "too many attempts; try again in " + seconds + " s")
                    .with("retryAfter", seconds);
        }
    }
}
