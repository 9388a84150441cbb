package org.lotkeeper.client.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.lotkeeper.client.core.ClientCore;
import org.lotkeeper.client.platform.AudioFeedback;
import org.lotkeeper.client.platform.PlatformServices;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.scan.ZxingImageDecoder;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.DeviceProfiles;
import org.lotkeeper.profiles.ProfileChoice;

/**
 * The device the screens work on: its {@link ClientCore} (reopened on the same SQLite file when
 * the operator switches the profile in Settings), the profile registry, the operator's
 * preferences, the tones and the work thread. View models get it; views never do.
 */
public final class ClientContext implements AutoCloseable {

    /** Opens a core for a profile on the device's SQLite file. */
    @FunctionalInterface
    public interface CoreFactory {
        ClientCore open(Path databaseFile, DeviceProfile profile);
    }

    private final Path dataDir;
    private final DeviceProfiles profiles;
    private final UiPreferences preferences;
    private final TaskExecutor executor;
    private final Function<DeviceProfile, PlatformServices> platformFactory;
    private final ZxingImageDecoder decoder = new ZxingImageDecoder(Runnable::run);
    private final CoreFactory coreFactory;
    private volatile ClientCore core; // replaced on the work thread by a profile switch
    private volatile PlatformServices platform;
    private String profileNote;

    private ClientContext(
            Path dataDir,
            DeviceProfiles profiles,
            TaskExecutor executor,
            Function<DeviceProfile, PlatformServices> platformFactory,
            CoreFactory coreFactory,
            ProfileChoice choice) {
        this.dataDir = dataDir;
        this.profiles = profiles;
        this.preferences = UiPreferences.in(dataDir);
        this.executor = executor;
        this.platformFactory = platformFactory;
        this.coreFactory = coreFactory;
        this.profileNote = choice.note().orElse(null);
        open(choice.profile());
    }

    /**
     * The device in {@code dataDir}. The profile is {@code profileName} when given, else the one
     * chosen in Settings, else the one the device model matches (a desktop, with no model, gets
     * {@code desktop}); an unknown name falls back and says so in {@link #profileNote()}.
     */
    public static ClientContext open(
            Path dataDir,
            String profileName,
            String model,
            TaskExecutor executor,
            Function<DeviceProfile, PlatformServices> platformFactory,
            CoreFactory coreFactory) {
        try {
            // a new device's data directory, as the README's command names one, is made here
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot use " + dataDir + " as the device's data directory: " + e.getMessage(), e);
        }
        DeviceProfiles profiles = DeviceProfiles.bundled();
        String chosen = profileName != null
                ? profileName
                : UiPreferences.in(dataDir).profileName().orElse(model == null ? "desktop" : null);
        return new ClientContext(
                dataDir, profiles, executor, platformFactory, coreFactory, profiles.select(chosen, model));
    }

    private void open(DeviceProfile profile) {
        core = coreFactory.open(dataDir.resolve("lotkeeper.db"), profile);
        platform = platformFactory.apply(profile);
    }

    public ClientCore core() {
        return core;
    }

    public DeviceProfile profile() {
        return core.profile();
    }

    public DeviceProfiles profiles() {
        return profiles;
    }

    public UiPreferences preferences() {
        return preferences;
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** Why the profile is not the one asked for, if it is not. */
    public Optional<String> profileNote() {
        return Optional.ofNullable(profileNote);
    }

    /** The tones, or silence when the operator turned sounds off. */
    public AudioFeedback audio() {
        return preferences.sounds() ? platform.audio() : AudioFeedback.SILENT;
    }

    /**
     * Takes a picture and decodes the barcode in it (ZXing), on the calling (work) thread; empty
     * when the device has no camera, the operator cancelled, or no barcode was found.
     */
    public Optional<RawScan> cameraScan() throws InterruptedException, ExecutionException {
        if (!profile().scanInput().camera()) {
            return Optional.empty();
        }
        return platform.camera().takePicture().get().flatMap(image -> decoder.decodeNow(image, ScanSource.CAMERA));
    }

    /** Whether the high-contrast theme is on: the operator's choice, else the profile's. */
    public boolean highContrast() {
        return preferences.highContrast().orElse(profile().theme() == org.lotkeeper.profiles.Theme.HIGH_CONTRAST);
    }

    /**
     * Reopens the device with another profile (same SQLite file: enrollment and outbox are kept;
     * the session ends). Saved as the operator's choice.
     *
     * @throws IllegalArgumentException for a name that is no profile
     */
    public void switchProfile(String name) {
        DeviceProfile next = profiles.byName(Objects.requireNonNull(name))
                .orElseThrow(() -> new IllegalArgumentException(
                        "There is no profile '" + name + "' — choose one of " + profiles.names() + "."));
        boolean syncing = core.isEnrolled();
        core.close();
        open(next);
        profileNote = null;
        preferences.setProfileName(next.name());
        if (syncing) {
            core.startSync();
        }
    }

    @Override
    public void close() {
        core.close();
        if (executor instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the work thread cannot fail in a way the operator could act on
            }
        }
    }
}
