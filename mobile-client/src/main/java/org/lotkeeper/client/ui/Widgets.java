package org.lotkeeper.client.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.lotkeeper.client.workflow.Tone;

/** The parts every screen shows the same way: title, prompt, feedback, blocked-lot banner, typed echo. */
final class Widgets {

    private Widgets() {}

    static Label title(ScreenModel vm) {
        Label l = new Label();
        l.textProperty().bind(vm.titleProperty());
        l.getStyleClass().add("screen-title");
        l.setId("title");
        return l;
    }

    /** What to scan next, in large type. */
    static Label prompt(ScreenModel vm) {
        Label l = new Label();
        l.textProperty().bind(vm.promptProperty());
        l.getStyleClass().add("prompt");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setId("prompt");
        return l;
    }

    /** Green for GOOD, red for ERROR, hidden before the first answer. */
    static Label feedback(ScreenModel vm) {
        Label l = new Label();
        l.setId("feedback");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.textProperty().bind(vm.messageProperty());
        l.getStyleClass().add("feedback");
        Runnable style = () -> {
            l.getStyleClass().removeAll("feedback-good", "feedback-error", "feedback-note");
            Tone t = vm.toneProperty().get();
            l.getStyleClass().add(t == null ? "feedback-note" : t == Tone.GOOD ? "feedback-good" : "feedback-error");
            boolean shown = !vm.messageProperty().get().isEmpty();
            l.setVisible(shown);
            l.setManaged(shown);
        };
        vm.toneProperty().addListener((o, a, b) -> style.run());
        vm.messageProperty().addListener((o, a, b) -> style.run());
        style.run();
        return l;
    }

    /** The unmistakable banner of a blocked lot: "BLOCKED — RECALLED". */
    static Label blockedBanner(ScreenModel vm) {
        Label l = new Label();
        l.setId("blocked-banner");
        l.getStyleClass().add("blocked-banner");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setWrapText(true);
        l.textProperty().bind(vm.blockedProperty().map(s -> s.isEmpty() ? "" : "BLOCKED LOT — " + s + " — DO NOT USE"));
        l.visibleProperty().bind(vm.blockedProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** What the operator is typing (manual entry, quantities on the keypad). */
    static Label typed(ScreenModel vm) {
        Label l = new Label();
        l.setId("typed");
        l.getStyleClass().add("typed");
        l.textProperty().bind(vm.typedProperty().map(s -> s.isEmpty() ? "" : "Typed: " + s + "   (ENTER)"));
        l.visibleProperty().bind(vm.typedProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static Button button(LayoutStyle style, String text, Runnable action) {
        Button b = style.target(new Button(text));
        b.setOnAction(e -> action.run());
        b.setMaxWidth(Double.MAX_VALUE);
        b.setWrapText(true);
        b.getStyleClass().add("big-button");
        return b;
    }

    /**
     * Lets a label wrap between words only: it is never narrower than its longest word in its own
     * font, so a lot code, an item code or a status ("FG-PRIMER", "Recalled") is never split.
     */
    static void wrapBetweenWords(Label label) {
        label.setWrapText(true);
        label.minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> longestWord(label.getText(), label.getFont())
                                + label.getPadding().getLeft()
                                + label.getPadding().getRight(),
                        label.textProperty(),
                        label.fontProperty(),
                        label.paddingProperty()));
    }

    /** The width of the widest word of {@code text} set in {@code font}. */
    static double longestWord(String text, Font font) {
        Text t = new Text();
        t.setFont(font);
        double widest = 0;
        for (String word : (text == null ? "" : text).split("\\s+")) {
            t.setText(word);
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 1;
    }

    static VBox column(Node... nodes) {
        VBox box = new VBox(nodes);
        box.getStyleClass().add("column");
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }
}
