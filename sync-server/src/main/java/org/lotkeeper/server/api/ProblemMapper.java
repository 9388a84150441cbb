package org.lotkeeper.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.wire.ErrorCode;

/**
 * Every error leaves the server as {@code application/problem+json} (RFC 9457) with a stable
 * {@code code}; bad input is a 4xx naming the field, never a 500 and never a stack trace.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    Instance<HtmlProblems> pages;

    @ServerExceptionMapper
    public Response refused(Refused e, UriInfo uri) {
        int status = HttpStatus.of(e);
        Response page = page(uri, status, e.getMessage());
        if (page != null) {
            return page;
        }
        Response r = problem(status, e.code().name(), e.getMessage(), e.field(), e.extra());
        if (e.extra().get("retryAfter") instanceof Number seconds) {
            return Response.fromResponse(r)
                    .header("Retry-After", seconds.toString())
                    .build();
        }
        return r;
    }

    /** The label checker's answer to text the GS1 decoder cannot read: the decoder's reason, where, and which AI. */
    @ServerExceptionMapper
    public Response unreadableLabel(Gs1Exception p) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("position", p.position());
        p.ai().ifPresent(ai -> extra.put("ai", ai));
        return problem(422, p.reason().name(), p.getMessage(), "text", extra);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return problem(
                401, ErrorCode.UNAUTHENTICATED.name(), "sign in first: send a valid bearer token", null, Map.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(
                401, ErrorCode.UNAUTHENTICATED.name(), "the token is invalid, expired or revoked", null, Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, ErrorCode.ROLE_NOT_ALLOWED.name(), "your roles do not allow this", null, Map.of());
    }

    @ServerExceptionMapper
    public Response tooDeep(StreamConstraintsException e) {
        return problem(
                400,
                ErrorCode.TOO_LARGE.name(),
                "the JSON exceeds a size limit: " + firstLine(e.getOriginalMessage()),
                null,
                Map.of());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : null;
        JsonLocation where = e.getLocation();
        String detail = field != null
                ? "field " + field + " has the wrong type or form"
                : "malformed JSON"
                        + (where != null ? " at line " + where.getLineNr() + ", column " + where.getColumnNr() : "");
        return problem(
                400,
                (field != null ? ErrorCode.INVALID_FIELD : ErrorCode.MALFORMED_JSON).name(),
                detail,
                field,
                Map.of());
    }

    /**
     * A body of the wrong shape ({@code "lots": "R-2401"} where an array belongs). Named on its
     * own so that this mapper, not the framework's built-in one for the same type, answers.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.ROLE_NOT_ALLOWED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.SERVER_ERROR;
        };
        String detail = status == 404 ? "no such resource" : firstLine(e.getMessage());
        Response page = page(uri, status, null);
        if (page != null) {
            return page;
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        return problem(status, code.name(), detail, null, Map.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            LOG.warnf("database unavailable: %s", rootMessage(e));
            String detail = "the database cannot be reached; devices keep capturing offline and retry";
            Response page = page(uri, 503, null);
            return Response.fromResponse(
                            page != null
                                    ? page
                                    : problem(503, ErrorCode.DATABASE_UNAVAILABLE.name(), detail, null, Map.of()))
                    .header("Retry-After", "5")
                    .build();
        }
        LOG.error("unexpected error", e);
        String detail = "an unexpected error occurred; it has been logged";
        Response page = page(uri, 500, null);
        return page != null ? page : problem(500, ErrorCode.SERVER_ERROR.name(), detail, null, Map.of());
    }

    /** A page for a person instead of problem+json, where a provider serves {@code uri}'s path as pages. */
    private Response page(UriInfo uri, int status, String detail) {
        if (uri == null) {
            return null;
        }
        String path = uri.getPath();
        for (HtmlProblems p : pages) {
            Response r = p.page(path, status, detail);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * A lost or refused database connection (SQL state class 08, PostgreSQL shutting down or
     * starting, or no pooled connection in time) is a 503: retry later, nothing was stored.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection; 57P0x: shut down or starting; 25006: a read-only transaction, i.e. the
                // connection reached a standby (a failover in progress, docs/OPERATIONS.md)
                if (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("25006")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public static Response problem(int status, String code, String detail, String field, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                "https://lotkeeper.org/problems/"
                        + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        body.put("title", title(status));
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        body.putAll(extra);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    private static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s != null ? s.getReasonPhrase() : (status == 422 ? "Unprocessable Content" : "Error");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
