package org.lotkeeper.client.platform;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.profiles.DeviceProfiles;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformAdaptersTest {

    @TempDir
    Path dir;

    @Test
    void toneSamplesHaveTheDurationTheVolumeAndNoClick() {
        byte[] loud = ToneAudioFeedback.samples(880, 100, 100);
        byte[] quiet = ToneAudioFeedback.samples(880, 100, 20);
        assertThat(loud).hasSize(2205);
        assertThat(max(loud)).isBetween(120, 127);
        assertThat(max(quiet)).isBetween(20, 26);
        assertThat(Math.abs(loud[0])).isZero();
        assertThat(Math.abs(loud[loud.length - 1])).isLessThan(3);
    }

    @Test
    void headlessDesktopsAreSilentAndOthersPlayTheProfilesTones() {
        var profile = DeviceProfiles.bundled().byName("desktop").orElseThrow();
        assertThat(PlatformServices.desktop(profile, true).audio()).isSameAs(AudioFeedback.SILENT);
        AudioFeedback tones = PlatformServices.desktop(profile, false).audio();
        assertThat(tones).isInstanceOf(ToneAudioFeedback.class);
        tones.good(); // returns at once, whether or not this machine has a sound line
        tones.error();
    }

    @Test
    void storageIsCreatedWhereAsked() {
        Path privateDir = AppStorage.at(dir.resolve("a/b")).privateDirectory();
        assertThat(privateDir).isDirectory().isEqualTo(dir.resolve("a/b"));
    }

    @Test
    void theFileCameraReadsAnImageOffTheCallersThreadAndNothingFromJunk() throws Exception {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("label.png");
        ImageIO.write(image, "png", png.toFile());
        Optional<BufferedImage> taken =
                Camera.fromFile(png, Runnable::run).takePicture().get();
        assertThat(taken).hasValueSatisfying(i -> assertThat(i.getWidth()).isEqualTo(20));
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        assertThat(Camera.fromFile(junk, Runnable::run).takePicture().get()).isEmpty();
        assertThat(Camera.NONE.takePicture().get()).isEmpty();
    }

    private static int max(byte[] samples) {
        int m = 0;
        for (byte b : samples) {
            m = Math.max(m, Math.abs(b));
        }
        return m;
    }
}
