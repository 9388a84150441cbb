package org.lotkeeper.profiles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one parsed JSON document into a {@link DeviceProfile}, collecting every problem on the way. */
final class ProfileReader {

    /** The only schema version this reader understands. */
    static final int SCHEMA_VERSION = 1;

    private final Problems problems = new Problems();

    private ProfileReader() {}

    /** The profile in {@code document}; {@link InvalidProfileException} listing every problem otherwise. */
    static DeviceProfile read(JsonNode document, String source) {
        ProfileReader reader = new ProfileReader();
        DeviceProfile profile = reader.profile(document);
        if (!reader.problems.isEmpty()) {
            throw new InvalidProfileException(source, reader.problems.list());
        }
        return profile;
    }

    private DeviceProfile profile(JsonNode document) {
        JsonFields root = JsonFields.of(
                document,
                problems,
                "a profile",
                "schemaVersion",
                "name",
                "displayName",
                "description",
                "modelPatterns",
                "layoutClass",
                "screen",
                "minTouchTargetDp",
                "fontScale",
                "theme",
                "scanInput",
                "hardwareKeys",
                "feedback",
                "workflows");
        if (root == null) {
            return null;
        }
        Integer version = root.integer("schemaVersion", new IntRange(SCHEMA_VERSION, SCHEMA_VERSION));
        String name = root.string("name");
        if (name != null) {
            DeviceProfile.checkName(problems, name);
        }
        String displayName = root.string("displayName");
        if (displayName != null) {
            DeviceProfile.checkDisplayName(problems, displayName);
        }
        String description = root.optionalString("description", "");
        if (description != null) {
            DeviceProfile.checkDescription(problems, description);
        }
        List<String> modelPatterns = modelPatterns(root);
        LayoutClass layoutClass = root.enumValue("layoutClass", LayoutClass.class);
        Screen screen = screen(root);
        Integer minTouchTargetDp = root.integer("minTouchTargetDp", DeviceProfile.MIN_TOUCH_TARGET_DP);
        Double fontScale = root.decimal("fontScale", DeviceProfile.FONT_SCALE, 1.0);
        Theme theme = root.optionalEnum("theme", Theme.class, Theme.NORMAL);
        ScanInput scanInput = scanInput(root);
        HardwareKeys hardwareKeys = hardwareKeys(root);
        Feedback feedback = feedback(root);
        List<Workflow> workflows = workflows(root);
        root.finish();

        if (minTouchTargetDp != null && scanInput != null && hardwareKeys != null && workflows != null) {
            DeviceProfile.crossCheck(problems, minTouchTargetDp, scanInput, hardwareKeys, workflows);
        }
        if (!problems.isEmpty() || version == null) {
            return null;
        }
        return construct(
                () -> new DeviceProfile(
                        name,
                        displayName,
                        description,
                        modelPatterns,
                        layoutClass,
                        screen,
                        minTouchTargetDp,
                        fontScale,
                        theme,
                        scanInput,
                        hardwareKeys,
                        feedback,
                        workflows),
                problems);
    }

