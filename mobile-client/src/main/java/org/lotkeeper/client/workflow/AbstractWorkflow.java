package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.model.scan.Scan;

/**
 * The common frame of the workflows: recognising the scan, turning every refusal (and any
 * unexpected exception) into ERROR feedback, and building the {@link Screen}.
 *
 * <p>Handlers validate first and change state last, so a refused scan or action leaves the
 * workflow where it was.
 *
 * @param <S> the workflow's step enum
 */
abstract class AbstractWorkflow<S extends Enum<S> & WorkflowStep> implements Workflow {

    protected final WorkflowContext ctx;
    protected final LocalView view;
    protected final Resolve resolve;
    protected S step;
    private Feedback feedback;

    AbstractWorkflow(WorkflowContext ctx, S first) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.view = ctx.view();
        this.resolve = new Resolve(ctx.view());
        this.step = first;
    }

    @Override
    public final Screen accept(RawScan raw) {
        return act(() -> {
            if (raw == null) {
                throw new Refusal("Nothing was scanned — scan the barcode again.");
            }
            Scan scan = ctx.recogniser().recognise(raw.text());
            if (scan instanceof Scan.Unrecognised u) {
                throw new Refusal(u.message());
            }
            onScan(scan);
        });
    }

    @Override
    public final Screen cancel() {
        return act(() -> {
            reset();
            good("Cancelled — nothing was saved. " + prompt());
        });
    }

    @Override
    public final Screen screen() {
        return new Screen(kind(), step, prompt(), Optional.ofNullable(feedback), fields(), actions(), choices());
    }

    /** Runs an action; a refusal or failure becomes ERROR feedback and the state stays as it was. */
    protected final Screen act(Runnable action) {
        try {
            action.run();
        } catch (Refusal r) {
            feedback = Feedback.error(r.getMessage());
        } catch (CaptureFailedException e) {
            feedback = Feedback.error("Not saved: " + Resolve.printable(e.getMessage())
                    + " — scan again to retry; if it keeps failing, tell your supervisor.");
        } catch (RuntimeException e) {
            feedback = Feedback.error("This could not be used (" + Resolve.printable(e.getMessage())
                    + ") — scan again, or cancel and start over.");
        }
        return screen();
    }

    protected final void good(String message) {
        feedback = Feedback.good(message);
    }

    protected final void good(String message, List<CapturedEvent> captured) {
        feedback = new Feedback(Tone.GOOD, message, captured);
    }

    protected static Refusal refuse(String message) {
        return new Refusal(message);
    }

    /** Handles a recognised scan (never {@link Scan.Unrecognised}); throws {@link Refusal} to refuse it. */
    protected abstract void onScan(Scan scan);

    /** Forgets everything not yet stored and goes back to the first step. */
    protected abstract void reset();

    /** The prompt for the current step. */
    protected abstract String prompt();

    /** What is filled in so far. */
    protected abstract List<Field> fields();

    /** The taps offered in the current step. */
    protected abstract Set<UiAction> actions();

    /** The one-tap choices of the current step; none by default. */
    protected List<String> choices() {
        return List.of();
    }
}
