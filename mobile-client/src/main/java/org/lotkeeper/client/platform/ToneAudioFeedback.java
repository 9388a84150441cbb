package org.lotkeeper.client.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.lotkeeper.profiles.Feedback;
import org.lotkeeper.profiles.Tone;

/**
 * Desktop tones from the device profile's {@link Feedback}: sine waves synthesised with
 * {@code javax.sound}, played on one background thread so a scan's feedback never waits for the
 * sound card. A machine without a sound line stays silent instead of failing.
 */
public final class ToneAudioFeedback implements AudioFeedback, AutoCloseable {

    /** Samples per second of {@link #samples}. */
    public static final float SAMPLE_RATE = 22_050f;

    private final Feedback feedback;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lotkeeper-tones");
        t.setDaemon(true);
        return t;
    });

    public ToneAudioFeedback(Feedback feedback) {
        this.feedback = feedback;
    }

    @Override
    public void good() {
        play(feedback.goodTone());
    }

    @Override
    public void error() {
        play(feedback.errorTone());
    }

    private void play(Tone tone) {
        byte[] samples = samples(tone.frequencyHz(), tone.durationMillis(), feedback.volumePercent());
        player.execute(() -> {
            AudioFormat format = new AudioFormat(SAMPLE_RATE, 8, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(samples, 0, samples.length);
                line.drain();
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException noSound) {
                // no sound line on this machine: the screen still shows green or red
            }
        });
    }

    /** Signed 8-bit mono PCM of a sine tone, faded in and out over 5 ms so it does not click. */
    public static byte[] samples(int frequencyHz, int durationMillis, int volumePercent) {
        int n = (int) (SAMPLE_RATE * durationMillis / 1000);
        int fade = (int) (SAMPLE_RATE * 0.005);
        byte[] out = new byte[n];
        double amplitude = 127 * Math.min(100, Math.max(0, volumePercent)) / 100.0;
        for (int i = 0; i < n; i++) {
            double envelope = Math.min(1.0, Math.min(i, n - 1 - i) / (double) Math.max(1, fade));
            out[i] = (byte) Math.round(amplitude * envelope * Math.sin(2 * Math.PI * frequencyHz * i / SAMPLE_RATE));
        }
        return out;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
