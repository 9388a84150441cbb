package org.lotkeeper.client.ui;

import java.util.regex.Pattern;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.workflow.Choice;
import org.lotkeeper.client.workflow.Command;
import org.lotkeeper.client.workflow.Field;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.UiAction;
import org.lotkeeper.client.workflow.Workflow;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.fefo.Allocation;
import org.lotkeeper.profiles.KeyAction;

/**
 * One workflow of the client core on screen (receive, move, pick, count, ship, produce, return,
 * lookup, hold). It holds no workflow logic: scans, keyed values and taps become {@link Command}s
 * for the core's {@link Workflow} on the work thread, and the {@link Screen} that comes back is
 * shown as it is — its typed parts (FEFO suggestion, blocked lot, choices, actions) drive what is
 * shown, never the wording of its sentences.
 */
public final class WorkflowViewModel extends ScreenModel {

    private static final Pattern QUANTITY = Pattern.compile("-?\\d+([.,]\\d+)?(\\s+\\S+)?");

    private final WorkflowKind kind;
    private volatile Workflow workflow; // set and driven on the work thread, checked on the FX thread
    private final SimpleObjectProperty<Screen> screen = new SimpleObjectProperty<>();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<UiAction> actions = FXCollections.observableArrayList();
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final SimpleStringProperty fefo = new SimpleStringProperty("");
    // one read-only view each, kept: an unmodifiable wrapper listens weakly, so a fresh one per call could be collected
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<UiAction> actionsView = FXCollections.unmodifiableObservableList(actions);
    private final ObservableList<Choice> choicesView = FXCollections.unmodifiableObservableList(choices);

    public WorkflowViewModel(ClientContext ctx, Navigator nav, WorkflowKind kind) {
        super(ctx, nav, Labels.title(kind));
        this.kind = kind;
        prompt("Opening " + Labels.title(kind) + " …");
        ctx.executor()
                .execute(
                        () -> {
                            workflow = ctx.core().start(kind);
                            return workflow.screen();
                        },
                        this::show,
                        this::failed);
    }

    public WorkflowKind kind() {
        return kind;
    }

    /** The last screen of the core's workflow; null while it opens. */
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObservableList<Field> fields() {
        return fieldsView;
    }

    public ObservableList<UiAction> actions() {
        return actionsView;
    }

    /** The one-tap choices shown now (reasons, transformation kinds). */
    public ObservableList<Choice> choices() {
        return choicesView;
    }

    /** Pick: the lot FEFO says to take ("P-5001 at WH-A-01, 10 H87"); empty otherwise. */
    public ReadOnlyStringProperty fefoProperty() {
        return fefo;
    }

