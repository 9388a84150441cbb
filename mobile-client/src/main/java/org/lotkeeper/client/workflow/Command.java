package org.lotkeeper.client.workflow;

import java.util.Objects;

import org.lotkeeper.client.scan.RawScan;

/**
 * Everything an operator can do to a workflow: a scan, or one of the few taps and keyed values a
 * screen offers ({@link Screen#actions()}). {@link Workflow#handle} is the one entry point; the
 * screens and the simulator build commands and never call a workflow's own methods. Text is passed
 * as the operator gave it: the workflow checks it and answers a sentence when it cannot be used.
 *
 * <p>A new command is a new record here and a new method on {@link Handler}: every workflow then
 * answers it (by default: not offered here), so nothing can forget it.
 */
public sealed interface Command {

    /** Calls the handler method for this command. */
    void applyTo(Handler handler);

    /** The tap this command is, for checking it against {@link Workflow#offers()}; SCAN for a scan. */
    UiAction action();

    /** Something was scanned (scanner, camera, or a line typed and ended with ENTER). */
    record Scan(RawScan scan) implements Command {
        public Scan {
            Objects.requireNonNull(scan, "scan");
        }

        @Override
        public void applyTo(Handler handler) {
            handler.scan(scan);
        }

        @Override
        public UiAction action() {
            return UiAction.SCAN;
        }
    }

    /** A keyed quantity, e.g. "20", "20 KGM", "3 PAIL". */
    record KeyQuantity(String text) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.keyQuantity(text);
        }

        @Override
        public UiAction action() {
            return UiAction.KEY_QUANTITY;
        }
    }

    /** A keyed test result from a supplier's COA: a number ("98.7"), PASS or FAIL, or an answer ("Clear"). */
    record KeyResult(String value) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.keyResult(value);
        }

        @Override
        public UiAction action() {
            return UiAction.KEY_RESULT;
        }
    }

    /** A keyed lot code (receive: the supplier's or the internal lot, when the label cannot be scanned). */
    record KeyLot(String text) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.keyLot(text);
        }

        @Override
        public UiAction action() {
            return UiAction.KEY_LOT;
        }
    }

    /** A keyed output lot of a batch: the item produced and the lot code from the batch ticket. */
    record KeyOutputLot(String item, String lot) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.keyOutputLot(item, lot);
        }

        @Override
        public UiAction action() {
            return UiAction.KEY_LOT;
        }
    }

    /**
     * One tap on a choice of {@link Screen#choices()} (its {@link Choice#value()}), or a keyed
     * reason where free text is allowed; {@code note} is the optional explanation (a FEFO deviation
     * for OTHER reasons needs one).
     */
    record Choose(String choice, String note) implements Command {
        public Choose(String choice) {
            this(choice, null);
        }

        @Override
        public void applyTo(Handler handler) {
            handler.choose(choice, note);
        }

        @Override
        public UiAction action() {
            return UiAction.CHOOSE;
        }
    }

    /** Go on without a scanned reference: receive without a PO (supplier, delivery note), return without an RMA (customer, reference). */
    record NoReference(String partner, String reference) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.noReference(partner, reference);
        }

        @Override
        public UiAction action() {
            return UiAction.NO_REFERENCE;
        }
    }

    /** Link a document (a COA) by its id. */
    record LinkDocument(String documentId) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.linkDocument(documentId);
        }

        @Override
        public UiAction action() {
            return UiAction.LINK_DOCUMENT;
        }
    }

    /** A keyed PIN. */
    record KeyPin(String pin) implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.keyPin(pin);
        }

        @Override
        public UiAction action() {
            return UiAction.KEY_PIN;
        }

        @Override
        public String toString() {
            return "KeyPin[****]";
        }
    }

    /** Confirm what is on the screen (a shipment, a finished batch): the same as the confirming scan. */
    record Confirm() implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.confirm();
        }

        @Override
        public UiAction action() {
            return UiAction.CONFIRM;
        }
    }

    /** Leave the current pick line short. */
    record SkipLine() implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.skipLine();
        }

        @Override
        public UiAction action() {
            return UiAction.SKIP_LINE;
        }
    }

    /** Abandon what is not yet stored and start over. */
    record Cancel() implements Command {
        @Override
        public void applyTo(Handler handler) {
            handler.cancel();
        }

        @Override
        public UiAction action() {
            return UiAction.CANCEL;
        }
    }

    static Command scan(RawScan scan) {
        return new Scan(scan);
    }

    static Command cancel() {
        return new Cancel();
    }

    static Command confirm() {
        return new Confirm();
    }

    /** What a workflow does with each command; one method per command record. */
    interface Handler {
        void scan(RawScan scan);

        void keyQuantity(String text);

        void keyLot(String text);

        void keyResult(String value);

        void keyOutputLot(String item, String lot);

        void choose(String choice, String note);

        void noReference(String partner, String reference);

        void linkDocument(String documentId);

        void keyPin(String pin);

        void confirm();

        void skipLine();

        void cancel();
    }
}
