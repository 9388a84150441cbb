package org.lotkeeper.client.ui;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.workflow.Field;
import org.lotkeeper.client.workflow.HoldWorkflow;
import org.lotkeeper.client.workflow.KeysQuantity;
import org.lotkeeper.client.workflow.PickWorkflow;
import org.lotkeeper.client.workflow.ProduceWorkflow;
import org.lotkeeper.client.workflow.ReceiveWorkflow;
import org.lotkeeper.client.workflow.ReturnWorkflow;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.ShipWorkflow;
import org.lotkeeper.client.workflow.UiAction;
import org.lotkeeper.client.workflow.Workflow;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.profiles.KeyAction;

/**
 * One workflow of the client core on screen (receive, move, pick, count, ship, produce, return,
 * lookup, hold). It holds no workflow logic: scans, keyed quantities and the few exception taps go
 * to the core's {@link Workflow} on the work thread, and the {@link Screen} that comes back is
 * shown as it is. Pick's FEFO suggestion is lifted out of the fields to be shown front and centre.
 */
public final class WorkflowViewModel extends ScreenModel {

    private static final Pattern QUANTITY = Pattern.compile("-?\\d+([.,]\\d+)?(\\s+\\S+)?");

    private final WorkflowKind kind;
    private volatile Workflow workflow; // set and driven on the work thread, checked on the FX thread
    private final SimpleObjectProperty<Screen> screen = new SimpleObjectProperty<>();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<UiAction> actions = FXCollections.observableArrayList();
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final SimpleStringProperty fefo = new SimpleStringProperty("");
    // one read-only view each, kept: an unmodifiable wrapper listens weakly, so a fresh one per call could be collected
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<UiAction> actionsView = FXCollections.unmodifiableObservableList(actions);
    private final ObservableList<String> choicesView = FXCollections.unmodifiableObservableList(choices);

    public WorkflowViewModel(ClientContext ctx, Navigator nav, WorkflowKind kind) {
        super(ctx, nav, Labels.title(kind));
        this.kind = kind;
        prompt("Opening " + Labels.title(kind) + " …");
        ctx.executor().execute(() -> {
            workflow = ctx.core().start(kind);
            return workflow.screen();
        }, this::show, this::failed);
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
    public ObservableList<String> choices() {
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
                    choose(choices.get(n - 1));
                    return;
                }
            }
            if (now.actions().contains(UiAction.KEY_QUANTITY) && !now.actions().contains(UiAction.KEY_LOT)
                    && workflow instanceof KeysQuantity && QUANTITY.matcher(text).matches()) {
                run(w -> ((KeysQuantity) w).keyQuantity(text));
                return;
            }
        }
        run(w -> w.accept(scan));
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
        run(Workflow::cancel);
    }

    /** Ship: confirm the shipment; produce: finish the batch. */
    public void confirm() {
        run(w -> w instanceof ShipWorkflow s ? s.confirm() : w instanceof ProduceWorkflow p ? p.finish() : w.screen());
    }

    public void skipLine() {
        run(w -> w instanceof PickWorkflow p ? p.skipLine() : w.screen());
    }

    /** One tap on a choice: a deviation reason, a return or hold reason, a transformation kind. */
    public void choose(String choice) {
        run(w -> {
            if (w instanceof PickWorkflow p) {
                return p.chooseDeviationReason(DeviationReason.valueOf(choice), null);
            } else if (w instanceof ProduceWorkflow p) {
                return p.chooseKind(TransformKind.valueOf(choice));
            } else if (w instanceof ReturnWorkflow r) {
                return r.chooseReason(choice);
            } else if (w instanceof HoldWorkflow h) {
                return h.chooseReason(choice);
            }
            return w.screen();
        });
    }

    /** Receive without a PO (supplier, delivery note) or return without an RMA (customer, reference). */
    public void noReference(String partner, String reference) {
        run(w -> {
            PartnerCode code = PartnerCode.of(partner.strip());
            if (w instanceof ReceiveWorkflow r) {
                return r.noPurchaseOrder(code, reference.strip());
            } else if (w instanceof ReturnWorkflow r) {
                return r.withoutRma(code, reference.strip());
            }
            return w.screen();
        });
    }

    /** Receive: link a COA by its id. */
    public void linkDocument(String documentId) {
        run(w -> w instanceof ReceiveWorkflow r ? r.linkDocument(documentId) : w.screen());
    }

    /** Produce: key an output lot. */
    public void keyOutputLot(String item, String lot) {
        run(w -> w instanceof ProduceWorkflow p ? p.keyOutputLot(ItemCode.of(item.strip()), lot) : w.screen());
    }

    /** The workflow's screen for the current step (all steps of one workflow run on the work thread, in order). */
    private void run(Function<Workflow, Screen> step) {
        ctx.executor().execute(() -> {
            if (workflow == null) {
                throw new IllegalStateException("this screen is not ready — go back and open it again");
            }
            return step.apply(workflow);
        }, s -> {
            show(s);
            nav.refreshStatus();
        }, t -> {
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
        List<Field> shown = s.filled().stream().filter(f -> !f.label().equals("FEFO")).toList();
        fields.setAll(shown);
        fefo.set(s.value("FEFO").orElse(""));
        actions.setAll(s.actions().stream().sorted().toList());
        boolean kindStep = kind != WorkflowKind.PRODUCE || s.step().name().equals("BATCH");
        choices.setAll(kindStep ? s.choices() : List.of());
        String blockedStatus = BlockedLot.of(s).orElse("");
        blocked(blockedStatus);
        s.feedback().ifPresent(f -> {
            if (kind == WorkflowKind.LOOKUP && !blockedStatus.isEmpty() && !f.isError()) {
                error(f.message()); // a lookup that finds a blocked lot alarms: red and the error tone, not green
            } else {
                answer(f);
            }
        });
    }

    private String help() {
        return "Scan what the large line says. Esc goes back"
                + (actions.contains(UiAction.KEY_QUANTITY) ? "; key a quantity on the keys and press ENTER" : "")
                + (choices.isEmpty() ? "" : "; a number and ENTER picks a choice") + ".";
    }
}
