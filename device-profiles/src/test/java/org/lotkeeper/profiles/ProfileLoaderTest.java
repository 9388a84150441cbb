package org.lotkeeper.profiles;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lotkeeper.profiles.ProfileJson.at;
import static org.lotkeeper.profiles.ProfileJson.keypad;
import static org.lotkeeper.profiles.ProfileJson.parse;
import static org.lotkeeper.profiles.ProfileJson.problems;
import static org.lotkeeper.profiles.ProfileJson.touch;

class ProfileLoaderTest {

    @Test
    void validProfileBecomesTheRecords() {
        DeviceProfile profile = parse(touch());

        assertThat(profile.name()).isEqualTo("zebra-tc5x");
        assertThat(profile.layoutClass()).isEqualTo(LayoutClass.COMPACT);
        assertThat(profile.screen()).isEqualTo(new Screen(5.0, 720, 1280, 294, Orientation.PORTRAIT));
        assertThat(profile.fontScale()).isEqualTo(1.15);
        assertThat(profile.theme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(profile.scanInput()).isEqualTo(new ScanInput("", Terminator.ENTER, '~', true, 40, 4, true));
        assertThat(profile.hardwareKeys().scanTriggerKey()).isEmpty();
        assertThat(profile.feedback().errorTone()).isEqualTo(new Tone(500, 400));
        assertThat(profile.workflows())
                .containsExactly(Workflow.RECEIVE, Workflow.MOVE, Workflow.PICK, Workflow.LOOKUP);
    }

    @Test
    void optionalFieldsTakeTheirDocumentedDefaults() {
        ObjectNode json = touch();
        json.remove(List.of("description", "modelPatterns", "fontScale", "theme"));
        at(json, "scanInput").remove("prefix");
        at(json, "hardwareKeys").remove(List.of("scanTriggerKey", "functionKeys"));

        DeviceProfile profile = parse(json);

        assertThat(profile.description()).isEmpty();
        assertThat(profile.modelPatterns()).isEmpty();
        assertThat(profile.fontScale()).isEqualTo(1.0);
        assertThat(profile.theme()).isEqualTo(Theme.NORMAL);
        assertThat(profile.scanInput().prefix()).isEmpty();
        assertThat(profile.hardwareKeys().scanTriggerKey()).isEmpty();
        assertThat(profile.hardwareKeys().functionKeys()).isEmpty();
    }

    @Test
    void functionKeysKeepTheirOrderAndTriggerKeyIsRead() {
        ObjectNode json = keypad();
        at(json, "hardwareKeys").put("scanTriggerKey", "SOFTKEY_1");

        HardwareKeys keys = parse(json).hardwareKeys();

        assertThat(keys.functionKeys().keySet())
                .extracting(Key::name)
                .containsExactly("F1", "F2", "F3", "ENTER", "ESCAPE");
        assertThat(keys.scanTriggerKey()).contains(Key.of("SOFTKEY_1"));
    }

    @Nested
    class NamesTheField {

        @Test
        void missingField() {
            ObjectNode json = touch();
            at(json, "scanInput").remove("terminator");

            assertThat(problems(json)).extracting(Problem::toString).containsExactly("scanInput.terminator is missing");
        }

        @Test
        void missingSection() {
            ObjectNode json = touch();
            json.remove("feedback");

            assertThat(problems(json)).extracting(Problem::toString).containsExactly("feedback is missing");
        }

        @Test
        void outOfRangeInTheMessageTheIssueAsksFor() {
            ObjectNode json = touch();
            at(json, "scanInput").put("interKeyMaxMillis", 500);

            assertThatThrownBy(() -> parse(json))
                    .isInstanceOf(InvalidProfileException.class)
                    .hasMessage("zebra-tc5x.json: scanInput.interKeyMaxMillis must be between 1 and 200, found 500");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                screen             | densityDpi        | 0     | screen.densityDpi must be between 60 and 1000, found 0
                screen             | widthPx           | 99999 | screen.widthPx must be between 160 and 10000, found 99999
                scanInput          | minScanLength     | 1     | scanInput.minScanLength must be between 2 and 64, found 1
                scanInput          | interKeyMaxMillis | 0     | scanInput.interKeyMaxMillis must be between 1 and 200, found 0
                feedback           | volumePercent     | 0     | feedback.volumePercent must be between 1 and 100, found 0
                feedback.goodTone  | frequencyHz       | 50    | feedback.goodTone.frequencyHz must be between 100 and 10000, found 50
                feedback.errorTone | durationMillis    | 5000  | feedback.errorTone.durationMillis must be between 20 and 2000, found 5000
                """)
        void wholeNumberOutOfRange(String object, String field, int value, String expected) {
            ObjectNode json = touch();
            at(json, object).put(field, value);

            assertThat(problems(json)).extracting(Problem::toString).containsExactly(expected);
        }

        @Test
        void decimalOutOfRange() {
            ObjectNode json = touch();
            json.put("fontScale", 5);
            at(json, "screen").put("diagonalInches", 0.5);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "screen.diagonalInches must be between 2 and 100, found 0.5",
                            "fontScale must be between 0.5 and 3, found 5");
        }

        @Test
        void hugeNumberIsOutOfRangeNotAnOverflow() {
            ObjectNode json = touch();
            json.put("minTouchTargetDp", new BigInteger("123456789012345678901234567890"));

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "minTouchTargetDp must be between 24 and 200, found 123456789012345678901234567890");
        }

        @Test
        void fractionWhereAWholeNumberBelongs() {
            ObjectNode json = touch();
            json.put("minTouchTargetDp", 48.5);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("minTouchTargetDp must be a whole number, found 48.5");
        }

        @Test
        void badEnumListsTheAllowedNames() {
            ObjectNode json = touch();
            json.put("layoutClass", "HANDHELD");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("layoutClass must be one of COMPACT, TABLET, DESKTOP, found \"HANDHELD\"");
        }

        @Test
        void enumInTheWrongCaseGetsASuggestion() {
            ObjectNode json = touch();
            at(json, "screen").put("orientation", "landscape");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "screen.orientation must be one of PORTRAIT, LANDSCAPE, found \"landscape\" (did you mean LANDSCAPE?)");
        }

        @Test
        void misspeltWorkflowIsNamedByIndex() {
            ObjectNode json = touch();
            ((ArrayNode) json.get("workflows")).set(1, "RECIEVE");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "workflows[1] must be one of RECEIVE, MOVE, PICK, COUNT, SHIP, PRODUCE, RETURN, LOOKUP, PACK, TRANSFER_IN, "
                                    + "found \"RECIEVE\" (did you mean RECEIVE?)");
        }

        @Test
        void wrongTypes() {
            ObjectNode json = touch();
            at(json, "screen").put("widthPx", "720");
            at(json, "scanInput").put("camera", "yes");
            json.put("workflows", "RECEIVE");
            json.putArray("hardwareKeys");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "screen.widthPx must be a whole number (must be between 160 and 10000), found \"720\"",
                            "scanInput.camera must be true or false, found \"yes\"",
                            "hardwareKeys must be a JSON object, found an array",
                            "workflows must be a JSON array, found \"RECEIVE\"");
        }

        @Test
        void nullWhereAValueBelongs() {
            ObjectNode json = touch();
            json.putNull("displayName");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("displayName must be a string, found null");
        }

        @Test
        void everyProblemIsReportedAtOnceInDocumentOrder() {
            ObjectNode json = touch();
            json.put("name", "Zebra TC5x");
            at(json, "screen").put("densityDpi", 5000);
            at(json, "scanInput").put("groupSeparatorReplacement", "A");
            at(json, "feedback.goodTone").remove("durationMillis");

            InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> parse(json));

            assertThat(e.source()).isEqualTo("zebra-tc5x.json");
            assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactly(
                            "name",
                            "screen.densityDpi",
                            "scanInput.groupSeparatorReplacement",
                            "feedback.goodTone.durationMillis");
            assertThat(e.getMessage())
                    .startsWith("zebra-tc5x.json: 4 problems")
                    .contains("zebra-tc5x.json: feedback.goodTone.durationMillis is missing");
        }

        @Test
        void unsupportedSchemaVersion() {
            ObjectNode json = touch();
            json.put("schemaVersion", 2);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("schemaVersion must be 1, found 2");
        }
    }

    @Nested
    class GroupSeparatorReplacement {

        @ParameterizedTest
        @ValueSource(strings = {"A", "z", "5", "-", "%", "_", "/", "?"})
        void insideSet82IsRefused(String replacement) {
            ObjectNode json = touch();
            at(json, "scanInput").put("groupSeparatorReplacement", replacement);

            assertThat(problems(json)).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("scanInput.groupSeparatorReplacement");
                assertThat(problem.message())
                        .contains("outside GS1 set 82", "found \"" + replacement + "\"", "can be part of the data");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"~", "|", "#", "^", "\u001D", "\u00A7"})
        void outsideSet82IsTaken(String replacement) {
            ObjectNode json = touch();
            at(json, "scanInput").put("groupSeparatorReplacement", replacement);

            assertThat(parse(json).scanInput().groupSeparatorReplacement()).isEqualTo(replacement.charAt(0));
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\t", "\n", "]"})
        void whiteSpaceAndTheIdentifierStartAreRefused(String replacement) {
            ObjectNode json = touch();
            at(json, "scanInput").put("groupSeparatorReplacement", replacement);

            assertThat(problems(json)).extracting(Problem::path).containsExactly("scanInput.groupSeparatorReplacement");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "~|"})
        void mustBeExactlyOneCharacter(String replacement) {
            ObjectNode json = touch();
            at(json, "scanInput").put("groupSeparatorReplacement", replacement);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("scanInput.groupSeparatorReplacement must be exactly one character");
        }

        @Test
        void prefixMustNotHoldDataCharacters() {
            ObjectNode json = touch();
            at(json, "scanInput").put("prefix", "#A");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("scanInput.prefix must use characters outside GS1 set 82")
                    .contains("found \"A\" at position 2");
        }

        @Test
        void prefixMustNotHoldTheReplacement() {
            ObjectNode json = touch();
            at(json, "scanInput").put("prefix", "\u0002~");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("scanInput.prefix must not contain the group-separator replacement \"~\"");
        }

        @Test
        void controlCharacterPrefixIsTaken() {
            ObjectNode json = touch();
            at(json, "scanInput").put("prefix", "\u0002");

            assertThat(parse(json).scanInput().prefix()).isEqualTo("\u0002");
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void atTheTopAreRefusedWithASuggestion() {
            ObjectNode json = touch();
            json.put("layoutclass", "COMPACT");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("layoutclass is not a known field (did you mean layoutClass?)");
        }

        @Test
        void inASectionAreRefusedWithTheirPath() {
            ObjectNode json = touch();
            at(json, "scanInput").put("interKeyMaxMilis", 30);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("scanInput.interKeyMaxMilis is not a known field (did you mean interKeyMaxMillis?)")
                    .contains("the fields here are prefix, terminator");
        }

        @Test
        void farFromAnyFieldGetsNoSuggestion() {
            ObjectNode json = touch();
            at(json, "feedback").put("vibration", true);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("feedback.vibration is not a known field; the fields here are goodTone, errorTone");
        }

        @Test
        void unknownKeyNameIsRefused() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").put("f4", "HELP");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("hardwareKeys.functionKeys.f4 is not a key a profile can use (did you mean F4?)");
        }

        @Test
        void unknownActionIsRefused() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").put("F9", "PRINT");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("hardwareKeys.functionKeys.F9 must be one of RECEIVE,");
        }
    }

    @Nested
    class NotAProfile {

        @Test
        void malformedJsonSaysWhere() {
            String json = "{\n  \"name\": \"x\",\n}";

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("not valid JSON at line 3, column 1:");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                []          | a profile must be a JSON object, found an array
                "zebra"     | a profile must be a JSON object, found "zebra"
                42          | a profile must be a JSON object, found 42
                null        | a profile must be a JSON object, found null
                """)
        void notAnObject(String json, String expected) {
            assertThat(problems(json)).extracting(Problem::toString).containsExactly(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n"})
        void emptyDocument(String json) {
            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("the file is empty; a profile is one JSON object");
        }

        @Test
        void duplicateFieldIsRefused() {
            String json = ProfileJson.TOUCH.replace(
                    "\"theme\": \"HIGH_CONTRAST\",", "\"theme\": \"HIGH_CONTRAST\", \"theme\": \"NORMAL\",");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("not valid JSON at line")
                    .endsWith("Duplicate field 'theme'");
        }

        @Test
        void contentAfterTheObjectIsRefused() {
            assertThat(problems(ProfileJson.TOUCH + "{}"))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .endsWith("more follows the profile's closing brace; a file holds one JSON object");
        }

        @Test
        void commentsAreNotJson() {
            String json =
                    ProfileJson.TOUCH.replace("\"theme\": \"HIGH_CONTRAST\",", "// comment\n\"theme\": \"NORMAL\",");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("not valid JSON at line");
        }
    }

    @Nested
    class FromFiles {

        @TempDir
        Path dir;

        @Test
        void customProfileLoadsFromAPath() throws IOException {
            Path file = dir.resolve("site-tc5x.json");
            Files.writeString(file, ProfileJson.TOUCH.replace("\"zebra-tc5x\"", "\"site-tc5x\""));

            assertThat(ProfileLoader.load(file).name()).isEqualTo("site-tc5x");
        }

        @Test
        void problemsInAFileNameTheFile() throws IOException {
            Path file = dir.resolve("custom.json");
            ObjectNode json = touch();
            at(json, "scanInput").put("interKeyMaxMillis", 201);
            Files.writeString(file, json.toString());

            assertThatThrownBy(() -> ProfileLoader.load(file))
                    .isInstanceOf(InvalidProfileException.class)
                    .hasMessage("custom.json: scanInput.interKeyMaxMillis must be between 1 and 200, found 201");
        }

        @Test
        void missingFileIsAnIoError() {
            assertThatThrownBy(() -> ProfileLoader.load(dir.resolve("absent.json")))
                    .isInstanceOf(NoSuchFileException.class);
        }

        @Test
        void oversizedFileIsRefusedBeforeParsing() throws IOException {
            Path file = dir.resolve("huge.json");
            Files.write(file, " ".repeat(ProfileLoader.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));

            assertThatThrownBy(() -> ProfileLoader.load(file))
                    .isInstanceOf(InvalidProfileException.class)
                    .hasMessageStartingWith("huge.json: the file is larger than 256 KB");
        }
    }

    @Nested
    class RulesBetweenFields {

        @Test
        void touchDeviceNeedsTargetsOfAtLeast48Dp() {
            ObjectNode json = touch();
            json.put("minTouchTargetDp", 40);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "minTouchTargetDp must be at least 48 on a touch device (hardwareKeys.touchScreen), found 40");
        }

        @Test
        void deviceWithoutTouchMayUseSmallerRows() {
            assertThat(parse(keypad()).minTouchTargetDp()).isEqualTo(40);
        }

        @Test
        void deviceWithoutTouchNeedsAKeyForEveryWorkflow() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").remove("F3");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("hardwareKeys.functionKeys has no key for PICK; without touch");
        }

        @Test
        void deviceWithoutTouchNeedsBackAndConfirm() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").remove(List.of("ENTER", "ESCAPE"));

            assertThat(problems(json))
                    .extracting(Problem::message)
                    .anyMatch(m -> m.startsWith("has no key for BACK"))
                    .anyMatch(m -> m.startsWith("has no key for CONFIRM"))
                    .hasSize(2);
        }

        @Test
        void keyMayNotOpenAWorkflowTheProfileDoesNotOffer() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").put("F6", "PRODUCE");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "hardwareKeys.functionKeys.F6 opens PRODUCE, which this profile's workflows do not offer");
        }

