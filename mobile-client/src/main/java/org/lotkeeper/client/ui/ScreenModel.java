package org.lotkeeper.client.ui;

import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.lotkeeper.client.workflow.Feedback;
import org.lotkeeper.client.workflow.Tone;

/**
 * What every screen's view model has: the large prompt (what to scan next), the answer to the last
 * scan (GOOD: green and the good tone; ERROR: red, the error tone and a sentence that says what
 * to do) and the blocked-lot banner.
 */
public abstract class ScreenModel implements ScanTarget {

    protected final ClientContext ctx;
    protected final Navigator nav;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>();
    private final StringProperty blocked = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");

    protected ScreenModel(ClientContext ctx, Navigator nav, String title) {
        this.ctx = Objects.requireNonNull(ctx);
        this.nav = Objects.requireNonNull(nav);
        this.title.set(title);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt;
    }

    /** The sentence answering the last scan or action; empty before the first. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** GOOD or ERROR for the last answer; null before the first. */
    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone;
    }

    /** The status of a blocked lot ("RECALLED"); empty when no blocked lot is on screen. */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked;
    }

    /** What the operator has typed so far (manual entry echo). */
    public ReadOnlyStringProperty typedProperty() {
        return typed;
    }

    /** Screens without a scan step (settings, sync status) say so. */
    @Override
    public void scanned(org.lotkeeper.client.scan.RawScan scan) {
        typing("");
        error("Nothing to scan here — Esc goes back.");
    }

    @Override
    public void typing(String text) {
        typed.set(text);
    }

    protected void prompt(String text) {
        prompt.set(text);
    }

    protected void blocked(String status) {
        blocked.set(status == null ? "" : status);
    }

    /** Shows an answer and plays its tone. */
    protected void answer(Feedback feedback) {
        if (feedback.isError()) {
            error(feedback.message());
        } else {
            good(feedback.message());
        }
    }

    protected void good(String text) {
        message.set(text);
        tone.set(Tone.GOOD);
        ctx.audio().good();
    }

    protected void error(String text) {
        message.set(text);
        tone.set(Tone.ERROR);
        ctx.audio().error();
    }

    /** A neutral note (no tone), e.g. help. */
    protected void note(String text) {
        message.set(text);
        tone.set(null);
    }

    /** Whether this device scans with its camera too (the profile's scanInput.camera). */
    public boolean cameraAvailable() {
        return ctx.profile().scanInput().camera();
    }

    /** The camera scanner (the profile's CAMERA_SCAN key or scan trigger, or the Camera tap): the decoded barcode is a scan. */
    public void cameraScan() {
        if (!ctx.profile().scanInput().camera()) {
            note("This device has no camera — scan with the scanner, or type the code and press ENTER.");
            return;
        }
        note("Taking a picture …");
        ctx.executor()
                .execute(
                        ctx::cameraScan,
                        scan -> scan.ifPresentOrElse(
                                this::scanned,
                                () -> error(
                                        "No barcode found in the picture — hold the label flat, fill the frame with it, and try again.")),
                        this::failed);
    }

    /** A failure of the work thread as a sentence; never a crash. */
    protected void failed(Throwable t) {
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        error("That did not work (" + detail + ") — try again; if it keeps failing, tell your supervisor.");
    }
}
