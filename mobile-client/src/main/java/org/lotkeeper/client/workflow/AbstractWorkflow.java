package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.model.fefo.Allocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.LotRow;

/**
 * The common frame of the workflows: the one entry point {@link #handle}, recognising scans,
 * turning every refusal (and any unexpected exception) into ERROR feedback, and building the
 * {@link Screen}. A workflow overrides the {@code on…} method of each command it takes; every
 * other command is answered "not possible here".
 *
 * <p>Handlers validate first and change state last, so a refused command leaves the workflow
 * where it was.
 *
 * @param <S> the workflow's step enum
 */
abstract class AbstractWorkflow<S extends Enum<S> & WorkflowStep> implements Workflow {

    protected final WorkflowContext ctx;
    protected final ReferenceData masterData;
    protected final StockView stock;
    protected final TaskView tasks;
    protected final LotHistory history;
    protected final Resolve resolve;
    protected S step;
    private Feedback feedback;
    private Blocked blocked;
    /** The last refusal was for data this device does not have yet: offer {@link UiAction#SYNC}. */
    private boolean syncOffered;
    /** What this workflow has stored since it was opened: Cancel never says "nothing was saved" after it. */
    private final List<CapturedEvent> saved = new ArrayList<>();

    private final Command.Handler handler = new Dispatch();

