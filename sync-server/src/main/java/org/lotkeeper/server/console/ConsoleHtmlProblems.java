package org.lotkeeper.server.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.server.api.HtmlProblems;

/**
 * Errors under {@code /console} that a page did not turn into its own answer — a service's
 * refusal (unknown lot, another site, bad input: its own words), an unknown page, a method a page
 * does not take, a failure — shown as a page saying so; never JSON, never a stack trace.
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
        String message = detail != null
                ? ConsoleProblemMapper.sentence(detail)
                : switch (status) {
                    case 404 -> "There is no such page.";
                    case 405 -> "This page cannot be used that way.";
                    case 503 -> "The database cannot be reached just now; try again in a moment.";
                    default -> status >= 500 ? "Something went wrong; it has been logged." : "The request was refused.";
                };
        return ConsoleProblemMapper.page(session, new ConsoleProblem(status == 401 ? 400 : status, message, false));
    }
}
