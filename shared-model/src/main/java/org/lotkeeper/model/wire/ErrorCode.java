package org.lotkeeper.model.wire;

import org.lotkeeper.model.lot.StatusRefusal;

/**
 * Every machine code the server answers with, shared by server and client: why an event was
 * rejected (a push result's {@code error.code}) or why a request was refused (a problem+json
 * {@code code}). The first group are the validation codes of the wire codec; the second the
 * business rejections of docs/DOMAIN.md; the third the refusals of whole requests. The HTTP status
 * of each is chosen in one place, at the server's edge. Codes are stable: they only grow within
 * v1, so clients must treat an unknown code as "refused, see detail". (The label checker's 422
 * answers carry the GS1 decoder's own reason instead, {@code Gs1Exception.Reason}.)
 */
public enum ErrorCode {
    // --- validation (the codec) ---
    /** The body is not JSON, or breaks the parser's limits (depth, sizes, duplicate keys). */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type (a number where a string is expected, …). */
    WRONG_TYPE,
    /** A string or list that must not be empty is empty or blank. */
    EMPTY,
    /** A string or list is longer than allowed. */
    TOO_LONG,
    /** Text does not have the required form (date, time, UUID, decimal, SSCC length …). */
    BAD_FORMAT,
    /** A character that the field does not allow (outside the code alphabet, control characters). */
    BAD_CHARACTER,
    /** A GS1 number (GTIN, SSCC, GLN) with a wrong check digit. */
    CHECK_DIGIT,
    /** Not one of the enum's values (event type, status, reason, kind …). */
    UNKNOWN_ENUM,
    /** A unit of measure that is not a supported UN/ECE Rec 20 code. */
    UNKNOWN_UNIT,
    /** A quantity that must be greater than zero is zero or negative. */
    NOT_POSITIVE,
    /**
     * A value outside its bounds: a date or time outside {@code EventBounds}, a negative count, a
     * zero adjustment, a quantity with too many digits, a sequence number below 1.
     */
    OUT_OF_RANGE,
    /** Well formed but not acceptable here, for a reason given in the detail. */
    INVALID_FIELD,

    // --- business rejections (the server, docs/DOMAIN.md) ---
    /** The item is not in master data. */
    UNKNOWN_ITEM,
    /** The location is not in master data (or not at the event's site). */
    UNKNOWN_LOCATION,
    /** The partner is not in master data. */
    UNKNOWN_PARTNER,
    /** The user is not known. */
    UNKNOWN_USER,
    /** The user or device may not act at this site. */
    SITE_NOT_ALLOWED,
    /** The user's roles do not cover this event type. */
    ROLE_NOT_ALLOWED,
    /** An event type a device never sends (ADJUST: written by the server when a supervisor decides). */
    NOT_FROM_A_DEVICE,
    /** The lot belongs to another site; lots cross sites only through a transfer. */
    LOT_OF_ANOTHER_SITE,
    /** A STATUS change that docs/DOMAIN.md does not allow. */
    INVALID_TRANSITION,
    /** This eventId is already stored with different content. */
    EVENT_ID_CONFLICT,
    /** A release of an item that needs a COA, while none is linked to the lot. */
    COA_MISSING,

    // --- refusals of whole requests ---
    /** Not signed in, or the token is invalid, expired or revoked (401). */
    UNAUTHENTICATED,
    /** Too many failed passwords: the account is locked for a while (401). */
    ACCOUNT_LOCKED,
    /** The enrollment code is unknown, used or expired (401). */
    ENROLLMENT_INVALID,
    /** The change needs an electronic signature: the password is missing (400). */
    SIGNATURE_REQUIRED,
    /** The signature's password is wrong (401). */
    SIGNATURE_INVALID,
    /** Too many attempts from this client; {@code retryAfter} says when to try again (429). */
    RATE_LIMITED,
    /** No such resource (404). */
    NOT_FOUND,
    /** The method is not allowed on this resource (405). */
    METHOD_NOT_ALLOWED,
    /** No answer in a media type the client accepts (406). */
    NOT_ACCEPTABLE,
    /** A device's push leaves a gap in its deviceSeq; {@code expectedSeq} says where to resume (409). */
    SEQUENCE_GAP,
    /** The pull cursor can no longer be served: reload a snapshot (409). */
    CURSOR_EXPIRED,
    /** Something with this identity already exists (409; 400 inside an upload). */
    DUPLICATE,
    /** The task is already closed (409). */
    ALREADY_CLOSED,
    /** The count variance was already approved or rejected (409). */
    ALREADY_DECIDED,
    /** The exception was already resolved (409). */
    ALREADY_RESOLVED,
    /** A request body, file or batch is larger than allowed (413). */
    TOO_LARGE,
    /** A push holds more events than one batch may (413). */
    TOO_MANY_EVENTS,
    /** More items in a list than a request may name (400). */
    TOO_MANY,
    /** A range holds more than one answer may (400). */
    RANGE_TOO_LARGE,
    /** A body or file of a type not accepted here (415). */
    UNSUPPORTED_MEDIA_TYPE,
    /** A site that is neither in master data nor in the upload (400); a transfer naming no known site. */
    UNKNOWN_SITE,
    /** A lot the ledger does not know (400 in a request naming lots). */
    UNKNOWN_LOT,
    /** No lot was received with this supplier lot code (400). */
    UNKNOWN_SUPPLIER_LOT,
    /** A CSV column that is not one of its kind's (400). */
    UNKNOWN_COLUMN,
    /** A CSV file that cannot be read (400). */
    MALFORMED_CSV,
    /** A label that cannot be printed with these data (422). */
    NOT_PRINTABLE,
    /** An SSCC of the wrong length, digits or check digit (422). */
    INVALID_SSCC,
    /** A result names a test the item's specification does not have (400). */
    NOT_IN_SPECIFICATION,
    /** The item has no specification in force to judge results against (409). */
    NO_SPECIFICATION,
    /** Release refused: a required test has no conforming result (422; the detail names the tests). */
    SPECIFICATION_NOT_MET,
    /** A certificate of analysis asked for a lot that is not released by a QA signature (409). */
    NOT_RELEASED,
    /** SSCCs asked for a site whose master data gives no GS1 company prefix (409). */
    NO_COMPANY_PREFIX,
    /** The company prefix has no SSCC numbers left to hand out (409). */
    SSCCS_USED_UP,
    /** Any other malformed request (400). */
    BAD_REQUEST,
    /** The database cannot be reached; retry later, nothing was stored (503). */
    DATABASE_UNAVAILABLE,
    /** An unexpected failure, logged on the server (500). */
    SERVER_ERROR;

    /** The code of a refused status change. */
    public static ErrorCode of(StatusRefusal refusal) {
        return switch (refusal) {
            case INVALID_TRANSITION -> INVALID_TRANSITION;
            case ROLE_NOT_ALLOWED -> ROLE_NOT_ALLOWED;
            case COA_MISSING -> COA_MISSING;
        };
    }
}