    AbstractWorkflow(WorkflowContext ctx, S first) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.masterData = ctx.reference();
        this.stock = ctx.stock();
        this.tasks = ctx.tasks();
        this.history = ctx.history();
        this.resolve = new Resolve(ctx.reference(), ctx.stock());
        this.step = first;
    }

    @Override
    public final Screen handle(Command command) {
        blocked = null;
        if (command == null) {
            feedback = Feedback.error("Nothing was scanned — scan the barcode again.");
            return screen();
        }
        return act(() -> command.applyTo(handler));
    }

    @Override
    public final Screen screen() {
        return new Screen(
                kind(),
                step,
                prompt(),
                Optional.ofNullable(feedback),
                fields(),
                syncOffered ? withSync(actions()) : actions(),
                choices(),
                fefo(),
                Optional.ofNullable(blocked));
    }

    private static Set<UiAction> withSync(Set<UiAction> actions) {
        Set<UiAction> all = EnumSet.of(UiAction.SYNC);
        all.addAll(actions);
        return all;
    }

    /** Runs a command; a refusal or failure becomes ERROR feedback and the state stays as it was. */
    private Screen act(Runnable action) {
        syncOffered = false;
        try {
            action.run();
        } catch (Refusal r) {
            feedback = Feedback.error(r.getMessage());
            blocked = r.blocked().orElse(null);
            syncOffered = r.missingOnDevice();
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
        saved.addAll(captured);
    }

    /**
     * An answer that moves on but needs the operator's eyes: red with the error tone, not a
     * refusal (what was done stays done), with the lot that must not be used when there is one.
     */
    protected final void attention(String message, List<CapturedEvent> captured, Blocked lot) {
        feedback = new Feedback(Tone.ERROR, message, captured);
        saved.addAll(captured);
        blocked = lot;
    }

    /**
     * The lot's own reasons not to be used — its status, its expiry or retest date — as the banner names them;
     * empty when the lot may be used (what a location or an order adds is judged where it arises).
     */
    protected final Optional<Blocked> blockedLot(LotRef ref) {
        return stock.lot(ref).flatMap(row -> {
            List<UnavailableReason> reasons = new ArrayList<>();
            Blocked.reasonOf(row.status()).ifPresent(reasons::add);
            if (ShelfLife.isExpired(row.expiry(), ctx.today())) {
                reasons.add(UnavailableReason.EXPIRED);
            } else if (ShelfLife.isDueForRetest(row.retestDate(), ctx.today())) {
                reasons.add(UnavailableReason.DUE_FOR_RETEST);
            }
            return reasons.isEmpty() ? Optional.empty() : Optional.of(new Blocked(ref, reasons));
        });
    }

    /**
     * As {@link #blockedLot}, for goods that arrive (a receipt, a return): they wait on QA anyway,
     * so quarantine alone is no alarm; recalled, rejected, on hold or expired still are.
     */
    protected final Optional<Blocked> blockedBeyondQa(LotRef ref) {
        return blockedBy(ref, r -> r != UnavailableReason.QUARANTINE);
    }

    /** As {@link #blockedLot}, keeping only the reasons {@code counts} takes; empty when none is left. */
    protected final Optional<Blocked> blockedBy(LotRef ref, java.util.function.Predicate<UnavailableReason> counts) {
        return blockedLot(ref).flatMap(b -> {
            List<UnavailableReason> kept = b.reasons().stream().filter(counts).toList();
            return kept.isEmpty() ? Optional.empty() : Optional.of(new Blocked(b.lot(), kept));
        });
    }

    /**
     * "is recalled", "is on hold", "expired on 2026-11-01" …: why a blocked lot may not be used, as
     * an operator reads it.
     */
    protected final String why(Blocked lot) {
        return switch (lot.banner().orElse(lot.reasons().get(0))) {
            case RECALLED -> "is recalled";
            case REJECTED -> "was rejected by QA";
            case ON_HOLD -> "is on hold";
            case QUARANTINE -> "is in quarantine — QA has not released it";
            case EXPIRED ->
                stock.lot(lot.lot())
                        .map(LotRow::expiry)
                        .map(expiry -> "expired on " + expiry)
                        .orElse("has expired");
            case DUE_FOR_RETEST ->
                stock.lot(lot.lot())
                        .map(LotRow::retestDate)
                        .map(date -> "was due for retest on " + date + " — QA must retest it first")
                        .orElse("is due for retest");
            default -> "may not be used";
        };
    }

    /**
     * Refuses, on the scan that names it, a lot that may not be used whatever the location: red,
     * the error tone, the banner, the reason and what to do. {@code use} is the verb of the
     * workflow ("pick", "load", "use").
     */
    protected final void refuseIfBlocked(LotRef ref, String use) {
        Optional<Blocked> unusable = blockedLot(ref);
        if (unusable.isPresent()) {
            throw refuse(
                    "Lot " + ref.lot() + " " + why(unusable.get()) + " — do not " + use
                            + " it; set it aside, tell your supervisor and take another lot.",
                    unusable.get());
        }
    }

    /** Shows a lot that must not be used on an answer that is not a refusal (a lookup). */
    protected final void showBlocked(Blocked lot) {
        blocked = lot;
    }

    protected static Refusal refuse(String message) {
        return new Refusal(message);
    }

    protected static Refusal refuse(String message, Blocked blocked) {
        return new Refusal(message, blocked);
    }

    /** A refusal that shows the banner when the lot it is about may not be used. */
    protected static Refusal refuse(String message, Optional<Blocked> blocked) {
        return new Refusal(message, blocked.orElse(null));
    }

    private Refusal notHere() {
        return refuse("That is not possible here. " + prompt());
    }

    // ------------------------------------------------------------------ commands

    /** Handles a recognised scan (never {@link Scan.Unrecognised}); throws {@link Refusal} to refuse it. */
    protected abstract void onScan(Scan scan);

    protected void onKeyQuantity(String text) {
        throw notHere();
    }

    protected void onKeyLot(String text) {
        throw notHere();
    }

    protected void onKeyResult(String value) {
        throw notHere();
    }

    protected void onKeyOutputLot(String item, String lot) {
        throw notHere();
    }

    protected void onChoose(String choice, String note) {
        throw notHere();
    }

    protected void onNoReference(String partner, String reference) {
        throw notHere();
    }

    protected void onLinkDocument(String documentId) {
        throw notHere();
    }

    protected void onKeyPin(String pin) {
        throw notHere();
    }

    protected void onConfirm() {
        throw notHere();
    }

    protected void onSkipLine() {
        throw notHere();
    }

    /**
     * Cancel: forgets what is not stored and says so — and, once this workflow has stored
     * something, says what stays saved instead of claiming nothing was.
     */
    protected void onCancel() {
        reset();
        if (saved.isEmpty()) {
            good("Cancelled — nothing was saved. " + prompt());
        } else {
            feedback = new Feedback(
                    Tone.GOOD,
                    "Cancelled what was not finished. Saved before: " + saved.size()
                            + (saved.size() == 1 ? " step" : " steps")
                            + " — they stay saved and are sent to the server. " + prompt(),
                    List.of());
        }
    }

    // ------------------------------------------------------------------ state and screen

    /** Forgets everything not yet stored and goes back to the first step. */
    protected abstract void reset();

    /** The prompt for the current step. */
    protected abstract String prompt();

    /** What is filled in so far. */
    protected abstract List<Field> fields();

    /** The taps offered in the current step. */
    protected abstract Set<UiAction> actions();

    /** The one-tap choices of the current step; none by default. */
    protected List<Choice> choices() {
        return List.of();
    }

    /** The FEFO suggestion shown front and centre; none by default. */
    protected Optional<Allocation> fefo() {
        return Optional.empty();
    }

    /** Sends each command to its {@code on…} method; a scan is recognised first. */
    private final class Dispatch implements Command.Handler {
        @Override
        public void scan(RawScan raw) {
            Scan scan = ctx.recogniser().recognise(raw.text());
            if (scan instanceof Scan.Unrecognised u) {
                throw refuse(u.message());
            }
            onScan(scan);
        }

        @Override
        public void keyQuantity(String text) {
            onKeyQuantity(text);
        }

        @Override
        public void keyLot(String text) {
            onKeyLot(text);
        }

        @Override
        public void keyResult(String value) {
            onKeyResult(value);
        }

        @Override
        public void keyOutputLot(String item, String lot) {
            onKeyOutputLot(item, lot);
        }

        @Override
        public void choose(String choice, String note) {
            onChoose(choice, note);
        }

        @Override
        public void noReference(String partner, String reference) {
            onNoReference(partner, reference);
        }

        @Override
        public void linkDocument(String documentId) {
            onLinkDocument(documentId);
        }

        @Override
        public void keyPin(String pin) {
            onKeyPin(pin);
        }

        @Override
        public void confirm() {
            onConfirm();
        }

        @Override
        public void skipLine() {
            onSkipLine();
        }

        @Override
        public void cancel() {
            onCancel();
        }
    }
}
