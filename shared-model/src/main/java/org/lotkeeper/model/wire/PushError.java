package org.lotkeeper.model.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a pushed event was rejected: {@code {"code": "UNKNOWN_ITEM", "detail": "...", "field": "events[3].payload.item"}}.
 * The code is kept as text so that a device can read codes a newer server adds;
 * {@link #rejectionCode()} gives the typed code when it is a known one.
 *
 * @param code   the stable code, usually a {@link ErrorCode} name
 * @param detail a sentence for people (escape it when shown)
 * @param field  the path of the field at fault, or null
 */
public record PushError(String code, String detail, String field) {

    /** Code and detail are required. */
    public PushError {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(detail, "detail is required");
    }

    /** An error with a known code. */
    public static PushError of(ErrorCode code, String detail, String field) {
        return new PushError(code.name(), detail, field);
    }

    /** The code as a {@link ErrorCode}, when this client knows it. */
    public Optional<ErrorCode> rejectionCode() {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
