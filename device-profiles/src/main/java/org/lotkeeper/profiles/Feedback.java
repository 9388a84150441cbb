package org.lotkeeper.profiles;

import java.util.Objects;

/**
 * The tones that confirm a scan (docs/QUALITY.md: a good tone, or an error tone with a red screen and
 * a sentence that says what to do).
 *
 * @param goodTone      played when a scan was captured
 * @param errorTone     played when a scan was refused; must differ from {@code goodTone} in pitch
 * @param volumePercent loudness, 1–100 of the device's range; a profile cannot mute feedback
 */
public record Feedback(Tone goodTone, Tone errorTone, int volumePercent) {

    static final IntRange VOLUME_PERCENT = new IntRange(1, 100);

    public Feedback {
        Objects.requireNonNull(goodTone, "goodTone");
        Objects.requireNonNull(errorTone, "errorTone");
        Problems problems = new Problems();
        VOLUME_PERCENT.check(problems, "volumePercent", volumePercent);
        crossCheck(problems, goodTone, errorTone);
        problems.throwIfAny("feedback");
    }

    static void crossCheck(Problems problems, Tone goodTone, Tone errorTone) {
        if (goodTone.frequencyHz() == errorTone.frequencyHz()) {
            problems.add(
                    "errorTone.frequencyHz",
                    "must differ from goodTone.frequencyHz (" + goodTone.frequencyHz()
                            + " Hz), so operators hear which one it was");
        }
    }
}
