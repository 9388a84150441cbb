package org.lotkeeper.client.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.scan.ScanRecogniser;

/**
 * What every workflow works with.
 *
 * @param reference  master data and this device's identity (read port)
 * @param stock      lots and stock as the device sees them (read port)
 * @param tasks      the work the server sent (read port)
 * @param history    a lot's recent events (read port)
 * @param capture    the capture port (write port) of the logged-in session
 * @param recogniser the scan recogniser, its decoder set up with the device profile's GS replacement
 *                   and the same clock
 * @param clock      the device clock; its zone is the plant's, for "today" (expiry, shelf life)
 */
public record WorkflowContext(
        ReferenceData reference,
        StockView stock,
        TaskView tasks,
        LotHistory history,
        CapturePort capture,
        ScanRecogniser recogniser,
        Clock clock) {

    public WorkflowContext {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(recogniser, "recogniser");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context whose read ports are all one device's data. */
    public static WorkflowContext of(DeviceData data, CapturePort capture, ScanRecogniser recogniser, Clock clock) {
        return new WorkflowContext(data, data, data, data, capture, recogniser, clock);
    }

    /** The plant's date today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
