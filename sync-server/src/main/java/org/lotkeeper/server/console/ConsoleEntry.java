package org.lotkeeper.server.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Someone who opens the server's address lands in the console: {@code GET /} answers 303 to
 * {@code /console} (which asks for a sign-in when there is none). A route, not an API resource.
 */
@ApplicationScoped
public class ConsoleEntry {

    void install(@Observes Router router) {
        router.get("/")
                .handler(rc -> rc.response()
                        .setStatusCode(303)
                        .putHeader("Location", "/console")
                        .end());
    }
}
