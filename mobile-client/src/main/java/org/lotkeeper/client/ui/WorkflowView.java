package org.lotkeeper.client.ui;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.workflow.Choice;
import org.lotkeeper.client.workflow.Field;
import org.lotkeeper.client.workflow.UiAction;
import org.lotkeeper.client.workflow.WorkflowKind;

/**
 * One workflow's screen: the prompt in large type, pick's FEFO lot front and centre, the answer to
 * the last scan, the blocked-lot banner, what is filled in, and the exception taps the step offers
 * (each a big target, numbered for the keypad). COMPACT: one column; TABLET and DESKTOP: two panes.
 */
final class WorkflowView extends VBox {

    private final WorkflowViewModel vm;
    private final LayoutStyle style;
    private final GridPane fields = new GridPane();
    private final Pane taps;
    private final VBox form = new VBox();

    WorkflowView(WorkflowViewModel vm, LayoutStyle style) {
        this.vm = vm;
        this.style = style;
        // compact: one full-width target per row; tablets and desktops: targets side by side
        this.taps = style.twoPanes() ? new FlowPane() : new VBox();
        getStyleClass().addAll("screen", "workflow-screen");
        setId("workflow-" + vm.kind().name().toLowerCase(java.util.Locale.ROOT));
        Label fefo = new Label();
        fefo.setId("fefo");
        fefo.getStyleClass().add("fefo");
        fefo.setWrapText(true);
        fefo.setMaxWidth(Double.MAX_VALUE);
        fefo.textProperty().bind(vm.fefoProperty().map(s -> s.isEmpty() ? "" : "FEFO: take " + s));
        fefo.visibleProperty().bind(vm.fefoProperty().isNotEmpty());
        fefo.managedProperty().bind(fefo.visibleProperty());
        fields.getStyleClass().add("fields");
        fields.setId("fields");
        taps.getStyleClass().add("taps");
        taps.setId("taps");
        form.getStyleClass().add("inline-form");
        form.setVisible(false);
        form.setManaged(false);

        VBox main = Widgets.column(
                Widgets.blockedBanner(vm), Widgets.feedback(vm), Widgets.prompt(vm), fefo, Widgets.typed(vm));
        if (style.touch()) {
            main.getChildren().add(entry());
        }
        VBox side = style.twoPanes() ? Widgets.column(fields, form, taps) : Widgets.column(form, taps, fields);
        if (style.twoPanes()) {
            HBox panes = new HBox(main, side);
            panes.getStyleClass().add("panes");
            HBox.setHgrow(main, Priority.ALWAYS);
            HBox.setHgrow(side, Priority.ALWAYS);
            main.setPrefWidth(style.widthDp() * 0.55);
            side.setPrefWidth(style.widthDp() * 0.45);
            getChildren().addAll(Widgets.title(vm), panes);
        } else {
            getChildren().addAll(Widgets.title(vm), main, side);
        }
        vm.fields().addListener((ListChangeListener<Field>) c -> showFields());
        vm.actions().addListener((ListChangeListener<UiAction>) c -> showTaps());
        vm.choices().addListener((ListChangeListener<Choice>) c -> showTaps());
        showFields();
        showTaps();
    }

    /**
     * Touch devices have no hardware keys for a quantity or a damaged label's code: a field that
     * brings up the on-screen keyboard. It takes no focus by itself, so scans need no tap.
     */
    private TextField entry() {
        TextField entry = style.target(new TextField());
        entry.setId("entry");
        entry.setPromptText("Type quantity or code, ENTER");
        entry.setOnAction(e -> {
            String text = entry.getText();
            entry.clear();
            vm.scanned(RawScan.manual(text));
            requestFocus();
        });
        return entry;
    }

    private void showFields() {
        fields.getChildren().clear();
        int row = 0;
        for (Field f : vm.fields()) {
            Label label = new Label(f.label());
            label.getStyleClass().add("field-label");
            Widgets.wrapBetweenWords(label);
            Label value = new Label(f.value());
            value.getStyleClass().add("field-value");
            Widgets.wrapBetweenWords(value);
            fields.addRow(row++, label, value);
        }
    }

