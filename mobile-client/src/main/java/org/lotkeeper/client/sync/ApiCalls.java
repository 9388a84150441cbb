package org.lotkeeper.client.sync;

import java.io.IOException;

import com.fasterxml.jackson.core.JacksonException;
import okhttp3.ResponseBody;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.ProblemDetail;
import org.lotkeeper.model.wire.WireJson;
import retrofit2.Call;
import retrofit2.Response;

/** Runs a Retrofit call and classifies its outcome: the only place that looks at status codes and exceptions. */
public final class ApiCalls {

    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private ApiCalls() {}

    /** Executes {@code call} on the calling thread and classifies the outcome; never throws for I/O or HTTP errors. */
    public static <T> ApiResult<T> execute(Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (JacksonException e) {
            return new ApiResult.ServerError<>(-1, "unreadable answer: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new ApiResult.NetworkError<>(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (RuntimeException e) {
            return new ApiResult.ServerError<>(
                    -1, "unreadable answer: " + e.getClass().getSimpleName());
        }
        int status = response.code();
        if (response.isSuccessful()) {
            T body = response.body();
            return body == null ? new ApiResult.ServerError<>(status, "empty answer") : new ApiResult.Success<>(body);
        }
        ProblemDetail problem = problem(status, response.errorBody());
        if (status == 401) {
            return new ApiResult.Unauthenticated<>(problem);
        } else if (status == 409) {
            return new ApiResult.Conflict<>(problem);
        } else if (status >= 400 && status < 500) {
            return new ApiResult.ClientError<>(status, problem);
        }
        return new ApiResult.ServerError<>(status, problem.code() + ": " + problem.detail());
    }

    /** The problem+json body, or a problem made from the status when the body is not one. */
    static ProblemDetail problem(int status, ResponseBody body) {
        if (body != null) {
            try (body) {
                okio.BufferedSource source = body.source();
                source.request(MAX_PROBLEM_BYTES);
                byte[] bytes = source.readByteArray(Math.min(source.getBuffer().size(), MAX_PROBLEM_BYTES));
                Decoded<ProblemDetail> d = WireJson.read(bytes, ProblemDetail.class);
                if (d.isOk() && d.value().code() != null) {
                    return d.value();
                }
            } catch (IOException | RuntimeException e) {
                // fall through: the status alone
            }
        }
        return ProblemDetail.of(status, "HTTP_" + status, "the server answered " + status, null);
    }
}
