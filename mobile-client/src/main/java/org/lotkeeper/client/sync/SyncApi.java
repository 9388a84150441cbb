package org.lotkeeper.client.sync;

import org.lotkeeper.model.wire.PinCheck;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushRequest;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.SiteChanges;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Query;

/** Device sync (docs/PROTOCOL.md "Push" and "Pull"); the device token is added by {@link SyncClient}. */
public interface SyncApi {

    /** Pushes events; the body is gzip-compressed by {@link SyncClient}'s interceptor. */
    @POST("api/v1/sync/push")
    @Headers(GzipRequestInterceptor.HEADER)
    Call<PushResponse> push(@Body PushRequest request);

    /**
     * Pulls reference data; {@code cursor} null asks for a snapshot of the device's site.
     * {@code ssccBlock} and {@code ssccLeft} say which SSCC block the device holds newest and how many
     * SSCCs it has left: the first page of a cycle may carry a block (docs/PROTOCOL.md pull).
     */
    @GET("api/v1/sync/pull")
    Call<PullResponse> pull(
            @Query("cursor") String cursor,
            @Query("limit") int limit,
            @Query("ssccBlock") long ssccBlock,
            @Query("ssccLeft") int ssccLeft);

    /** The site's change number (docs/PROTOCOL.md "Changes"): a cheap read, asked every few seconds. */
    @GET("api/v1/sync/changes")
    Call<SiteChanges> changes();

    /** Asks the server whether a keyed PIN is right (docs/PROTOCOL.md "PIN check"). */
    @POST("api/v1/devices/pin-check")
    Call<PinCheck.Response> pinCheck(@Body PinCheck.Request request);
}
