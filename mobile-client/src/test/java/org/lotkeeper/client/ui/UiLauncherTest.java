package org.lotkeeper.client.ui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.core.RiversideDevice;
import org.testfx.api.FxToolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desktop launcher: its arguments, and the real application starting on a device's data directory. */
class UiLauncherTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationStartsOnTheChosenProfileAtTheLoginOfAnEnrolledDevice() throws Exception {
        RiversideDevice.prepare(dir.resolve("lotkeeper.db"), List.of());
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(
                LotkeeperApp.class,
                "--profile",
                "zebra-mc33",
                "--data",
                dir.toString(),
                "--server",
                "http://127.0.0.1:9");
        try {
            Parent root = stage.getScene().getRoot();
            assertThat(stage.getTitle()).isEqualTo("Lotkeeper — Zebra MC3300-class keypad scanner (4 inch)");
            assertThat(root.getStyleClass()).contains("layout-compact", "keys-only", "theme-high-contrast");
            assertThat(root.lookup("#login")).isNotNull();
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void aNewDeviceStartsOnADataDirectoryThatDoesNotExistYetAtEnrollment() throws Exception {
        Path fresh = dir.resolve("new-gun").resolve("data");
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(
                LotkeeperApp.class,
                "--profile",
                "zebra-tc5x",
                "--data",
                fresh.toString(),
                "--server",
                "http://127.0.0.1:9");
        try {
            assertThat(fresh.resolve("lotkeeper.db")).exists();
            assertThat(stage.getScene().getRoot().lookup("#enrollment")).isNotNull();
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void argumentsAreParsedAndABadOneGetsASentenceWithTheUsage() {
        LaunchOptions o = LaunchOptions.parse(
                List.of("--server", "https://lk.example", "--profile", "zebra-tc5x", "--data", "/tmp/x"));
        assertThat(o).isEqualTo(new LaunchOptions("https://lk.example", "zebra-tc5x", Path.of("/tmp/x"), null));
        assertThat(LaunchOptions.parse(List.of()).dataDir()).isNull();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sever", "x")))
                .hasMessageStartingWith("Unknown argument '--sever'.")
                .hasMessageContaining("usage: lotkeeper-client");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--profile")))
                .hasMessageStartingWith("--profile needs a value.");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--server", "lk.example")))
                .hasMessage("--server must be an http:// or https:// address, found 'lk.example'.");
    }
}