        @Test
        void scanTerminatorKeyMayOnlyConfirm() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").put("ENTER", "HELP").put("F9", "CONFIRM");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "hardwareKeys.functionKeys.ENTER ends every scan (scanInput.terminator), so it may only be CONFIRM, "
                                    + "found HELP");
        }

        @Test
        void cameraKeyNeedsACamera() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys.functionKeys").put("F9", "CAMERA_SCAN");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "hardwareKeys.functionKeys.F9 opens the camera scanner, but scanInput.camera is false");
        }

        @Test
        void scanTriggerCannotAlsoBeAFunctionKey() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys").put("scanTriggerKey", "F1");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly(
                            "hardwareKeys.functionKeys.F1 is the scan trigger (scanTriggerKey) and cannot also be a function key");
        }

        @Test
        void scanTriggerCannotBeTheTerminator() {
            ObjectNode json = touch();
            at(json, "hardwareKeys").put("scanTriggerKey", "ENTER");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("hardwareKeys.scanTriggerKey must not be the scan terminator (ENTER)");
        }

        @Test
        void workflowNamedTwice() {
            ObjectNode json = touch();
            ((ArrayNode) json.get("workflows")).add("MOVE");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("workflows[4] names MOVE a second time");
        }

        @Test
        void noWorkflowAtAll() {
            ObjectNode json = touch();
            json.putArray("workflows");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("workflows must name at least one workflow");
        }

        @Test
        void invalidModelPattern() {
            ObjectNode json = touch();
            ((ArrayNode) json.get("modelPatterns")).add("TC7[0-9");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("modelPatterns[1] is not a valid regular expression: Unclosed character class");
        }

        @Test
        void screenWhoseDensityDoesNotFitItsSize() {
            ObjectNode json = touch();
            at(json, "screen").put("densityDpi", 160);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("screen.densityDpi does not fit "
                            + "the screen: 720 × 1280 px at 160 dpi is a 9.2-inch diagonal, not 5 inches");
        }

        @Test
        void portraitScreenWiderThanTall() {
            ObjectNode json = touch();
            at(json, "screen").put("orientation", "LANDSCAPE");

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .containsExactly("screen.heightPx must not be larger than widthPx in LANDSCAPE (1280 > 720)");
        }

        @Test
        void errorToneMustSoundDifferent() {
            ObjectNode json = touch();
            at(json, "feedback.errorTone").put("frequencyHz", 2700);

            assertThat(problems(json))
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("feedback.errorTone.frequencyHz must differ from goodTone.frequencyHz (2700 Hz)");
        }

        @Test
        void nameMustBeLowerCaseWithHyphens() {
            ObjectNode json = touch();
            json.put("name", "-tc5x");

            assertThat(problems(json)).extracting(Problem::path).containsExactly("name");
        }

        @Test
        void explicitNullTriggerMeansNone() {
            ObjectNode json = keypad();
            at(json, "hardwareKeys").putNull("scanTriggerKey");

            assertThat(parse(json).hardwareKeys().scanTriggerKey()).isEqualTo(Optional.empty());
        }
    }
}
