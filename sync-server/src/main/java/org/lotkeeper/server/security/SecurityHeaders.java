package org.lotkeeper.server.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer carries, set once at the edge so no page can forget them
 * (docs/SECURITY.md, "Console sessions"): no MIME sniffing and no referrer to other sites
 * everywhere; on the console a Content-Security-Policy that allows only its own scripts, styles
 * and forms (no inline script) and no framing; nothing signed-in is cached (the console and the
 * API); HSTS when the request came over HTTPS. A header a resource set itself (a document's
 * {@code sandbox} policy) is kept.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::onRequest);
    }

    private static void onRequest(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean https = "https".equalsIgnoreCase(rc.request().scheme());
        rc.addHeadersEndHandler(v -> set(rc.response().headers(), path, https));
        rc.next();
    }

    static void set(MultiMap h, String path, boolean https) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        if (https) {
            h.set("Strict-Transport-Security", "max-age=31536000");
        }
        boolean console = path.equals("/") || path.startsWith("/console");
        boolean asset = path.startsWith("/console/assets/");
        if (console) {
            if (!h.contains("Content-Security-Policy")) {
                h.set("Content-Security-Policy", CONSOLE_POLICY);
            }
            h.set("X-Frame-Options", "DENY");
        }
        if ((console && !asset) || path.startsWith("/api/")) {
            h.set("Cache-Control", "no-store");
        }
    }
}
