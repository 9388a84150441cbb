package org.lotkeeper.client.ui.attach;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lotkeeper.client.platform.PlatformServices;
import org.lotkeeper.client.platform.ToneAudioFeedback;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.DeviceProfiles;
import org.lotkeeper.profiles.Tone;

import static org.assertj.core.api.Assertions.assertThat;

/** On a desktop JVM Attach's services are absent, and the desktop adapters take their place. */
class AttachServicesTest {

    private static final DeviceProfile TC5X =
            DeviceProfiles.bundled().byName("zebra-tc5x").orElseThrow();

    @Test
    void onADesktopTheTonesComeFromJavaSoundAndThereIsNoModelAndNoLifecycle() {
        PlatformServices services = AttachServices.platform(TC5X, false);
        assertThat(services.audio()).isInstanceOf(ToneAudioFeedback.class);
        assertThat(AttachServices.deviceModel()).isEmpty();
        assertThat(AttachServices.storage()).isEmpty();
        assertThat(AttachServices.onResume(() -> {})).isFalse();
    }

    @Test
    void theToneFileForAttachIsAWavOfTheProfilesTone() throws Exception {
        Path wav = AttachAudioFeedback.wav(new Tone(2700, 80), 100);
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4, "US-ASCII")).isEqualTo("WAVE");
        assertThat(b.getInt(24)).isEqualTo((int) ToneAudioFeedback.SAMPLE_RATE);
        assertThat(b.getInt(40)).isEqualTo(bytes.length - 44).isEqualTo((int)
                (ToneAudioFeedback.SAMPLE_RATE * 80 / 1000));
    }
}
