package org.lotkeeper.server.trace;

import java.util.Locale;

import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/** Which way a trace goes: to ancestors (inputs), to descendants (outputs and customers), or both. */
public enum Direction {
    BACKWARD,
    FORWARD,
    BOTH;

    /** From the query parameter; absent means both, anything unknown answers 400. */
    public static Direction parse(String text) {
        if (text == null || text.isEmpty()) {
            return BOTH;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "direction must be backward, forward or both", "direction");
        }
    }
}
