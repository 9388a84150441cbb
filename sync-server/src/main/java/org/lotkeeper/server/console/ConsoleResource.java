package org.lotkeeper.server.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.server.api.ApiException;

/**
 * What every console resource shares: the session (who, roles, CSRF), and the page that answers
 * a service's refusal the page does not handle itself (unknown lot, another site, malformed
 * code) instead of the API's problem+json. Each resource names {@link #refused} in its own
 * {@code @ServerExceptionMapper}: a mapper declared in a resource class applies to that class only.
 */
abstract class ConsoleResource {

    @Inject
    ConsoleSession session;

    Response refused(ApiException e) {
        return ConsoleProblemMapper.page(session, ConsoleProblemMapper.of(e));
    }
}
