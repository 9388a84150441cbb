package org.lotkeeper.client.platform;

import org.lotkeeper.profiles.DeviceProfile;

/**
 * The one place where the client chooses its platform adapters. Desktop JVMs get the adapters of
 * this package; a Gluon-built handheld replaces them with Attach services (audio, storage,
 * pictures) where those exist here. Barcode scanning, connectivity, vibration and settings have no
 * Attach service on this build's registry, so scanning rests on keyboard-wedge input and ZXing,
 * and connectivity on the sync engine's own reachability.
 */
public record PlatformServices(AudioFeedback audio, AppStorage storage, Camera camera) {

    /** Desktop adapters for a device profile; {@code headless} turns the tones off. */
    public static PlatformServices desktop(DeviceProfile profile, boolean headless) {
        AudioFeedback audio = headless ? AudioFeedback.SILENT : new ToneAudioFeedback(profile.feedback());
        return new PlatformServices(audio, AppStorage.desktop(), Camera.NONE);
    }
}
