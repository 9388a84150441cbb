package org.lotkeeper.server.console;

import jakarta.inject.Inject;

/**
 * What every console resource shares: the session (who, roles, CSRF). A service's refusal a page
 * does not handle itself (unknown lot, another site, malformed code) becomes a page through
 * {@link ConsoleHtmlProblems}, which the API's problem mapper asks for every {@code /console} path.
 */
abstract class ConsoleResource {

    @Inject
    ConsoleSession session;
}
