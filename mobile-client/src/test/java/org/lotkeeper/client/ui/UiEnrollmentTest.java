package org.lotkeeper.client.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrollment against a MockWebServer standing in for the sync server (the only external part). */
class UiEnrollmentTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private Handheld device;

    @BeforeEach
    void startServer() throws Exception {
        server.start();
    }

    @AfterEach
    void close() throws Exception {
        device.close();
        server.close();
    }

    @Test
    void scanningTheConsolesCodeEnrollsTheDeviceAndOpensTheLogin() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"deviceId\":\"dev-7f3a\",\"token\":\"secret\",\"site\":\"PLANT-1\"}")
                .build());
        device = Handheld.fresh(dir, "zebra-tc5x");
        device.fill("server-url", server.url("/").toString());

        device.scan("K7Q2-9XTD");

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/devices/enroll");
        assertThat(request.getBody().utf8()).contains("\"code\":\"K7Q2-9XTD\"").contains("\"profile\":\"zebra-tc5x\"");
        assertThat(device.screenId()).isEqualTo("login");
        assertThat(device.context().core().isEnrolled()).isTrue();
        assertThat(device.text("#status-connectivity")).isNotEqualTo("Not enrolled");
    }

    @Test
    void aRefusedCodeIsRedAndSaysToAskForANewOne() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "application/problem+json")
                .body(
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"code\":\"ENROLLMENT_CODE_INVALID\","
                                + "\"detail\":\"The code is not valid\"}")
                .build());
        device = Handheld.fresh(dir, "zebra-tc5x");
        device.fill("server-url", server.url("/").toString())
                .fill("enrollment-code", "OLD-CODE")
                .tap("Enroll");

        assertThat(device.screenId()).isEqualTo("enrollment");
        assertThat(device.feedback())
                .startsWith("The server refused the code (400 ")
                .endsWith("ask for a new code on the console and scan it.");
        assertThat(device.styleClasses("#feedback")).contains("feedback-error");
        assertThat(device.context().core().isEnrolled()).isFalse();
    }
}
