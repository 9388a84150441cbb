package org.lotkeeper.client.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.PullResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCallsTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private SyncClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = SyncClient.create(
                server.url("/").toString(),
                Optional::empty,
                new SyncClient.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        client.shutdown();
        server.close();
    }

    private ApiResult<PullResponse> pull(MockResponse answer) {
        server.enqueue(answer);
        return ApiCalls.execute(client.sync().pull(null, 10, 0, 0));
    }

    @Test
    void aProblemJsonConflictIsParsedWithItsCode() {
        ApiResult<PullResponse> r = pull(new MockResponse.Builder()
                .code(409)
                .addHeader("Content-Type", "application/problem+json")
                .body(
                        "{\"type\":\"urn:x\",\"title\":\"Conflict\",\"status\":409,\"code\":\"CURSOR_EXPIRED\",\"detail\":\"old\"}")
                .build());
        assertThat(r)
                .isInstanceOfSatisfying(
                        ApiResult.Conflict.class,
                        c -> assertThat(c.is(ErrorCode.CURSOR_EXPIRED)).isTrue());
    }

    @Test
    void aClientErrorKeepsTheFieldAndIsNotRetryable() {
        ApiResult<PullResponse> r = pull(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "application/problem+json")
                .body(
                        "{\"status\":400,\"code\":\"WRONG_TYPE\",\"detail\":\"limit must be a number\",\"field\":\"limit\"}")
                .build());
        assertThat(r).isInstanceOfSatisfying(ApiResult.ClientError.class, c -> {
            assertThat(c.status()).isEqualTo(400);
            assertThat(c.problem().field()).isEqualTo("limit");
        });
        assertThat(r.retryable()).isFalse();
    }

    @Test
    void aGatewayPageIsAServerErrorWithAProblemMadeFromTheStatus() {
        ApiResult<PullResponse> r = pull(new MockResponse.Builder()
                .code(502)
                .body("<html>bad gateway</html>")
                .build());
        assertThat(r)
                .isInstanceOfSatisfying(
                        ApiResult.ServerError.class, s -> assertThat(s.status()).isEqualTo(502));
        assertThat(r.retryable()).isTrue();
    }

    @Test
    void anUnreadableSuccessIsAServerErrorNotANetworkError() {
        ApiResult<PullResponse> r = pull(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"complete\": true}")
                .build()); // no cursor
        assertThat(r).isInstanceOf(ApiResult.ServerError.class);
        assertThat(r.retryable()).isTrue();
    }

    @Test
    void aStalledServerIsANetworkError() {
        ApiResult<PullResponse> r = pull(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        assertThat(r).isInstanceOf(ApiResult.NetworkError.class);
    }

    @Test
    void enrollmentStoresTheDeviceIdTokenAndSite() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"deviceId\":\"dev-7f3a\",\"token\":\"secret\",\"site\":\"PLANT-1\"}")
                .build());
        try (SqliteStore store = SqliteStore.open(dir.resolve("device.db"))) {
            ApiResult<EnrollResponse> r = new DeviceEnrollment(client.enroll(), store.settings())
                    .enroll(server.url("/").toString(), "ENR-123", "TC58", "scanner-5in");
            assertThat(r).isInstanceOf(ApiResult.Success.class);
            assertThat(store.settings().deviceId()).contains(new DeviceId("dev-7f3a"));
            assertThat(store.settings().token()).contains("secret");
            assertThat(store.settings().site()).contains(new SiteCode("PLANT-1"));
            assertThat(r.toString()).doesNotContain("secret");
        }
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/devices/enroll");
        assertThat(request.getBody().utf8()).contains("\"code\":\"ENR-123\"").contains("\"profile\":\"scanner-5in\"");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }
}
