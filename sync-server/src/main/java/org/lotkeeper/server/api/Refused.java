package org.lotkeeper.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.lotkeeper.model.wire.ErrorCode;

/**
 * A request a service refuses, in the domain's words: a stable {@link ErrorCode}, a sentence for
 * people and, when one field is at fault, its path ({@code items[2].gtin}). Services throw it and
 * know nothing of HTTP; {@link ProblemMapper} (and the console's pages) turn it into an answer,
 * choosing the HTTP status once, in {@link HttpStatus}.
 */
public final class Refused extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final boolean invalidInput;
    private final transient Map<String, Object> extra = new LinkedHashMap<>();

    private Refused(ErrorCode code, String detail, String field, boolean invalidInput) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.invalidInput = invalidInput;
    }

    /** Refused for this reason. */
    public static Refused of(ErrorCode code, String detail) {
        return new Refused(code, detail, null, false);
    }

    /** Refused for this reason, which lies in one field. */
    public static Refused of(ErrorCode code, String detail, String field) {
        return new Refused(code, detail, field, false);
    }

    /** The request's content is not acceptable (always a 400, whatever the code): the field says where. */
    public static Refused invalid(ErrorCode code, String detail, String field) {
        return new Refused(code, detail, field, true);
    }

    public static Refused notFound(String detail) {
        return of(ErrorCode.NOT_FOUND, detail);
    }

    public static Refused unauthenticated(String detail) {
        return of(ErrorCode.UNAUTHENTICATED, detail);
    }

    /** The caller may not reach this site's data. */
    public static Refused siteNotAllowed(String detail) {
        return of(ErrorCode.SITE_NOT_ALLOWED, detail);
    }

    /** Adds a member to the answer, e.g. {@code expectedSeq}, {@code retryAfter} (seconds). */
    public Refused with(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Whether this is a refusal of the request's content as a whole (400), rather than of what it asks. */
    public boolean invalidInput() {
        return invalidInput;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
