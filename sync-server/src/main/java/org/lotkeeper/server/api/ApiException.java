package org.lotkeeper.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses, with everything its problem+json answer needs: HTTP status, a
 * stable machine code ({@code UNKNOWN_ITEM}), a sentence for people and, when one field is at
 * fault, its path ({@code items[2].gtin}). Services throw it; {@link ProblemMapper} writes it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public ApiException(int status, String code, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public static ApiException badRequest(String code, String detail, String field) {
        return new ApiException(400, code, detail, field);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "NOT_FOUND", detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(403, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "UNAUTHENTICATED", detail);
    }

    /** Adds a member to the problem document, e.g. {@code expectedSeq}. */
    public ApiException with(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