    private void showTaps() {
        taps.getChildren().clear();
        int n = 1;
        for (Choice choice : vm.choices()) {
            Button b = tap(n++ + "  " + choice.label(), () -> vm.choose(choice.value()));
            b.getStyleClass().add("choice");
        }
        WorkflowKind kind = vm.kind();
        if (style.touch() && vm.cameraAvailable()) {
            tap("Camera", vm::cameraScan).setId("camera");
        }
        for (UiAction a : vm.actions()) {
            switch (a) {
                case NO_REFERENCE ->
                    tap(
                            kind == WorkflowKind.RETURN ? "No RMA" : "No PO",
                            () -> twoFields(
                                    kind == WorkflowKind.RETURN ? "Customer" : "Supplier",
                                    kind == WorkflowKind.RETURN ? "Customer reference" : "Delivery note",
                                    vm::noReference));
                case LINK_DOCUMENT -> tap("Link COA", () -> oneField("Document id", vm::linkDocument));
                case KEY_RESULT -> tap("Key result", () -> oneField("Result", vm::keyResult));
                case KEY_LOT -> {
                    if (kind == WorkflowKind.PRODUCE) {
                        tap("Output lot", () -> twoFields("Item", "Lot", vm::keyOutputLot));
                    }
                }
                case CONFIRM ->
                    tap(
                                    switch (kind) {
                                        case PRODUCE ->
                                            // confirming the weight proposed for an active quantity, or the batch
                                            vm.actions().contains(UiAction.KEY_QUANTITY) ? "Weighed" : "Finish batch";
                                        case RECEIVE ->
                                            vm.actions().contains(UiAction.KEY_RESULT) ? "COA done" : "Finish receipt";
                                        default -> "Confirm";
                                    },
                                    vm::confirm)
                            .getStyleClass()
                            .add("confirm");
                case SKIP_LINE -> tap(kind == WorkflowKind.RECEIVE ? "Skip test" : "Skip line", vm::skipLine);
                case SYNC -> tap("Sync now", vm::syncNow).setId("sync-now");
                case CANCEL -> tap("Cancel (Esc)", vm::cancel).getStyleClass().add("cancel");
                default -> {}
            }
        }
    }

    private Button tap(String text, Runnable action) {
        Button b = Widgets.button(style, text, action);
        b.setMaxWidth(style.twoPanes() ? 260 : Double.MAX_VALUE);
        taps.getChildren().add(b);
        return b;
    }

    private void oneField(String label, java.util.function.Consumer<String> done) {
        TextField a = field(label);
        openForm(List.of(a), () -> done.accept(a.getText()));
    }

    private void twoFields(String first, String second, java.util.function.BiConsumer<String, String> done) {
        TextField a = field(first);
        TextField b = field(second);
        a.setOnAction(e -> b.requestFocus());
        openForm(List.of(a, b), () -> done.accept(a.getText(), b.getText()));
    }

    private TextField field(String prompt) {
        TextField f = style.target(new TextField());
        f.setPromptText(prompt);
        f.setId("form-" + prompt.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return f;
    }

    /**
     * Opens the form: each field under a label that stays while the field has the focus (a prompt
     * text vanishes the moment the field opens focused); Enter goes from field to field, then OK.
     */
    private void openForm(List<TextField> fields, Runnable ok) {
        VBox content = new VBox(4);
        for (TextField f : fields) {
            Label name = new Label(f.getPromptText());
            name.setLabelFor(f);
            name.getStyleClass().add("form-label");
            content.getChildren().addAll(name, f);
        }
        Runnable close = () -> {
            form.getChildren().clear();
            form.setVisible(false);
            form.setManaged(false);
        };
        Button done = Widgets.button(style, "OK", () -> {
            ok.run();
            close.run();
        });
        done.setId("form-ok");
        Button cancel = Widgets.button(style, "Close", close);
        form.getChildren().setAll(content, new HBox(8, done, cancel));
        form.setVisible(true);
        form.setManaged(true);
        fields.get(0).requestFocus();
        fields.get(fields.size() - 1).setOnAction(e -> done.fire());
    }
}
