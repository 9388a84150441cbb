package org.lotkeeper.client.platform;

/**
 * The tone after a scan: good (the step was stored or accepted) or error (the scan was refused;
 * the screen says why). Implementations never block the caller for the tone's duration.
 */
public interface AudioFeedback {

    void good();

    void error();

    /** No sound: headless runs, tests, and devices whose profile turns tones off. */
    AudioFeedback SILENT = new AudioFeedback() {
        @Override
        public void good() {}

        @Override
        public void error() {}
    };
}
