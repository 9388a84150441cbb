package org.lotkeeper.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** The records refuse by themselves what the loader refuses, so a profile built in code is as valid as a loaded one. */
class ProfileRecordsTest {

    private static final Screen SCREEN = new Screen(5.0, 720, 1280, 294, Orientation.PORTRAIT);
    private static final ScanInput SCAN = new ScanInput("", Terminator.ENTER, '~', true, 40, 4, true);
    private static final Feedback FEEDBACK = new Feedback(new Tone(2700, 80), new Tone(500, 400), 90);
    private static final HardwareKeys TOUCH = new HardwareKeys(true, false, Optional.empty(), Map.of());

    private static DeviceProfile profile(int minTouchTargetDp, HardwareKeys keys, List<Workflow> workflows) {
        return new DeviceProfile(
                "test",
                "Test",
                "",
                List.of("TC5[0-9]"),
                LayoutClass.COMPACT,
                SCREEN,
                minTouchTargetDp,
                1.0,
                Theme.NORMAL,
                SCAN,
                keys,
                FEEDBACK,
                workflows);
    }

    @Test
    void screenConvertsDensityIndependentPixels() {
        Screen screen = new Screen(5.0, 1080, 1920, 441, Orientation.PORTRAIT);

        assertThat(screen.dpToPx(48)).isEqualTo(48 * 441 / 160.0);
        assertThat(screen.widthDp()).isCloseTo(391.8, offset(0.1));
        assertThat(screen.heightDp()).isCloseTo(696.6, offset(0.1));
    }

    @Test
    void replacementTurnsBackIntoGroupSeparators() {
        assertThat(SCAN.restoreGroupSeparators("010950110153000310ABC123~17251231"))
                .isEqualTo("010950110153000310ABC123\u001D17251231");
    }

    @Test
    void scanInputRefusesOutOfRangeTiming() {
        assertThatThrownBy(() -> new ScanInput("", Terminator.ENTER, '~', true, 0, 4, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interKeyMaxMillis must be between 1 and 200, found 0");
    }

    @Test
    void scanInputRefusesAReplacementInsideSet82() {
        assertThatThrownBy(() -> new ScanInput("", Terminator.ENTER, 'A', true, 40, 4, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groupSeparatorReplacement must be a character outside GS1 set 82");
    }

    @Test
    void screenRefusesADensityThatDoesNotFit() {
        assertThatThrownBy(() -> new Screen(5.0, 720, 1280, 96, Orientation.PORTRAIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("densityDpi does not fit the screen");
    }

    @Test
    void feedbackRefusesTwoTonesOfOnePitch() {
        assertThatThrownBy(() -> new Feedback(new Tone(2700, 80), new Tone(2700, 400), 90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("errorTone.frequencyHz must differ");
    }

    @Test
    void touchProfileRefusesSmallTargets() {
        assertThatThrownBy(() -> profile(47, TOUCH, List.of(Workflow.MOVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minTouchTargetDp must be at least 48 on a touch device");
    }

    @Test
    void profileWithoutTouchRefusesAWorkflowWithoutKey() {
        HardwareKeys keys = new HardwareKeys(
                false,
                true,
                Optional.empty(),
                Map.of(Key.of("F1"), KeyAction.MOVE, Key.of("ESCAPE"), KeyAction.BACK, Key.ENTER, KeyAction.CONFIRM));

        assertThat(profile(40, keys, List.of(Workflow.MOVE)).hasTouch()).isFalse();
        assertThatThrownBy(() -> profile(40, keys, List.of(Workflow.MOVE, Workflow.COUNT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no key for COUNT");
    }

    @Test
    void keyNamesAreJavaFxKeyCodeNamesThatTypeNothing() {
        assertThat(Key.of("F24").name()).isEqualTo("F24");
        assertThat(Key.of("SOFTKEY_0")).isNotNull();
        assertThatThrownBy(() -> Key.of("A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Key.of("DIGIT1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Key.of("BACK_SPACE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hardwareKeysAnswerBothWays() {
        Map<Key, KeyAction> map = new LinkedHashMap<>();
        map.put(Key.of("F2"), KeyAction.HELP);
        map.put(Key.of("F1"), KeyAction.HELP);
        map.put(Key.of("ESCAPE"), KeyAction.BACK);
        HardwareKeys keys = new HardwareKeys(true, false, Optional.of(Key.of("F10")), map);

        assertThat(keys.keysFor(KeyAction.HELP)).containsExactly(Key.of("F2"), Key.of("F1"));
        assertThat(keys.keysFor(KeyAction.SYNC_NOW)).isEmpty();
        assertThat(keys.actionOf(Key.of("ESCAPE"))).contains(KeyAction.BACK);
        assertThat(keys.actionOf(Key.of("F10"))).isEmpty();
    }

    @Test
    void profileKeepsItsOwnCopies() {
        List<Workflow> workflows = new ArrayList<>(List.of(Workflow.MOVE));
        Map<Key, KeyAction> map = new LinkedHashMap<>();
        DeviceProfile profile = profile(48, new HardwareKeys(true, false, Optional.empty(), map), workflows);

        workflows.add(Workflow.PICK);
        map.put(Key.of("F1"), KeyAction.HELP);

        assertThat(profile.workflows()).containsExactly(Workflow.MOVE);
        assertThat(profile.hardwareKeys().functionKeys()).isEmpty();
        assertThatThrownBy(() -> profile.workflows().add(Workflow.PICK))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void modelPatternsMatchTheWholeModelIgnoringCase() {
        DeviceProfile profile = profile(48, TOUCH, List.of(Workflow.MOVE));

        assertThat(profile.matchesModel("tc52")).isTrue();
        assertThat(profile.matchesModel(" TC57 ")).isTrue();
        assertThat(profile.matchesModel("TC52ax")).isFalse();
        assertThat(profile.matchesModel(null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Workflow.class)
    void everyWorkflowHasTheActionThatOpensIt(Workflow workflow) {
        assertThat(KeyAction.opening(workflow).workflow()).contains(workflow);
    }
}