    private List<String> modelPatterns(JsonFields root) {
        List<JsonNode> elements = root.array("modelPatterns", false);
        if (elements == null) {
            return null;
        }
        Problems at = problems.at("modelPatterns");
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isTextual()) {
                at.at(i).add("", "must be a string (a regular expression), found " + JsonFields.describe(element));
                continue;
            }
            DeviceProfile.checkModelPattern(at.at(i), element.textValue());
            patterns.add(element.textValue());
        }
        return patterns.size() == elements.size() ? patterns : null;
    }

    private Screen screen(JsonFields root) {
        JsonFields fields = root.object("screen", "diagonalInches", "widthPx", "heightPx", "densityDpi", "orientation");
        if (fields == null) {
            return null;
        }
        int before = problems.count();
        Double diagonal = fields.decimal("diagonalInches", Screen.DIAGONAL_INCHES, null);
        Integer width = fields.integer("widthPx", Screen.PIXELS);
        Integer height = fields.integer("heightPx", Screen.PIXELS);
        Integer density = fields.integer("densityDpi", Screen.DENSITY_DPI);
        Orientation orientation = fields.enumValue("orientation", Orientation.class);
        fields.finish();
        if (problems.count() > before) {
            return null;
        }
        Screen.crossCheck(fields.problems(), diagonal, width, height, density, orientation);
        return problems.count() > before
                ? null
                : construct(() -> new Screen(diagonal, width, height, density, orientation), fields.problems());
    }

    private ScanInput scanInput(JsonFields root) {
        JsonFields fields = root.object(
                "scanInput",
                "prefix",
                "terminator",
                "groupSeparatorReplacement",
                "symbologyIdentifiers",
                "interKeyMaxMillis",
                "minScanLength",
                "camera");
        if (fields == null) {
            return null;
        }
        int before = problems.count();
        String prefix = fields.optionalString("prefix", "");
        if (prefix != null) {
            ScanInput.checkPrefix(fields.problems(), prefix);
        }
        Terminator terminator = fields.enumValue("terminator", Terminator.class);
        Character replacement = groupSeparatorReplacement(fields);
        Boolean identifiers = fields.bool("symbologyIdentifiers");
        Integer interKey = fields.integer("interKeyMaxMillis", ScanInput.INTER_KEY_MAX_MILLIS);
        Integer minLength = fields.integer("minScanLength", ScanInput.MIN_SCAN_LENGTH);
        Boolean camera = fields.bool("camera");
        fields.finish();
        if (problems.count() > before) {
            return null;
        }
        ScanInput.crossCheck(fields.problems(), prefix, replacement);
        return problems.count() > before
                ? null
                : construct(
                        () -> new ScanInput(prefix, terminator, replacement, identifiers, interKey, minLength, camera),
                        fields.problems());
    }

    private static Character groupSeparatorReplacement(JsonFields fields) {
        String text = fields.string("groupSeparatorReplacement");
        if (text == null) {
            return null;
        }
        if (text.length() != 1) {
            fields.problems()
                    .add(
                            "groupSeparatorReplacement",
                            "must be exactly one character such as \"~\" or \"|\", found " + text.length()
                                    + " characters");
            return null;
        }
        int before = fields.problems().count();
        ScanInput.checkGroupSeparatorReplacement(fields.problems(), text.charAt(0));
        return fields.problems().count() > before ? null : text.charAt(0);
    }

    private HardwareKeys hardwareKeys(JsonFields root) {
        JsonFields fields =
                root.object("hardwareKeys", "touchScreen", "numericKeypad", "scanTriggerKey", "functionKeys");
        if (fields == null) {
            return null;
        }
        int before = problems.count();
        Boolean touchScreen = fields.bool("touchScreen");
        Boolean numericKeypad = fields.bool("numericKeypad");
        Optional<Key> trigger = Optional.empty();
        if (!fields.isNull("scanTriggerKey")) {
            String name = fields.optionalString("scanTriggerKey", null);
            if (name != null) {
                trigger = Optional.ofNullable(key(fields.problems(), "scanTriggerKey", name));
            }
        }
        Map<Key, KeyAction> functionKeys = functionKeys(fields);
        fields.finish();
        if (problems.count() > before) {
            return null;
        }
        Optional<Key> scanTriggerKey = trigger;
        HardwareKeys.crossCheck(fields.problems(), scanTriggerKey, functionKeys);
        return problems.count() > before
                ? null
                : construct(
                        () -> new HardwareKeys(touchScreen, numericKeypad, scanTriggerKey, functionKeys),
                        fields.problems());
    }

    private static Map<Key, KeyAction> functionKeys(JsonFields fields) {
        Iterator<Map.Entry<String, JsonNode>> entries = fields.optionalEntries("functionKeys");
        if (entries == null) {
            return null;
        }
        Problems at = fields.problems().at("functionKeys");
        Map<Key, KeyAction> keys = new LinkedHashMap<>();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            Key key = key(at, entry.getKey(), entry.getKey());
            KeyAction action = JsonFields.enumValue(entry.getKey(), entry.getValue(), KeyAction.class, at);
            if (key != null && action != null) {
                keys.put(key, action);
            }
        }
        return keys;
    }

    private static Key key(Problems problems, String field, String name) {
        if (Key.NAMES.contains(name)) {
            return Key.of(name);
        }
        problems.add(
                field,
                "is not a key a profile can use" + JsonFields.didYouMean(name, Key.NAMES)
                        + "; use F1–F24, SOFTKEY_0–SOFTKEY_9, ENTER, TAB, ESCAPE, PAGE_UP, PAGE_DOWN, HOME or END"
                        + (field.equals(name) ? "" : ", found \"" + name + "\""));
        return null;
    }

    private Feedback feedback(JsonFields root) {
        JsonFields fields = root.object("feedback", "goodTone", "errorTone", "volumePercent");
        if (fields == null) {
            return null;
        }
        int before = problems.count();
        Tone good = tone(fields, "goodTone");
        Tone error = tone(fields, "errorTone");
        Integer volume = fields.integer("volumePercent", Feedback.VOLUME_PERCENT);
        fields.finish();
        if (problems.count() > before) {
            return null;
        }
        Feedback.crossCheck(fields.problems(), good, error);
        return problems.count() > before ? null : construct(() -> new Feedback(good, error, volume), fields.problems());
    }

    private static Tone tone(JsonFields parent, String field) {
        JsonFields fields = parent.object(field, "frequencyHz", "durationMillis");
        if (fields == null) {
            return null;
        }
        Integer frequency = fields.integer("frequencyHz", Tone.FREQUENCY_HZ);
        Integer duration = fields.integer("durationMillis", Tone.DURATION_MILLIS);
        fields.finish();
        return frequency == null || duration == null
                ? null
                : construct(() -> new Tone(frequency, duration), fields.problems());
    }

    private List<Workflow> workflows(JsonFields root) {
        List<JsonNode> elements = root.array("workflows", true);
        if (elements == null) {
            return null;
        }
        Problems at = problems.at("workflows");
        List<Workflow> workflows = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Workflow workflow = JsonFields.enumValue("", elements.get(i), Workflow.class, at.at(i));
            if (workflow != null) {
                workflows.add(workflow);
            }
        }
        if (workflows.size() != elements.size()) {
            return null;
        }
        int before = problems.count();
        DeviceProfile.checkWorkflows(problems, workflows);
        return problems.count() > before ? null : workflows;
    }

    /**
     * Builds a record whose fields this reader has already checked. Should a record's constructor
     * still refuse (a rule the reader does not know of), that becomes a problem, not a crash.
     */
    private static <T> T construct(Supplier<T> constructor, Problems problems) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problems.add("", e.getMessage());
            return null;
        }
    }
}
