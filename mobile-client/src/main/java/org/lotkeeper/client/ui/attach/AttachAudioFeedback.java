package org.lotkeeper.client.ui.attach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.gluonhq.attach.audio.Audio;
import com.gluonhq.attach.audio.AudioService;
import org.lotkeeper.client.platform.AudioFeedback;
import org.lotkeeper.client.platform.ToneAudioFeedback;
import org.lotkeeper.profiles.Feedback;
import org.lotkeeper.profiles.Tone;

/**
 * The profile's good and error tones through Gluon Attach's {@link AudioService}: the same sine
 * tones as the desktop's {@link ToneAudioFeedback}, written once as WAV files and loaded as sounds.
 */
final class AttachAudioFeedback implements AudioFeedback {

    private final Audio good;
    private final Audio error;

    private AttachAudioFeedback(Audio good, Audio error) {
        this.good = good;
        this.error = error;
    }

    /** Empty when Attach has no audio service here (desktops) or the sounds cannot be loaded. */
    static Optional<AttachAudioFeedback> create(Feedback feedback) {
        Optional<AudioService> service = AudioService.create();
        if (service.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Audio> good = service.get()
                    .loadSound(wav(feedback.goodTone(), feedback.volumePercent())
                            .toUri()
                            .toURL());
            Optional<Audio> error = service.get()
                    .loadSound(wav(feedback.errorTone(), feedback.volumePercent())
                            .toUri()
                            .toURL());
            if (good.isEmpty() || error.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AttachAudioFeedback(good.get(), error.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void good() {
        good.play();
    }

    @Override
    public void error() {
        error.play();
    }

    /** A mono 8-bit PCM WAV file of the tone. */
    static Path wav(Tone tone, int volumePercent) throws IOException {
        byte[] signed = ToneAudioFeedback.samples(tone.frequencyHz(), tone.durationMillis(), volumePercent);
        byte[] pcm = new byte[signed.length];
        for (int i = 0; i < signed.length; i++) {
            pcm[i] = (byte) (signed[i] + 128); // WAV 8-bit samples are unsigned
        }
        int rate = (int) ToneAudioFeedback.SAMPLE_RATE;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + pcm.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate)
                .putShort((short) 1)
                .putShort((short) 8)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(pcm.length);
        Path file = Files.createTempFile("lotkeeper-tone-" + tone.frequencyHz() + "-", ".wav");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            out.write(pcm);
        }
        return file;
    }
}
