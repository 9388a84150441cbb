package org.lotkeeper.client.sim;

import java.io.IOException;
import java.util.Objects;

import okhttp3.Request;
import okio.Timeout;
import org.lotkeeper.client.sync.SyncApi;
import org.lotkeeper.model.wire.PinCheck;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushRequest;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.SiteChanges;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The simulated device's radio: while off, every sync call fails as a lost connection would
 * (an {@link IOException}, which the engine classifies as a network error) without reaching the
 * server; while on, calls go through unchanged.
 */
public final class NetworkSwitch {

    private volatile boolean online = true;

    public boolean isOnline() {
        return online;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    /** {@code api} behind this switch. */
    public SyncApi wrap(SyncApi api) {
        Objects.requireNonNull(api, "api");
        return new SyncApi() {
            @Override
            public Call<PushResponse> push(PushRequest request) {
                return online ? api.push(request) : new Offline<>();
            }

            @Override
            public Call<PullResponse> pull(String cursor, int limit, long ssccBlock, int ssccLeft) {
                return online ? api.pull(cursor, limit, ssccBlock, ssccLeft) : new Offline<>();
            }

            @Override
            public Call<SiteChanges> changes() {
                return online ? api.changes() : new Offline<>();
            }

            @Override
            public Call<PinCheck.Response> pinCheck(PinCheck.Request request) {
                return online ? api.pinCheck(request) : new Offline<>();
            }
        };
    }

    /** A call that fails like a dropped connection. */
    private static final class Offline<T> implements Call<T> {
        private boolean executed;
        private boolean canceled;

        @Override
        public Response<T> execute() throws IOException {
            executed = true;
            throw new IOException("simulated: the device is offline");
        }

        @Override
        public void enqueue(Callback<T> callback) {
            executed = true;
            callback.onFailure(this, new IOException("simulated: the device is offline"));
        }

        @Override
        public boolean isExecuted() {
            return executed;
        }

        @Override
        public void cancel() {
            canceled = true;
        }

        @Override
        public boolean isCanceled() {
            return canceled;
        }

        @Override
        public Call<T> clone() {
            return new Offline<>();
        }

        @Override
        public Request request() {
            return new Request.Builder().url("http://offline.invalid/").build();
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }
    }
}
