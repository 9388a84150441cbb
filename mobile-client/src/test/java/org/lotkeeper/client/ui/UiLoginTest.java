package org.lotkeeper.client.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Login works offline (the server address of the device answers nothing): badge scan, PIN keyed. */
class UiLoginTest extends HandheldTest {

    @Test
    void anaLogsInOfflineWithBadgeAndPinAndTheHomeScreenOffersTheProfilesWorkflows() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        assertThat(device.screenId()).isEqualTo("login");
        assertThat(device.prompt()).isEqualTo("Scan your badge.");
        assertThat(device.text("#status-user")).isEqualTo("Nobody logged in");
        assertThat(device.text("#status-connectivity")).isEqualTo("Not synced yet");

        device.scan("B-1001");
        assertThat(device.prompt()).isEqualTo("Key your PIN.");
        assertThat(device.feedback()).startsWith("Hello Ana Receiver.");
        assertThat(device.styleClasses("#feedback")).contains("feedback-good");
        assertThat(device.shows("#pin")).isTrue();

        device.type("471147");

        assertThat(device.screenId()).isEqualTo("home");
        assertThat(device.text("#status-user")).isEqualTo("Ana Receiver");
        assertThat(device.buttonTexts()).startsWith("1  Receive", "2  Move / put away", "3  Pick");
        assertThat(device.tones).containsExactly("good", "good");
    }

    @Test
    void aWrongPinIsRedWithTheErrorToneAndSaysHowManyTriesAreLeft() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.scan("B-1001").type("000000");

        assertThat(device.screenId()).isEqualTo("login");
        assertThat(device.feedback()).isEqualTo("Wrong PIN — key it again (4 tries left).");
        assertThat(device.styleClasses("#feedback")).contains("feedback-error");
        // the TC5x profile starts in the high-contrast theme: its darker red
        assertThat(device.background("#feedback")).isEqualTo(Color.web("#b00000"));
        assertThat(device.tones).endsWith("error");
    }

    @Test
    void aPinTypedWithoutTheFieldFocusedIsEchoedAsDotsAndStillLogsIn() throws Exception {
        device = Handheld.open(dir, "zebra-mc33");
        device.scan("B-1001");
        Handheld.interact(() -> device.shell().scene().getRoot().requestFocus());
        device.typeKeys("471147");
        assertThat(device.text("#typed")).isEqualTo("Typed: ••••••   (ENTER)");
        device.press(KeyCode.ENTER);
        assertThat(device.screenId()).isEqualTo("home");
    }

    @Test
    void anUnknownBadgeSaysWhatToDo() throws Exception {
        device = Handheld.open(dir, "zebra-tc5x");
        device.scan("B-9999");
        assertThat(device.feedback())
                .isEqualTo("Badge B-9999 is not known on this device — sync the device, or ask your supervisor.");
        assertThat(device.prompt()).isEqualTo("Scan your badge.");
    }

    @Test
    void onTheKeypadScannerF1OpensReceiveAndEscGoesBackHome() throws Exception {
        device = Handheld.open(dir, "zebra-mc33");
        device.logInAna();
        assertThat(device.buttonTexts()).contains("1  Receive   F1", "3  Pick   F3");

        device.press(KeyCode.F1);
        assertThat(device.screenId()).isEqualTo("workflow-receive");
        device.press(KeyCode.ESCAPE);
        assertThat(device.screenId()).isEqualTo("home");

        device.type("4");
        assertThat(device.screenId()).isEqualTo("workflow-count");

        // no touch: the first job has the focus, the arrow keys move it, ENTER opens the focused one
        device.press(KeyCode.ESCAPE);
        assertThat(device.shell().scene().getFocusOwner().getId()).isEqualTo("home-receive");
        device.press(KeyCode.ENTER);
        assertThat(device.screenId()).isEqualTo("workflow-receive");
    }

    @Test
    void aNewDeviceStartsWithEnrollmentABadServerAddressGetsASentenceAndTheProfileCanBeChosenFirst() throws Exception {
        device = Handheld.fresh(dir, "zebra-tc5x");
        assertThat(device.screenId()).isEqualTo("enrollment");
        assertThat(device.text("#status-connectivity")).isEqualTo("Not enrolled");
        device.fill("server-url", "lotkeeper.plant");
        device.scan("K7Q2-9XTD");
        assertThat(device.feedback()).startsWith("Enter the server address, e.g. https://");
        assertThat(device.styleClasses("#feedback")).contains("feedback-error");

        // the profile is chosen before enrolling; back from Settings is enrollment again
        device.tap("Settings").choose("settings-profile", "zebra-mc33").tap("Save");
        assertThat(device.screenId()).isEqualTo("enrollment");
        assertThat(device.rootStyleClasses()).contains("keys-only");
    }
}
