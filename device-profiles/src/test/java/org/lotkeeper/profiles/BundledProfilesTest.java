package org.lotkeeper.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class BundledProfilesTest {

    private static final DeviceProfiles BUNDLED = DeviceProfiles.bundled();

    /** GS1 set 82, written out here independently of the code under test. */
    private static final Pattern SET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]");

    static List<String> names() {
        return BUNDLED.names();
    }

    static List<DeviceProfile> touchProfiles() {
        return BUNDLED.all().stream().filter(DeviceProfile::hasTouch).toList();
    }

    static List<DeviceProfile> profilesWithoutTouch() {
        return BUNDLED.all().stream().filter(p -> !p.hasTouch()).toList();
    }

    @Test
    void indexListsTheDeviceKindsTheIssueAsksFor() {
        assertThat(BUNDLED.names())
                .containsExactly(
                        "zebra-tc5x", "zebra-mc33", "honeywell-ct4x", "dock-tablet-10", "desktop", "generic-touch");
        assertThat(BUNDLED.defaultProfile().name()).isEqualTo("generic-touch");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyBundledFileLoadsThroughThePublicLoaderToTheSameProfile(String name) throws IOException {
        String file = name + ".json";
        try (InputStream in = getClass().getResourceAsStream(DeviceProfiles.RESOURCE_DIRECTORY + file)) {
            assertThat(in).as(file).isNotNull();
            DeviceProfile loaded = ProfileLoader.read(in, file);

            assertThat(loaded.name()).as("name matches the file name").isEqualTo(name);
            assertThat(BUNDLED.byName(name)).contains(loaded);
        }
    }

    @Test
    void namesAreUniqueAndDisplayNamesToo() {
        List<DeviceProfile> all = BUNDLED.all();

        assertThat(all).extracting(DeviceProfile::name).doesNotHaveDuplicates();
        assertThat(all).extracting(DeviceProfile::displayName).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("touchProfiles")
    void touchProfilesHaveTargetsOfAtLeast48Dp(DeviceProfile profile) {
        assertThat(profile.minTouchTargetDp()).isGreaterThanOrEqualTo(48);
    }

    @ParameterizedTest
    @MethodSource("profilesWithoutTouch")
    void profilesWithoutTouchReachEveryWorkflowBackAndConfirmByKey(DeviceProfile profile) {
        HardwareKeys keys = profile.hardwareKeys();

        for (Workflow workflow : profile.workflows()) {
            assertThat(keys.keysFor(KeyAction.opening(workflow)))
                    .as(profile.name() + " " + workflow)
                    .isNotEmpty();
        }
        assertThat(keys.keysFor(KeyAction.BACK)).isNotEmpty();
        assertThat(keys.keysFor(KeyAction.CONFIRM)).isNotEmpty();
    }

    @Test
    void keypadScannerIsFullyUsableWithoutTouch() {
        DeviceProfile keypad = BUNDLED.byName("zebra-mc33").orElseThrow();

        assertThat(keypad.hasTouch()).isFalse();
        assertThat(keypad.hardwareKeys().numericKeypad()).isTrue();
        assertThat(keypad.workflows()).containsExactlyInAnyOrder(Workflow.values());
        Set<Key> workflowKeys = new HashSet<>();
        for (Workflow workflow : Workflow.values()) {
            List<Key> keys = keypad.hardwareKeys().keysFor(KeyAction.opening(workflow));
            assertThat(keys).as(workflow.name()).hasSize(1);
            workflowKeys.addAll(keys);
        }
        assertThat(workflowKeys).as("one key per workflow").hasSize(Workflow.values().length);
        assertThat(keypad.screen().diagonalInches()).isLessThanOrEqualTo(4.5);
    }

    @Test
    void touchHandheldsOfTwoVendorsAreCompactFiveInchScreens() {
        for (String name : List.of("zebra-tc5x", "honeywell-ct4x")) {
            DeviceProfile profile = BUNDLED.byName(name).orElseThrow();
            assertThat(profile.hasTouch()).as(name).isTrue();
            assertThat(profile.layoutClass()).as(name).isEqualTo(LayoutClass.COMPACT);
            assertThat(profile.screen().diagonalInches()).as(name).isEqualTo(5.0);
            assertThat(profile.modelPatterns()).as(name).isNotEmpty();
        }
    }

    @Test
    void dockTabletIsALandscapeTabletThatScansWithItsCamera() {
        DeviceProfile tablet = BUNDLED.byName("dock-tablet-10").orElseThrow();

        assertThat(tablet.layoutClass()).isEqualTo(LayoutClass.TABLET);
        assertThat(tablet.screen().diagonalInches()).isBetween(8.0, 10.5);
        assertThat(tablet.screen().orientation()).isEqualTo(Orientation.LANDSCAPE);
        assertThat(tablet.scanInput().camera()).isTrue();
        assertThat(tablet.offers(Workflow.RECEIVE)).isTrue();
    }

    @Test
    void desktopIsChosenByNameOnly() {
        DeviceProfile desktop = BUNDLED.byName("desktop").orElseThrow();

        assertThat(desktop.layoutClass()).isEqualTo(LayoutClass.DESKTOP);
        assertThat(desktop.modelPatterns()).isEmpty();
        assertThat(desktop.workflows()).containsExactlyInAnyOrder(Workflow.values());
    }

    @Test
    void defaultProfileIsACautiousTouchHandheld() {
        DeviceProfile fallback = BUNDLED.defaultProfile();

        assertThat(fallback.hasTouch()).isTrue();
        assertThat(fallback.scanInput().camera()).isTrue();
        assertThat(fallback.modelPatterns()).as("reached only as the fallback").isEmpty();
        assertThat(fallback.workflows()).containsExactlyInAnyOrder(Workflow.values());
    }

    @ParameterizedTest
    @MethodSource("names")
    void scannerFramingUsesNoCharacterOfSet82(String name) {
        ScanInput scan = BUNDLED.byName(name).orElseThrow().scanInput();

        assertThat(SET_82.matcher(String.valueOf(scan.groupSeparatorReplacement()))
                        .matches())
                .isFalse();
        assertThat(scan.prefix().chars().mapToObj(c -> String.valueOf((char) c)))
                .noneMatch(c -> SET_82.matcher(c).matches());
    }

    @Test
    void bothCommonGroupSeparatorReplacementsAreShown() {
        assertThat(BUNDLED.all())
                .extracting(p -> p.scanInput().groupSeparatorReplacement())
                .contains('~', '|');
    }

    @Test
    void registryIsLoadedOnce() {
        assertThat(DeviceProfiles.bundled()).isSameAs(BUNDLED);
    }
}
