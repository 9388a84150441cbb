package org.lotkeeper.profiles;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid profiles as JSON trees, for tests that break one thing and look at the answer. */
final class ProfileJson {

    static final String SOURCE = "zebra-tc5x.json";

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A touch scanner gun, complete, every optional field given. */
    static final String TOUCH = """
            {
              "schemaVersion": 1,
              "name": "zebra-tc5x",
              "displayName": "Zebra TC5x",
              "description": "Touch scanner gun",
              "modelPatterns": ["TC5[0-9].*"],
              "layoutClass": "COMPACT",
              "screen": { "diagonalInches": 5.0, "widthPx": 720, "heightPx": 1280, "densityDpi": 294,
                          "orientation": "PORTRAIT" },
              "minTouchTargetDp": 56,
              "fontScale": 1.15,
              "theme": "HIGH_CONTRAST",
              "scanInput": { "prefix": "", "terminator": "ENTER", "groupSeparatorReplacement": "~",
                             "symbologyIdentifiers": true, "interKeyMaxMillis": 40, "minScanLength": 4,
                             "camera": true },
              "hardwareKeys": { "touchScreen": true, "numericKeypad": false, "scanTriggerKey": null,
                                "functionKeys": {} },
              "feedback": { "goodTone": { "frequencyHz": 2700, "durationMillis": 80 },
                            "errorTone": { "frequencyHz": 500, "durationMillis": 400 },
                            "volumePercent": 90 },
              "workflows": ["RECEIVE", "MOVE", "PICK", "LOOKUP"]
            }
            """;

    /** A keypad scanner without touch: every workflow, BACK and CONFIRM on a key. */
    static final String KEYPAD = """
            {
              "schemaVersion": 1,
              "name": "keypad",
              "displayName": "Keypad scanner",
              "layoutClass": "COMPACT",
              "screen": { "diagonalInches": 4.0, "widthPx": 480, "heightPx": 800, "densityDpi": 233,
                          "orientation": "PORTRAIT" },
              "minTouchTargetDp": 40,
              "scanInput": { "terminator": "ENTER", "groupSeparatorReplacement": "|",
                             "symbologyIdentifiers": true, "interKeyMaxMillis": 40, "minScanLength": 4,
                             "camera": false },
              "hardwareKeys": { "touchScreen": false, "numericKeypad": true,
                                "functionKeys": { "F1": "RECEIVE", "F2": "MOVE", "F3": "PICK",
                                                  "ENTER": "CONFIRM", "ESCAPE": "BACK" } },
              "feedback": { "goodTone": { "frequencyHz": 2700, "durationMillis": 80 },
                            "errorTone": { "frequencyHz": 500, "durationMillis": 400 },
                            "volumePercent": 100 },
              "workflows": ["RECEIVE", "MOVE", "PICK"]
            }
            """;

    private ProfileJson() {}

    static ObjectNode touch() {
        return tree(TOUCH);
    }

    static ObjectNode keypad() {
        return tree(KEYPAD);
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** The object at a dotted path such as {@code scanInput} or {@code feedback.goodTone}. */
    static ObjectNode at(ObjectNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.", -1)) {
            node = node.get(part);
        }
        return (ObjectNode) node;
    }

    static DeviceProfile parse(JsonNode profile) {
        return ProfileLoader.parse(profile.toString(), SOURCE);
    }

    /** The problems {@code profile} is refused with. */
    static List<Problem> problems(JsonNode profile) {
        return problems(profile.toString());
    }

    static List<Problem> problems(String json) {
        try {
            ProfileLoader.parse(json, SOURCE);
        } catch (InvalidProfileException e) {
            return e.problems();
        }
        throw new AssertionError("Expected the profile to be refused: " + json);
    }
}
