package org.lotkeeper.client.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.scan.ScanRecogniser;

/**
 * What every workflow works with.
 *
 * @param view       the local view (read port)
 * @param capture    the capture port (write port) of the logged-in session
 * @param recogniser the scan recogniser, its decoder set up with the device profile's GS replacement
 *                   and the same clock
 * @param clock      the device clock; its zone is the plant's, for "today" (expiry, shelf life)
 */
public record WorkflowContext(LocalView view, CapturePort capture, ScanRecogniser recogniser, Clock clock) {

    public WorkflowContext {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(recogniser, "recogniser");
        Objects.requireNonNull(clock, "clock");
    }

    /** The plant's date today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
