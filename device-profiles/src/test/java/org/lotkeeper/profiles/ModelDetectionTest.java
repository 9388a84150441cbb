package org.lotkeeper.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelDetectionTest {

    private static final DeviceProfiles BUNDLED = DeviceProfiles.bundled();

    @ParameterizedTest
    @CsvSource(textBlock = """
            TC52,     zebra-tc5x
            TC52ax,   zebra-tc5x
            tc57,     zebra-tc5x
            TC58,     zebra-tc5x
            TC21,     zebra-tc5x
            MC33,     zebra-mc33
            MC3300x,  zebra-mc33
            MC3300ax, zebra-mc33
            CT40,     honeywell-ct4x
            CT45P,    honeywell-ct4x
            CT47,     honeywell-ct4x
            ET51,     dock-tablet-10
            ET60,     dock-tablet-10
            """)
    void knownModelPicksItsProfileWithoutANote(String model, String expected) {
        ProfileChoice choice = BUNDLED.forModel(model);

        assertThat(choice.profile().name()).isEqualTo(expected);
        assertThat(choice.basis()).isEqualTo(ProfileChoice.Basis.MODEL);
        assertThat(choice.note()).isEmpty();
        assertThat(choice.isFallback()).isFalse();
    }

    @Test
    void modelWithSurroundingBlanksStillMatches() {
        assertThat(BUNDLED.forModel("  TC52\n").profile().name()).isEqualTo("zebra-tc5x");
    }

    @Test
    void unknownModelFallsBackToTheDefaultAndSaysSo() {
        ProfileChoice choice = BUNDLED.forModel("XYZ");

        assertThat(choice.profile().name()).isEqualTo("generic-touch");
        assertThat(choice.isFallback()).isTrue();
        assertThat(choice.note())
                .contains(
                        "Unknown device model 'XYZ' — using the default profile 'generic-touch'; choose a profile in Settings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XTC52", "CT4", "TC5", "MC3", "iPhone15,2"})
    void patternMustMatchTheWholeModel(String model) {
        assertThat(BUNDLED.forModel(model).isFallback()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingModelFallsBackAndSaysSo(String model) {
        ProfileChoice choice = BUNDLED.forModel(model);

        assertThat(choice.profile()).isSameAs(BUNDLED.defaultProfile());
        assertThat(choice.note())
                .contains(
                        "The device reported no model — using the default profile 'generic-touch'; choose a profile in Settings");
    }

    @Test
    void noteShowsAHostileModelNameHarmlessly() {
        String model = "EVIL\u0007\n" + "X".repeat(100);

        String note = BUNDLED.forModel(model).note().orElseThrow();

        assertThat(note).startsWith("Unknown device model 'EVIL??" + "X".repeat(34) + "…' — using the default profile");
    }

    @Test
    void nameChosenInSettingsWinsOverTheModel() {
        ProfileChoice choice = BUNDLED.select("zebra-mc33", "TC52");

        assertThat(choice.profile().name()).isEqualTo("zebra-mc33");
        assertThat(choice.basis()).isEqualTo(ProfileChoice.Basis.CHOSEN);
        assertThat(choice.note()).isEmpty();
    }

    @Test
    void noChosenNameMeansTheModelDecides() {
        assertThat(BUNDLED.select(null, "CT40").profile().name()).isEqualTo("honeywell-ct4x");
        assertThat(BUNDLED.select(" ", "CT40").profile().name()).isEqualTo("honeywell-ct4x");
    }

    @Test
    void chosenNameThatNoLongerExistsIsSaidAndTheModelDecides() {
        ProfileChoice choice = BUNDLED.select("site-tc5x", "TC52");

        assertThat(choice.profile().name()).isEqualTo("zebra-tc5x");
        assertThat(choice.basis()).isEqualTo(ProfileChoice.Basis.MODEL);
        assertThat(choice.note())
                .contains("The profile 'site-tc5x' chosen in Settings does not exist — using "
                        + "'zebra-tc5x' for device model 'TC52'; choose a profile in Settings");
    }

    @Test
    void chosenNameThatNoLongerExistsOnAnUnknownDeviceSaysBoth() {
        ProfileChoice choice = BUNDLED.select("site-tc5x", "XYZ");

        assertThat(choice.isFallback()).isTrue();
        assertThat(choice.note())
                .contains("The profile 'site-tc5x' chosen in Settings does not exist; unknown device "
                        + "model 'XYZ' — using the default profile 'generic-touch'; choose a profile in Settings");
    }

    @Test
    void byNameIsExact() {
        assertThat(BUNDLED.byName("desktop")).isPresent();
        assertThat(BUNDLED.byName("Desktop")).isEmpty();
        assertThat(BUNDLED.byName("nope")).isEmpty();
        assertThat(BUNDLED.byName(null)).isEmpty();
    }

    @Test
    void customProfileFromAFileIsMatchedBeforeTheBundledOnes(@TempDir Path dir) throws IOException {
        ObjectNode json = ProfileJson.touch();
        json.put("name", "site-tc52");
        json.putArray("modelPatterns").add("TC52");
        Path file = dir.resolve("site-tc52.json");
        Files.writeString(file, json.toString());

        DeviceProfiles registry = BUNDLED.withCustom(List.of(ProfileLoader.load(file)));

        assertThat(registry.forModel("TC52").profile().name()).isEqualTo("site-tc52");
        assertThat(registry.forModel("TC57").profile().name()).isEqualTo("zebra-tc5x");
        assertThat(registry.names())
                .startsWith("site-tc52")
                .hasSize(BUNDLED.names().size() + 1);
        assertThat(BUNDLED.byName("site-tc52"))
                .as("the bundled registry is unchanged")
                .isEmpty();
    }

    @Test
    void customProfileWithABundledNameReplacesIt() {
        ObjectNode json = ProfileJson.touch();
        json.put("name", "generic-touch");
        json.put("fontScale", 1.5);
        DeviceProfile custom = ProfileJson.parse(json);

        DeviceProfiles registry = BUNDLED.withCustom(List.of(custom));

        assertThat(registry.names()).hasSameSizeAs(BUNDLED.names());
        assertThat(registry.defaultProfile()).isSameAs(custom);
        assertThat(registry.forModel("XYZ").profile().fontScale()).isEqualTo(1.5);
    }

    @Test
    void registryRefusesTwoProfilesOfOneName() {
        DeviceProfile tc5x = BUNDLED.byName("zebra-tc5x").orElseThrow();

        assertThatThrownBy(() -> DeviceProfiles.of(List.of(tc5x, tc5x), "zebra-tc5x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zebra-tc5x'");
        assertThatThrownBy(() -> BUNDLED.withCustom(List.of(tc5x, tc5x))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registryRefusesADefaultItDoesNotHold() {
        DeviceProfile tc5x = BUNDLED.byName("zebra-tc5x").orElseThrow();

        assertThatThrownBy(() -> DeviceProfiles.of(List.of(tc5x), "generic-touch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'generic-touch'");
    }

    @Test
    void fallbackChoiceWithoutANoteCannotBeMade() {
        assertThatThrownBy(() ->
                        new ProfileChoice(BUNDLED.defaultProfile(), ProfileChoice.Basis.DEFAULT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
