package org.lotkeeper.client.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device token and the PIN verifiers never reach the SQLite file in the clear: a copy of the
 * file alone gives neither; the device itself reads both; a token stored before sealing is sealed
 * when the store opens; the key file is the OS user's only.
 */
class DeviceSecretsAtRestTest {

    @TempDir
    Path dir;

    /** Every text value of the settings and users tables, as someone with a copy of the file reads them. */
    private List<String> rawValues(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String sql : List.of("SELECT value FROM device_settings", "SELECT json FROM users")) {
                try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aCopiedFileHoldsNeitherTheTokenNorAPinVerifier() throws Exception {
        Path file = dir.resolve("device.db");
        RiversideDevice.prepare(file, List.of());
        String verifier;
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.settings().token()).contains("t0k3n");
            verifier = store.view().user(UserId.of("ana")).orElseThrow().pinVerifier();
            assertThat(PinVerifier.matches("471147", verifier)).isTrue();
        }
        assertThat(rawValues(file))
                .isNotEmpty()
                .noneMatch(v -> v.contains("t0k3n"))
                .noneMatch(v -> v.contains(verifier))
                .noneMatch(v -> v.contains("\"pinVerifier\":\"argon2id$"));
        assertThat(Files.getPosixFilePermissions(SqliteStore.keyFile(file)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // the same file beside another key: nothing opens, so nobody signs in and nothing syncs
        Path copy = dir.resolve("copy.db");
        Files.copy(file, copy);
        try (SqliteStore store = SqliteStore.open(copy)) {
            assertThat(store.settings().token()).isEmpty();
            assertThat(store.view().user(UserId.of("ana")).orElseThrow().pinVerifier())
                    .isNull();
        }
    }

    @Test
    void aTokenStoredBeforeSealingIsSealedWhenTheStoreOpens() throws Exception {
        Path file = dir.resolve("device.db");
        RiversideDevice.prepare(file, List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement()
                    .executeUpdate("UPDATE device_settings SET value = 'old-plain-token' WHERE key = 'device.token'");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.settings().token()).contains("old-plain-token");
        }
        assertThat(rawValues(file)).noneMatch(v -> v.contains("old-plain-token"));
    }
}
