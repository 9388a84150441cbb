package org.lotkeeper.client.ui;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.model.wire.PushError;
import org.lotkeeper.model.wire.PushResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile switch re-lays the screens out; the sync status screen lists what needs attention. */
class UiProfileAndSyncTest extends HandheldTest {

    @Test
    void switchingFromTheScannerGunToTheDockTabletChangesTheLayoutClassAndKeepsTheDevice() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna();
        assertThat(device.rootStyleClasses()).contains("layout-compact", "touch", "theme-high-contrast");
        device.tap("1  Receive");
        assertThat(device.shows(".panes")).isFalse();

        device.press(KeyCode.ESCAPE).tapContaining("Settings");
        device.choose("settings-profile", "dock-tablet-10").tap("Save");

        assertThat(device.rootStyleClasses()).contains("layout-tablet").doesNotContain("layout-compact");
        assertThat(device.windowWidth()).isEqualTo(1371);
        assertThat(device.screenId()).isEqualTo("login");
        assertThat(device.context().core().isEnrolled()).isTrue();
        assertThat(UiPreferences.in(dir).profileName()).contains("dock-tablet-10");

        device.logInAna().tap("1  Receive");
        assertThat(device.shows(".panes")).isTrue();
    }

    @Test
    void turningHighContrastOffInSettingsTakesTheNormalTheme() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna().tapContaining("Settings");
        javafx.scene.control.CheckBox contrast = (javafx.scene.control.CheckBox) device.node("#settings-high-contrast");
        assertThat(contrast.isSelected()).isTrue();
        Handheld.interact(() -> contrast.setSelected(false));
        device.tap("Save");

        assertThat(device.rootStyleClasses()).doesNotContain("theme-high-contrast");
        assertThat(device.screenId()).isEqualTo("home");
        device.tap("8  Lot lookup").scan("WH-Z-99");
        assertThat(device.background("#feedback")).isEqualTo(Color.web("#c62828"));
    }

    @Test
    void aRejectedEventIsListedWithItsReasonAndWhatToDo() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.logInAna().tap("2  Move");
        device.scan(Handheld.primerLabel("PR-1001")).scan("WH-B-01");
        assertThat(device.text("#status-pending")).isEqualTo("1 to sync");
        List<OutboxEntry> sent = device.context().core().store().outbox().all();
        device.context()
                .core()
                .store()
                .outbox()
                .applyResults(List.of(PushResult.rejected(
                        sent.get(0).event().eventId(),
                        new PushError("UNKNOWN_LOCATION", "Location WH-B-01 is not known at PLANT-1", "to"))));

        device.press(KeyCode.ESCAPE).press(KeyCode.ESCAPE).tapContaining("Sync status");

        assertThat(device.screenId()).isEqualTo("sync-status");
        assertThat(device.text("#sync-summary")).startsWith("0 events wait to be sent.\nLast sync: never.");
        assertThat(device.shell().scene().getRoot().lookupAll(".attention-item"))
                .singleElement()
                .extracting(n -> ((javafx.scene.control.Label) n).getText())
                .asString()
                .startsWith("#1 MOVE — UNKNOWN_LOCATION: Location WH-B-01 is not known at PLANT-1 → ")
                .contains("your supervisor corrects it on the console");
        assertThat(device.text("#status-pending")).isEqualTo("0 to sync, 1 need attention");
    }
}
