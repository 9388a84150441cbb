package org.lotkeeper.server.api;

import jakarta.ws.rs.core.Response;

/**
 * Problems on paths a person reads in a browser (the console) are shown as pages, not as
 * {@code application/problem+json}; the module serving those pages provides them. The API's
 * mapper asks before it answers JSON.
 */
public interface HtmlProblems {

    /**
     * The page for this problem when {@code path} is one of this provider's pages; otherwise null.
     * {@code detail} is a refusal's own words ({@link Refused}), or null for a failure outside
     * the services (no such route, a wrong method, a server error).
     */
    Response page(String path, int status, String detail);
}
