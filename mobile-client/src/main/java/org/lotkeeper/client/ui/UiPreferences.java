package org.lotkeeper.client.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the operator chose in Settings and what survives a restart: the profile name, sounds on or
 * off, the high-contrast theme. Kept in {@code ui.properties} next to the SQLite file; a missing or
 * unreadable file means the defaults.
 */
public final class UiPreferences {

    private static final String PROFILE = "profile";
    private static final String SOUNDS = "sounds";
    private static final String HIGH_CONTRAST = "highContrast";

    private final Path file;
    private final Properties values = new Properties();

    private UiPreferences(Path file) {
        this.file = file;
    }

    /** The preferences in {@code dataDir}; defaults when there are none yet. */
    public static UiPreferences in(Path dataDir) {
        UiPreferences p = new UiPreferences(dataDir.resolve("ui.properties"));
        if (Files.isRegularFile(p.file)) {
            try (Reader in = Files.newBufferedReader(p.file, StandardCharsets.UTF_8)) {
                p.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.values.clear();
            }
        }
        return p;
    }

    public Optional<String> profileName() {
        return Optional.ofNullable(values.getProperty(PROFILE)).filter(s -> !s.isBlank());
    }

    public boolean sounds() {
        return !"false".equals(values.getProperty(SOUNDS));
    }

    /** Empty: the profile's theme decides. */
    public Optional<Boolean> highContrast() {
        return Optional.ofNullable(values.getProperty(HIGH_CONTRAST)).map(Boolean::parseBoolean);
    }

    public void setProfileName(String name) {
        values.setProperty(PROFILE, name);
        save();
    }

    public void setSounds(boolean on) {
        values.setProperty(SOUNDS, Boolean.toString(on));
        save();
    }

    public void setHighContrast(boolean on) {
        values.setProperty(HIGH_CONTRAST, Boolean.toString(on));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, "Lotkeeper handheld: choices made in Settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the settings to " + file, e);
        }
    }
}
