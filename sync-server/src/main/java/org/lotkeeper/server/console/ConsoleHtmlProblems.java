package org.lotkeeper.server.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.server.api.HtmlProblems;

/**
 * Errors outside the console's own checks — an unknown page, a method a page does not take, a
 * service's refusal a page did not catch, a failure — shown under {@code /console} as a page
 * saying so, like every other refusal there; never JSON, never a stack trace.
 */
@ApplicationScoped
public class ConsoleHtmlProblems implements HtmlProblems {

    @Inject
    ConsoleSession session;

    @Override
    public Response page(String path, int status, String detail) {
        if (path == null || !(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        String message = switch (status) {
            case 404 -> "There is no such page.";
            case 405 -> "This page cannot be used that way.";
            case 503 -> "The database cannot be reached just now; try again in a moment.";
            default -> status >= 500 ? "Something went wrong; it has been logged." : ConsoleProblemMapper.sentence(detail);
        };
        return ConsoleProblemMapper.page(session, new ConsoleProblem(status == 401 ? 400 : status, message, false));
    }
}
