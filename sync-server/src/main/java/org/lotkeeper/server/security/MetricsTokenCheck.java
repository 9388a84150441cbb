package org.lotkeeper.server.security;

import java.util.Optional;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A metrics token too short to be used is said at start-up, not found out from a scraper's 401s:
 * the server still starts (an upgrade must not stop on it), the token stays unused.
 */
@ApplicationScoped
class MetricsTokenCheck {

    private static final Logger LOG = Logger.getLogger(MetricsTokenCheck.class);

    /** The shortest token accepted: a guessable one would open the metrics to anyone. */
    static final int MIN_LENGTH = 32;

    void check(@Observes StartupEvent start, SecurityConfig config) {
        problem(config.metricsToken()).ifPresent(LOG::warn);
    }

    /** What is wrong with the configured token, if anything. */
    static Optional<String> problem(Optional<String> token) {
        return token.filter(t -> t.length() < MIN_LENGTH)
                .map(t -> "LOTKEEPER_SECURITY_METRICS_TOKEN has " + t.length() + " characters; it needs at least "
                        + MIN_LENGTH + ", so it is ignored and /q/metrics answers the scraper 401"
                        + " (ADMIN tokens still read it)");
    }
}
