package org.lotkeeper.server.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.server.api.ApiException;

/**
 * Small in-memory token buckets against password guessing and enrollment-code guessing: each key
 * ({@code token-ip:10.0.0.7}, {@code token-user:sam}, {@code enroll-ip:…}) holds up to its
 * per-minute budget and refills evenly over the minute. One server instance counts on its own
 * (several instances multiply the budget; the account lockout still counts in the database).
 * Time is {@link System#nanoTime()}, not the server clock, which tests and demos stand still.
 */
@ApplicationScoped
public class RateLimiter {

    /** Above this many keys, full (idle) buckets are dropped. */
    static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Inject
    SecurityConfig config;

    /** Sign-in attempts: per client address and per user name. */
    public void signIn(String clientIp, String username) {
        take("token-ip:" + clientIp, config.rateLimit().signInPerIp());
        take("token-user:" + username.strip().toLowerCase(java.util.Locale.ROOT), config.rateLimit().signInPerUser());
    }

    /** Enrollment attempts (code guessing): per client address. */
    public void enroll(String clientIp) {
        take("enroll-ip:" + clientIp, config.rateLimit().enrollPerIp());
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code perMinute}, or answers 429
     * {@code RATE_LIMITED} with the seconds until the next token ({@code Retry-After}).
     */
    void take(String key, int perMinute) {
        if (perMinute <= 0) {
            return; // 0 switches the limit off
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now));
        }
        long wait = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now)).take(perMinute, now);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(429, "RATE_LIMITED", "too many attempts; try again in " + seconds + " s")
                    .with("retryAfter", seconds);
        }
    }

    private static final class Bucket {
        private static final long MINUTE = 60_000_000_000L;
        private double tokens;
        private long updated;
        private final int capacity;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        /** Answers 0 when a token was taken, else the nanoseconds until one is there. */
        synchronized long take(int perMinute, long now) {
            refill(perMinute, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * MINUTE / perMinute);
        }

        synchronized boolean full(long now) {
            refill(capacity, now);
            return tokens >= capacity;
        }

        private void refill(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (double) (now - updated) * perMinute / MINUTE);
            updated = now;
        }
    }
}
