package org.lotkeeper.server.console;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A console request that stops: to the sign-in page, or a page saying why (403, 404) — never JSON, never a stack trace. */
public class ConsoleProblemMapper {

    @Inject
    ConsoleSession session;

    @ServerExceptionMapper
    public Response console(ConsoleProblem problem) {
        return page(session, problem);
    }

    static Response page(ConsoleSession session, ConsoleProblem problem) {
        if (problem.signInFirst()) {
            return Response.seeOther(URI.create("/console/login")).build();
        }
        Chrome page;
        try {
            page = session.actor().map(a -> session.chrome(a, "", "Refused")).orElse(Chrome.anonymous("Refused", null));
        } catch (RuntimeException chromeFailed) {
            page = Chrome.anonymous("Refused", null); // e.g. the database is down: the page still says why
        }
        return Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.problem(page, problem.status(), problem.getMessage())
                        .render())
                .build();
    }

    /** A service's message as a sentence: capitalised, with a full stop. */
    static String sentence(String detail) {
        return detail == null || detail.isEmpty()
                ? "The request was refused."
                : Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + (detail.endsWith(".") ? "" : ".");
    }
}
