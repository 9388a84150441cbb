package org.lotkeeper.client.sync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a device may send its token: https anywhere, plain http only to itself or with the development flag. */
class ServerAddressTest {

    @Test
    void httpsIsAllowedEverywhere() {
        assertThat(ServerAddress.problemWith("https://lotkeeper.plant.example", false))
                .isNull();
        assertThat(ServerAddress.problemWith("https://10.0.0.5:8443/", false)).isNull();
    }

    @Test
    void plainHttpOnlyToThisMachineUnlessTheDevelopmentFlagIsSet() {
        assertThat(ServerAddress.problemWith("http://127.0.0.1:8080", false)).isNull();
        assertThat(ServerAddress.problemWith("http://localhost:8080/", false)).isNull();
        assertThat(ServerAddress.problemWith("http://[::1]:8080/", false)).isNull();
        assertThat(ServerAddress.problemWith("http://evil.example", false)).contains("https://");
        assertThat(ServerAddress.problemWith("http://127.0.0.1.evil.example", false))
                .contains("https://");
        assertThat(ServerAddress.problemWith("http://192.168.1.20:8080", false)).contains("https://");
        assertThat(ServerAddress.problemWith("http://192.168.1.20:8080", true)).isNull();
    }

    @Test
    void anythingElseIsRefusedWithASentence() {
        assertThat(ServerAddress.problemWith("ftp://x.example", true)).contains("https://");
        assertThat(ServerAddress.problemWith("lotkeeper.plant.example", true)).contains("https://");
        assertThat(ServerAddress.problemWith("", true)).contains("https://");
        assertThat(ServerAddress.problemWith(null, true)).contains("https://");
        assertThat(ServerAddress.problemWith("https://exa mple", true)).contains("https://");
    }
}
