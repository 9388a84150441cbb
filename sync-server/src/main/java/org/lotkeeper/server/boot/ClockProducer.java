package org.lotkeeper.server.boot;

import java.time.Clock;
import java.time.ZoneOffset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.lotkeeper.server.masterdata.PlantTime;

/**
 * The one clock of the server: expiry, clock-skew and token rules read it, never
 * {@code Instant.now()}. {@code lotkeeper.clock-fixed} stands it still for tests and demos.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(LotkeeperConfig config) {
        return config.clockFixed()
                .map(instant -> Clock.fixed(instant, ZoneOffset.UTC))
                .orElse(Clock.systemUTC());
    }

    /** A time zone Java does not know stops the server at start-up with a sentence, never later on a page. */
    void checkTimeZone(@Observes StartupEvent start, LotkeeperConfig config) {
        PlantTime.parse(config.timeZone());
    }
}
