package org.lotkeeper.profiles;

/**
 * One beep.
 *
 * @param frequencyHz    pitch
 * @param durationMillis length
 */
public record Tone(int frequencyHz, int durationMillis) {

    static final IntRange FREQUENCY_HZ = new IntRange(100, 10_000);
    static final IntRange DURATION_MILLIS = new IntRange(20, 2_000);

    public Tone {
        Problems problems = new Problems();
        FREQUENCY_HZ.check(problems, "frequencyHz", frequencyHz);
        DURATION_MILLIS.check(problems, "durationMillis", durationMillis);
        problems.throwIfAny("tone");
    }
}
