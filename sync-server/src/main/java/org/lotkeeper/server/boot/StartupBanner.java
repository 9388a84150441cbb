package org.lotkeeper.server.boot;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says, once the server is up, where a person goes next: the console. Its observer runs after the
 * others (the first admin, the demo plant), so the line comes when the server is about to listen.
 */
@ApplicationScoped
class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void announce(
            @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent start,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        if (serving) {
            LOG.infof(
                    "Lotkeeper is ready: open the console at http://localhost:%d/console (http://localhost:%d/ leads"
                            + " there); the API is under /api/v1 (docs/API.md)",
                    port, port);
        }
    }
}
