package org.lotkeeper.profiles;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one kind of device offers, as one JSON profile describes it (see the module's README for
 * the schema). Immutable; every constructor call checks the same rules the loader checks.
 *
 * @param name             unique id, also the file name without {@code .json}: 1–40 of {@code a-z 0-9 -}
 * @param displayName      what Settings shows
 * @param description      a sentence or two for administrators; may be empty
 * @param modelPatterns    regular expressions matched against the whole model name the device
 *                         reports, ignoring case; empty for a profile that is only chosen by name
 * @param layoutClass      how screens are laid out
 * @param screen           the screen
 * @param minTouchTargetDp smallest height and width of anything tappable (on non-touch devices:
 *                         of a focusable row); at least 48 on touch devices
 * @param fontScale        multiplier on the client's base font size
 * @param theme            the theme the client starts with
 * @param scanInput        how scans arrive
 * @param hardwareKeys     keys, keypad and touch
 * @param feedback         tones
 * @param workflows        the workflows offered, in menu order, each once
 */
public record DeviceProfile(
        String name,
        String displayName,
        String description,
        List<String> modelPatterns,
        LayoutClass layoutClass,
        Screen screen,
        int minTouchTargetDp,
        double fontScale,
        Theme theme,
        ScanInput scanInput,
        HardwareKeys hardwareKeys,
        Feedback feedback,
        List<Workflow> workflows) {

    static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    static final int DISPLAY_NAME_MAX_LENGTH = 60;
    static final int DESCRIPTION_MAX_LENGTH = 500;
    static final int MODEL_PATTERN_MAX_LENGTH = 200;
    static final IntRange MIN_TOUCH_TARGET_DP = new IntRange(24, 200);
    /** docs/QUALITY.md: touch targets of at least 48 dp on touch devices. */
    public static final int MIN_TOUCH_TARGET_DP_ON_TOUCH = 48;

    static final DecimalRange FONT_SCALE = new DecimalRange(0.5, 3.0);

    public DeviceProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(layoutClass, "layoutClass");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(scanInput, "scanInput");
        Objects.requireNonNull(hardwareKeys, "hardwareKeys");
        Objects.requireNonNull(feedback, "feedback");
        modelPatterns = List.copyOf(modelPatterns);
        workflows = List.copyOf(workflows);
        Problems problems = new Problems();
        checkName(problems, name);
        checkDisplayName(problems, displayName);
        checkDescription(problems, description);
        for (int i = 0; i < modelPatterns.size(); i++) {
            checkModelPattern(problems.at("modelPatterns").at(i), modelPatterns.get(i));
        }
        MIN_TOUCH_TARGET_DP.check(problems, "minTouchTargetDp", minTouchTargetDp);
        FONT_SCALE.check(problems, "fontScale", fontScale);
        checkWorkflows(problems, workflows);
        problems.throwIfAny("profile '" + name + "'");
        crossCheck(problems, minTouchTargetDp, scanInput, hardwareKeys, workflows);
        problems.throwIfAny("profile '" + name + "'");
    }

    static void checkName(Problems problems, String name) {
        if (!NAME.matcher(name).matches()) {
            problems.add(
                    "name",
                    "must be 1–40 lower-case letters, digits and hyphens, not starting or ending "
                            + "with a hyphen, found \"" + name + "\"");
        }
    }

    static void checkDisplayName(Problems problems, String displayName) {
        if (displayName.isBlank() || displayName.length() > DISPLAY_NAME_MAX_LENGTH) {
            problems.add("displayName", "must be 1–" + DISPLAY_NAME_MAX_LENGTH + " characters and not blank");
        }
    }

    static void checkDescription(Problems problems, String description) {
        if (description.length() > DESCRIPTION_MAX_LENGTH) {
            problems.add("description", "must be at most " + DESCRIPTION_MAX_LENGTH + " characters");
        }
    }

    /** {@code problems} is the view for the pattern's own path, e.g. {@code modelPatterns[1]}. */
    static void checkModelPattern(Problems problems, String pattern) {
        if (pattern.isBlank() || pattern.length() > MODEL_PATTERN_MAX_LENGTH) {
            problems.add("", "must be 1–" + MODEL_PATTERN_MAX_LENGTH + " characters and not blank");
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(
                    "", "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    static void checkWorkflows(Problems problems, List<Workflow> workflows) {
        if (workflows.isEmpty()) {
            problems.add("workflows", "must name at least one workflow");
        }
        Set<Workflow> seen = EnumSet.noneOf(Workflow.class);
        for (int i = 0; i < workflows.size(); i++) {
            Workflow workflow = Objects.requireNonNull(workflows.get(i), "workflow");
            if (!seen.add(workflow)) {
                problems.at("workflows").at(i).add("", "names " + workflow + " a second time");
            }
        }
    }

    /** Rules between sections, each of which is valid on its own. */
    static void crossCheck(
            Problems problems, int minTouchTargetDp, ScanInput scanInput, HardwareKeys keys, List<Workflow> workflows) {
        if (keys.touchScreen() && minTouchTargetDp < MIN_TOUCH_TARGET_DP_ON_TOUCH) {
            problems.add(
                    "minTouchTargetDp",
                    "must be at least " + MIN_TOUCH_TARGET_DP_ON_TOUCH
                            + " on a touch device (hardwareKeys.touchScreen), found " + minTouchTargetDp);
        }
        Problems functionKeys = problems.at("hardwareKeys").at("functionKeys");
        for (Map.Entry<Key, KeyAction> entry : keys.functionKeys().entrySet()) {
            Key key = entry.getKey();
            KeyAction action = entry.getValue();
            action.workflow()
                    .filter(w -> !workflows.contains(w))
                    .ifPresent(w -> functionKeys.add(
                            key.name(), "opens " + w + ", which this profile's workflows do not offer"));
            if (action == KeyAction.CAMERA_SCAN && !scanInput.camera()) {
                functionKeys.add(key.name(), "opens the camera scanner, but scanInput.camera is false");
            }
            if (scanInput.terminator().key().filter(key::equals).isPresent() && action != KeyAction.CONFIRM) {
                functionKeys.add(
                        key.name(),
                        "ends every scan (scanInput.terminator), so it may only be CONFIRM, found " + action);
            }
        }
        if (keys.scanTriggerKey().isPresent()
                && keys.scanTriggerKey().equals(scanInput.terminator().key())) {
            problems.add(
                    "hardwareKeys.scanTriggerKey", "must not be the scan terminator (" + scanInput.terminator() + ")");
        }
        if (!keys.touchScreen()) {
            for (Workflow workflow : workflows) {
                requireKey(functionKeys, keys, KeyAction.opening(workflow));
            }
            requireKey(functionKeys, keys, KeyAction.BACK);
            requireKey(functionKeys, keys, KeyAction.CONFIRM);
        }
    }

    private static void requireKey(Problems functionKeys, HardwareKeys keys, KeyAction action) {
        if (keys.keysFor(action).isEmpty()) {
            functionKeys.add(
                    "",
                    "has no key for " + action
                            + "; without touch (hardwareKeys.touchScreen false) every workflow, BACK and CONFIRM need a key");
        }
    }

    /** Whether the client may rely on touch. */
    public boolean hasTouch() {
        return hardwareKeys.touchScreen();
    }

    /** Whether this profile offers {@code workflow}. */
    public boolean offers(Workflow workflow) {
        return workflows.contains(workflow);
    }

    /** Whether one of {@link #modelPatterns()} matches the whole of {@code model}, ignoring case. */
    public boolean matchesModel(String model) {
        if (model == null) {
            return false;
        }
        String trimmed = model.strip();
        return modelPatterns.stream()
                .anyMatch(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(trimmed)
                        .matches());
    }
}
