package org.lotkeeper.client.ui.attach;

import java.io.File;
import java.util.Optional;

import com.gluonhq.attach.device.DeviceService;
import com.gluonhq.attach.lifecycle.LifecycleEvent;
import com.gluonhq.attach.lifecycle.LifecycleService;
import com.gluonhq.attach.storage.StorageService;
import org.lotkeeper.client.platform.AppStorage;
import org.lotkeeper.client.platform.AudioFeedback;
import org.lotkeeper.client.platform.PlatformServices;
import org.lotkeeper.profiles.DeviceProfile;

/**
 * The one place that calls Gluon Attach ({@code XService.create()}), behind the client's platform
 * ports. On a Gluon-built handheld the services exist; on a desktop JVM each {@code create()} is
 * empty and the desktop adapter of {@link PlatformServices#desktop} is used instead: tones from
 * {@code javax.sound}, {@code ~/.lotkeeper}, no model (the profile is then chosen by name), no
 * resume events. The camera stays the desktop stand-in: Attach's pictures service is not wired yet.
 */
public final class AttachServices {

    private AttachServices() {}

    /** Audio and storage: Attach's where present, else the desktop adapters. */
    public static PlatformServices platform(DeviceProfile profile, boolean headless) {
        PlatformServices desktop = PlatformServices.desktop(profile, headless);
        AudioFeedback audio = headless
                ? desktop.audio()
                : AttachAudioFeedback.create(profile.feedback())
                        .<AudioFeedback>map(a -> a)
                        .orElse(desktop.audio());
        return new PlatformServices(audio, storage().orElse(desktop.storage()), desktop.camera());
    }

    /** The app's private directory from Attach's storage service, when there is one. */
    public static Optional<AppStorage> storage() {
        return StorageService.create()
                .flatMap(StorageService::getPrivateStorage)
                .map(File::toPath)
                .map(AppStorage::at);
    }

    /** The device model (e.g. "TC52ax") to choose the profile by; empty on desktops. */
    public static Optional<String> deviceModel() {
        return DeviceService.create().map(DeviceService::getModel).filter(m -> m != null && !m.isBlank());
    }

    /** Runs {@code onResume} whenever the app comes back to the foreground (sync then); nothing on desktops. */
    public static boolean onResume(Runnable onResume) {
        Optional<LifecycleService> lifecycle = LifecycleService.create();
        lifecycle.ifPresent(s -> s.addListener(LifecycleEvent.RESUME, onResume));
        return lifecycle.isPresent();
    }
}
