package org.lotkeeper.client.sync;

import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.ProblemDetail;

/**
 * Every call's outcome, classified once at the boundary ({@link ApiCalls#execute}).
 *
 * @param <T> the body of a success
 */
public sealed interface ApiResult<T> {

    /** 2xx with a readable body. */
    record Success<T>(T body) implements ApiResult<T> {}

    /** 401: the device token is missing, revoked or wrong; the device must enroll again. */
    record Unauthenticated<T>(ProblemDetail problem) implements ApiResult<T> {}

    /** 409: SEQUENCE_GAP (with {@code expectedSeq}), CURSOR_EXPIRED … */
    record Conflict<T>(ProblemDetail problem) implements ApiResult<T> {

        public boolean is(ErrorCode code) {
            return code.name().equals(problem.code());
        }
    }

    /** Any other 4xx: the server refused the request; repeating it unchanged will not help. */
    record ClientError<T>(int status, ProblemDetail problem) implements ApiResult<T> {}

    /** 5xx, or an answer that cannot be read: worth retrying later. */
    record ServerError<T>(int status, String detail) implements ApiResult<T> {}

    /** No answer: no connection, a dropped connection, a timeout. Worth retrying later. */
    record NetworkError<T>(String detail) implements ApiResult<T> {}

    /** True when a later retry of the same request may succeed (5xx, network). */
    default boolean retryable() {
        return this instanceof ServerError || this instanceof NetworkError;
    }

    /** A short description for logs and the status line (no tokens, no bodies). */
    default String describe() {
        if (this instanceof Success) {
            return "ok";
        } else if (this instanceof Unauthenticated<T> u) {
            return "401 " + u.problem().code() + ": " + u.problem().detail();
        } else if (this instanceof Conflict<T> c) {
            return "409 " + c.problem().code() + ": " + c.problem().detail();
        } else if (this instanceof ClientError<T> c) {
            return c.status() + " " + c.problem().code() + ": " + c.problem().detail();
        } else if (this instanceof ServerError<T> s) {
            return (s.status() > 0 ? s.status() + " " : "") + s.detail();
        } else {
            return ((NetworkError<T>) this).detail();
        }
    }
}
