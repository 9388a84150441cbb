package org.lotkeeper.server.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Token and enrollment settings ({@code LOTKEEPER_SECURITY_TOKEN_LIFETIME=PT8H} …). */
@ConfigMapping(prefix = "lotkeeper.security")
public interface SecurityConfig {

    /** How long a user token stays valid. */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    /** How long an enrollment code may be used. */
    @WithDefault("PT30M")
    Duration enrollmentLifetime();

    /** bcrypt cost for user passwords (2^cost rounds). */
    @WithDefault("11")
    int bcryptCost();

    /** Failed logins in a row before an account is locked. */
    @WithDefault("5")
    int lockoutThreshold();

    /** How long a locked account stays locked. */
    @WithDefault("PT15M")
    Duration lockoutDuration();

    /**
     * A bearer token that reads {@code /q/metrics} and nothing else, for a Prometheus scraper
     * ({@code LOTKEEPER_SECURITY_METRICS_TOKEN}; at least 32 characters). Without it only ADMIN
     * reads the metrics.
     */
    Optional<String> metricsToken();

    /**
     * The key-encryption key of the token signing keys: Base64 of 32 random bytes ({@code
     * LOTKEEPER_SECURITY_KEY_ENCRYPTION_KEY}, e.g. from a vault). Without it, {@link
     * #keyEncryptionKeyFile()} is used.
     */
    Optional<String> keyEncryptionKey();

    /** Where the key-encryption key is kept when not configured; generated owner-only when missing. */
    @WithDefault("${lotkeeper.data-dir:data}/secrets/key-encryption-key")
    Path keyEncryptionKeyFile();

    /** Argon2id memory of a PIN hash, KiB (docs/SECURITY.md, "PINs"); the cost of every offline guess. */
    @WithDefault("65536")
    int pinMemoryKib();

    /** Argon2id passes of a PIN hash. */
    @WithDefault("3")
    int pinPasses();

    /** Attempts per minute before 429 (0: no limit); docs/SECURITY.md. */
    RateLimit rateLimit();

    interface RateLimit {
        /** {@code POST /api/v1/auth/token} per client address. */
        @WithDefault("30")
        int signInPerIp();

        /** {@code POST /api/v1/auth/token} per user name. */
        @WithDefault("10")
        int signInPerUser();

        /** {@code POST /api/v1/devices/enroll} per client address. */
        @WithDefault("10")
        int enrollPerIp();
    }
}