    /**
     * The scan entry point: every scan (wedge, camera) and every line typed and ended with ENTER.
     * Typed numbers go to the quantity where the step takes one, or pick a numbered choice.
     */
    @Override
    public void scanned(RawScan scan) {
        typing("");
        Screen now = screen.get();
        if (scan.source() == ScanSource.MANUAL && now != null) {
            String text = scan.text();
            if (!choices.isEmpty() && text.matches("\\d{1,2}")) {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= choices.size()) {
                    choose(choices.get(n - 1).value());
                    return;
                }
            }
            if (now.actions().contains(UiAction.KEY_RESULT)) {
                send(new Command.KeyResult(text));
                return;
            }
            if (now.actions().contains(UiAction.KEY_QUANTITY)
                    && !now.actions().contains(UiAction.KEY_LOT)
                    && QUANTITY.matcher(text).matches()) {
                send(new Command.KeyQuantity(text));
                return;
            }
        }
        send(Command.scan(scan));
    }

    @Override
    public void keyAction(KeyAction action) {
        switch (action) {
            case BACK -> back();
            case CONFIRM -> {
                if (actions.contains(UiAction.CONFIRM)) {
                    confirm();
                }
            }
            case SYNC_NOW -> {
                ctx.core().requestSync();
                note("Syncing now.");
            }
            case MANUAL_ENTRY -> note("Type the code from the label on the keys, then press ENTER.");
            case HELP -> note(help());
            case CAMERA_SCAN -> cameraScan();
            default -> action.workflow().ifPresent(w -> nav.workflow(WorkflowKind.valueOf(w.name())));
        }
    }

    /** ESC: abandon what is not stored; on an empty first step, leave the workflow. */
    public void back() {
        if (fields.isEmpty()) {
            nav.home();
        } else {
            cancel();
        }
    }

    public void cancel() {
        send(Command.cancel());
    }

    /** Ship: confirm the shipment; produce: finish the batch. */
    public void confirm() {
        send(Command.confirm());
    }

    /**
     * "Sync now" beside a refusal for data the device does not have yet: asks the sync engine for
     * a cycle now; the workflow keeps its state, and the operator scans again once it has run.
     */
    public void syncNow() {
        ctx.executor()
                .execute(
                        () -> {
                            ctx.core().requestSync();
                            return null;
                        },
                        nothing -> good("Syncing now — scan again in a moment (the status line shows the last sync)."),
                        this::failed);
    }

    public void skipLine() {
        send(new Command.SkipLine());
    }

    /** A test result keyed from a supplier's COA. */
    public void keyResult(String value) {
        send(new Command.KeyResult(value));
    }

    /** One tap on a choice: a deviation reason, a return or hold reason, a kind of batch. */
    public void choose(String choice) {
        send(new Command.Choose(choice));
    }

    /** Receive without a PO (supplier, delivery note) or return without an RMA (customer, reference). */
    public void noReference(String partner, String reference) {
        send(new Command.NoReference(partner, reference));
    }

    /** Receive: link a COA by its id. */
    public void linkDocument(String documentId) {
        send(new Command.LinkDocument(documentId));
    }

    /** Produce: key an output lot. */
    public void keyOutputLot(String item, String lot) {
        send(new Command.KeyOutputLot(item, lot));
    }

    /** Hands one command to the workflow on the work thread (all of one workflow's commands run there, in order). */
    private void send(Command command) {
        ctx.executor()
                .execute(
                        () -> {
                            if (workflow == null) {
                                throw new IllegalStateException("this screen is not ready — go back and open it again");
                            }
                            return workflow.handle(command);
                        },
                        s -> {
                            show(s);
                            nav.refreshStatus();
                        },
                        t -> {
                            if (t instanceof IllegalArgumentException) {
                                error("That cannot be used: " + t.getMessage() + " — check it and try again.");
                            } else {
                                failed(t);
                            }
                        });
    }

    private void show(Screen s) {
        screen.set(s);
        prompt(s.prompt());
        fields.setAll(s.filled());
        fefo.set(s.fefo().map(WorkflowViewModel::fefo).orElse(""));
        actions.setAll(s.actions().stream().sorted().toList());
        choices.setAll(s.choices());
        String blockedStatus = BlockedLot.of(s).orElse("");
        blocked(blockedStatus);
        s.feedback().ifPresent(f -> {
            if (!blockedStatus.isEmpty() && !f.isError()) {
                error(f.message()); // an answer about a blocked lot alarms: red and the error tone, not green
            } else {
                answer(f);
            }
        });
    }

    /** "P-5001 at WH-A-01, 10 H87". */
    private static String fefo(Allocation a) {
        return a.lot().lot() + " at " + a.location() + ", " + a.quantity();
    }

    private String help() {
        return "Scan what the large line says. Esc goes back"
                + (actions.contains(UiAction.KEY_QUANTITY) ? "; key a quantity on the keys and press ENTER" : "")
                + (actions.contains(UiAction.KEY_RESULT) ? "; key the COA's result on the keys and press ENTER" : "")
                + (choices.isEmpty() ? "" : "; a number and ENTER picks a choice") + ".";
    }
}
