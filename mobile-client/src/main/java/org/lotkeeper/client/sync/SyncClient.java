package org.lotkeeper.client.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.lotkeeper.model.wire.WireJson;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The device's one HTTP stack: one {@link OkHttpClient}, one {@link Retrofit} on the server's base
 * URL with Jackson configured as {@link WireJson#mapper()}, and one interface per API area
 * ({@link SyncApi}, {@link EnrollApi}). Adds {@code Authorization: Bearer <device token>} when the
 * device has a token, and gzips bodies that declare it (push). Make one per server URL, in one place.
 */
public final class SyncClient {

    /**
     * Timeouts.
     *
     * @param connect connecting to the server
     * @param read    between bytes of the answer (also between bytes written)
     * @param call    the whole call, so a stalled server never holds the sync thread
     */
    public record Timeouts(Duration connect, Duration read, Duration call) {

        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    private final OkHttpClient http;
    private final Retrofit retrofit;
    private final SyncApi syncApi;
    private final EnrollApi enrollApi;

    private SyncClient(OkHttpClient http, Retrofit retrofit) {
        this.http = http;
        this.retrofit = retrofit;
        this.syncApi = retrofit.create(SyncApi.class);
        this.enrollApi = retrofit.create(EnrollApi.class);
    }

    /**
     * A client of the server at {@code baseUrl}.
     *
     * @param baseUrl  the server, e.g. {@code https://lotkeeper.plant.example/}
     * @param token    the device token when there is one (read on every call, so a new enrollment takes effect at once)
     * @param timeouts the timeouts
     */
    public static SyncClient create(String baseUrl, Supplier<Optional<String>> token, Timeouts timeouts) {
        Objects.requireNonNull(token, "token");
        HttpUrl url = HttpUrl.get(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .retryOnConnectionFailure(true)
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    Optional<String> t = token.get();
                    if (t.isPresent() && request.header("Authorization") == null) {
                        request = request.newBuilder()
                                .header("Authorization", "Bearer " + t.get())
                                .build();
                    }
                    return chain.proceed(request);
                })
                .addInterceptor(new GzipRequestInterceptor())
                .build();
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(url)
                .client(http)
                .addConverterFactory(JacksonConverterFactory.create(WireJson.mapper()))
                .build();
        return new SyncClient(http, retrofit);
    }

    public SyncApi sync() {
        return syncApi;
    }

    public EnrollApi enroll() {
        return enrollApi;
    }

    /** The base URL every call goes to. */
    public HttpUrl baseUrl() {
        return retrofit.baseUrl();
    }

    /** Releases connections and threads (at shutdown). */
    public void shutdown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
