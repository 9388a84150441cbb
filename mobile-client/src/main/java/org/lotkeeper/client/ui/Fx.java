package org.lotkeeper.client.ui;

import javafx.application.Platform;

/** Running on the FX thread. */
final class Fx {

    private Fx() {}

    /** Runs now when on the FX thread, else later on it (sync listeners call from other threads). */
    static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
