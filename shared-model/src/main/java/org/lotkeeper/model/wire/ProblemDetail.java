package org.lotkeeper.model.wire;

/**
 * An error answer, {@code application/problem+json} (RFC 9457), with Lotkeeper's members
 * {@code code} and {@code field}:
 * {@code {"type": "...", "title": "...", "status": 400, "code": "UNKNOWN_ITEM", "detail": "...", "field": "events[3].payload.item"}}.
 * The code is text: request-level codes (SEQUENCE_GAP, CURSOR_EXPIRED, COA_MISSING …) are the
 * server's, {@link ErrorCode} names are shared.
 *
 * @param type        a URI for the problem type, {@code urn:lotkeeper:problem:<code>} by default
 * @param title       a short summary for people
 * @param status      the HTTP status
 * @param code        the stable code
 * @param detail      a sentence for people (escape it when shown)
 * @param field       the path of the field at fault, or null
 * @param expectedSeq for SEQUENCE_GAP: the deviceSeq the server expects next; otherwise null
 */
public record ProblemDetail(
        String type, String title, int status, String code, String detail, String field, Long expectedSeq) {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with the default type and a title derived from the status. */
    public static ProblemDetail of(int status, String code, String detail, String field) {
        return new ProblemDetail("urn:lotkeeper:problem:" + code, titleFor(status), status, code, detail, field, null);
    }

    /** 400 for a request that could not be read. */
    public static ProblemDetail badRequest(FieldProblem problem) {
        return of(400, problem.code().name(), problem.detail(), problem.field());
    }

    /** 409 SEQUENCE_GAP: the device must push from {@code expectedSeq}. */
    public static ProblemDetail sequenceGap(long expectedSeq, String detail) {
        return new ProblemDetail(
                "urn:lotkeeper:problem:SEQUENCE_GAP", titleFor(409), 409, "SEQUENCE_GAP", detail, null, expectedSeq);
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
    }
}
