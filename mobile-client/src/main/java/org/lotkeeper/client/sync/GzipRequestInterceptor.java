package org.lotkeeper.client.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Compresses the body of a request that declares {@code Content-Encoding: gzip} (an API method
 * annotated with {@link #HEADER}). The compressed body has a known length, so a retry resends the
 * same bytes.
 */
final class GzipRequestInterceptor implements Interceptor {

    /** The header an API method declares to have its body compressed. */
    static final String HEADER = "Content-Encoding: gzip";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        if (body == null || !"gzip".equalsIgnoreCase(request.header("Content-Encoding"))) {
            return chain.proceed(request);
        }
        Buffer plain = new Buffer();
        body.writeTo(plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(plain.size() / 4 + 64, Integer.MAX_VALUE));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            plain.writeTo(gzip);
        }
        RequestBody compressed = RequestBody.create(out.toByteArray(), body.contentType());
        return chain.proceed(
                request.newBuilder().method(request.method(), compressed).build());
    }
}
