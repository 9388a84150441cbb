package org.lotkeeper.server.api;

import org.lotkeeper.model.wire.ErrorCode;

/** The HTTP status of each refusal: chosen here once, for the API and the console alike. */
public final class HttpStatus {

    private HttpStatus() {}

    public static int of(Refused r) {
        return r.invalidInput() ? 400 : of(r.code());
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case MALFORMED_JSON,
                    MISSING_FIELD,
                    WRONG_TYPE,
                    EMPTY,
                    TOO_LONG,
                    BAD_FORMAT,
                    BAD_CHARACTER,
                    CHECK_DIGIT,
                    UNKNOWN_ENUM,
                    UNKNOWN_UNIT,
                    NOT_POSITIVE,
                    OUT_OF_RANGE,
                    INVALID_FIELD,
                    UNKNOWN_ITEM,
                    UNKNOWN_LOCATION,
                    UNKNOWN_PARTNER,
                    UNKNOWN_USER,
                    SIGNATURE_REQUIRED,
                    TOO_MANY,
                    RANGE_TOO_LARGE,
                    UNKNOWN_SITE,
                    UNKNOWN_LOT,
                    UNKNOWN_SUPPLIER_LOT,
                    UNKNOWN_COLUMN,
                    MALFORMED_CSV,
                    NOT_IN_SPECIFICATION,
                    BAD_REQUEST -> 400;
            case UNAUTHENTICATED, ACCOUNT_LOCKED, ENROLLMENT_INVALID, SIGNATURE_INVALID -> 401;
            case SITE_NOT_ALLOWED, ROLE_NOT_ALLOWED, NOT_FROM_A_DEVICE, LOT_OF_ANOTHER_SITE -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case INVALID_TRANSITION,
                    EVENT_ID_CONFLICT,
                    COA_MISSING,
                    SEQUENCE_GAP,
                    CURSOR_EXPIRED,
                    DUPLICATE,
                    ALREADY_CLOSED,
                    ALREADY_DECIDED,
                    ALREADY_RESOLVED,
                    NO_SPECIFICATION,
                    NOT_RELEASED,
                    NO_COMPANY_PREFIX,
                    SSCCS_USED_UP -> 409;
            case TOO_LARGE, TOO_MANY_EVENTS -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case NOT_PRINTABLE, INVALID_SSCC, SPECIFICATION_NOT_MET -> 422;
            case RATE_LIMITED -> 429;
            case SERVER_ERROR -> 500;
            case DATABASE_UNAVAILABLE -> 503;
        };
    }
}
