package org.lotkeeper.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A set of profiles with one default: the bundled ones ({@link #bundled()}), optionally with an
 * administrator's custom profiles on top ({@link #withCustom}). Finds a profile by name or by the
 * model name the device reports; when nothing matches it falls back to the default and says so.
 * Immutable and thread-safe.
 */
public final class DeviceProfiles {

    /** Where the bundled profiles live on the class path, next to this class. */
    public static final String RESOURCE_DIRECTORY = "/org/lotkeeper/profiles/";

    static final String INDEX = "index.json";
    private static final int MODEL_SHOWN_MAX_LENGTH = 40;

    private static volatile DeviceProfiles bundled;

    private final Map<String, DeviceProfile> profiles;
    private final DeviceProfile defaultProfile;

    private DeviceProfiles(Map<String, DeviceProfile> profiles, DeviceProfile defaultProfile) {
        this.profiles = Collections.unmodifiableMap(profiles);
        this.defaultProfile = defaultProfile;
    }

    /**
     * The profiles shipped in this module, in the order of {@code index.json}.
     *
     * @throws InvalidProfileException when a bundled profile or the index is broken (a build error;
     *                                 the module's tests catch it)
     */
    public static DeviceProfiles bundled() {
        DeviceProfiles loaded = bundled;
        if (loaded == null) {
            synchronized (DeviceProfiles.class) {
                loaded = bundled;
                if (loaded == null) {
                    loaded = loadBundled();
                    bundled = loaded;
                }
            }
        }
        return loaded;
    }

    /**
     * A registry of exactly these profiles, matched against models in this order.
     *
     * @throws IllegalArgumentException when two profiles share a name or no profile is called {@code defaultName}
     */
    public static DeviceProfiles of(List<DeviceProfile> profiles, String defaultName) {
        Map<String, DeviceProfile> byName = new LinkedHashMap<>();
        for (DeviceProfile profile : profiles) {
            if (byName.putIfAbsent(profile.name(), profile) != null) {
                throw new IllegalArgumentException("Two profiles are called '" + profile.name() + "'");
            }
        }
        DeviceProfile defaultProfile = byName.get(Objects.requireNonNull(defaultName, "defaultName"));
        if (defaultProfile == null) {
            throw new IllegalArgumentException(
                    "The default profile '" + defaultName + "' is not among " + byName.keySet());
        }
        return new DeviceProfiles(byName, defaultProfile);
    }

    /**
     * These profiles plus {@code custom} ones (e.g. loaded with {@link ProfileLoader#load}). A custom
     * profile with the name of an existing one replaces it (that is how an administrator adjusts a
     * bundled profile); custom profiles are matched against models first, in the given order.
     *
     * @throws IllegalArgumentException when two custom profiles share a name
     */
    public DeviceProfiles withCustom(List<DeviceProfile> custom) {
        Map<String, DeviceProfile> merged = new LinkedHashMap<>();
        for (DeviceProfile profile : custom) {
            if (merged.putIfAbsent(profile.name(), profile) != null) {
                throw new IllegalArgumentException("Two custom profiles are called '" + profile.name() + "'");
            }
        }
        profiles.forEach(merged::putIfAbsent);
        return new DeviceProfiles(merged, merged.get(defaultProfile.name()));
    }

    /** Every profile, in matching order. */
    public List<DeviceProfile> all() {
        return List.copyOf(profiles.values());
    }

    /** Every profile's name, in matching order; for a Settings list. */
    public List<String> names() {
        return List.copyOf(profiles.keySet());
    }

    /** The profile called {@code name}, exactly (names are lower case). */
    public Optional<DeviceProfile> byName(String name) {
        return Optional.ofNullable(name == null ? null : profiles.get(name));
    }

    /** The profile used when nothing else matches. */
    public DeviceProfile defaultProfile() {
        return defaultProfile;
    }

    /**
     * The first profile, in matching order, one of whose model patterns matches the whole of
     * {@code model} (ignoring case and surrounding blanks); otherwise the default profile with a
     * note that says so. {@code model} may be null when the platform reports none.
     */
    public ProfileChoice forModel(String model) {
        Optional<DeviceProfile> match = match(model);
        if (match.isPresent()) {
            return new ProfileChoice(match.get(), ProfileChoice.Basis.MODEL, Optional.empty());
        }
        return new ProfileChoice(defaultProfile, ProfileChoice.Basis.DEFAULT, Optional.of(fallbackNote(model)));
    }

    /**
     * What the client uses at start: the profile chosen in Settings when there is one, else the one
     * for the device's model, else the default. A chosen name that no longer exists (a custom
     * profile removed, a profile renamed) is said in the note.
     *
     * @param chosenName the name saved in Settings, or null
     * @param model      the model the device reports, or null
     */
    public ProfileChoice select(String chosenName, String model) {
        if (chosenName == null || chosenName.isBlank()) {
            return forModel(model);
        }
        Optional<DeviceProfile> chosen = byName(chosenName.strip());
        if (chosen.isPresent()) {
            return new ProfileChoice(chosen.get(), ProfileChoice.Basis.CHOSEN, Optional.empty());
        }
        String missing = "The profile '" + shown(chosenName) + "' chosen in Settings does not exist";
        ProfileChoice byModel = forModel(model);
        String note = byModel.isFallback()
                ? missing + "; " + lowerFirst(byModel.note().orElseThrow())
                : missing + " — using '" + byModel.profile().name() + "' for device model '" + shown(model)
                        + "'; choose a profile in Settings";
        return new ProfileChoice(byModel.profile(), byModel.basis(), Optional.of(note));
    }

    private Optional<DeviceProfile> match(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        return profiles.values().stream().filter(p -> p.matchesModel(model)).findFirst();
    }

    private String fallbackNote(String model) {
        String using = " — using the default profile '" + defaultProfile.name() + "'; choose a profile in Settings";
        if (model == null || model.isBlank()) {
            return "The device reported no model" + using;
        }
        return "Unknown device model '" + shown(model) + "'" + using;
    }

    /** A device-reported string as it may appear in a note: stripped, printable, not too long. */
    private static String shown(String text) {
        String stripped = text.strip();
        StringBuilder shown = new StringBuilder();
        stripped.codePoints()
                .limit(MODEL_SHOWN_MAX_LENGTH)
                .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (stripped.codePointCount(0, stripped.length()) > MODEL_SHOWN_MAX_LENGTH) {
            shown.append('…');
        }
        return shown.toString();
    }

    private static String lowerFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static DeviceProfiles loadBundled() {
        JsonNode index = ProfileLoader.tree(resource(INDEX), INDEX);
        Problems problems = new Problems();
        JsonFields fields = JsonFields.of(index, problems, "the index", "schemaVersion", "default", "profiles");
        List<String> names = new ArrayList<>();
        String defaultName = null;
        if (fields != null) {
            fields.integer("schemaVersion", new IntRange(ProfileReader.SCHEMA_VERSION, ProfileReader.SCHEMA_VERSION));
            defaultName = fields.string("default");
            List<JsonNode> elements = fields.array("profiles", true);
            for (int i = 0; elements != null && i < elements.size(); i++) {
                JsonNode element = elements.get(i);
                if (element.isTextual()
                        && DeviceProfile.NAME.matcher(element.textValue()).matches()) {
                    names.add(element.textValue());
                } else {
                    problems.at("profiles")
                            .at(i)
                            .add("", "must be a profile name, found " + JsonFields.describe(element));
                }
            }
            fields.finish();
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(INDEX, problems.list());
        }
        List<DeviceProfile> profiles = new ArrayList<>();
        for (String name : names) {
            String file = name + ".json";
            DeviceProfile profile = ProfileReader.read(ProfileLoader.tree(resource(file), file), file);
            if (!profile.name().equals(name)) {
                throw new InvalidProfileException(
                        file,
                        List.of(new Problem(
                                "name",
                                "must be \"" + name + "\" to match the file name, found \"" + profile.name() + "\"")));
            }
            profiles.add(profile);
        }
        try {
            return of(profiles, defaultName);
        } catch (IllegalArgumentException e) {
            throw new InvalidProfileException(INDEX, List.of(new Problem("", e.getMessage())));
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = DeviceProfiles.class.getResourceAsStream(RESOURCE_DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("Bundled resource missing: " + RESOURCE_DIRECTORY + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bundled resource " + RESOURCE_DIRECTORY + file, e);
        }
    }
}
