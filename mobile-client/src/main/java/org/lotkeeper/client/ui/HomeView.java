package org.lotkeeper.client.ui;

import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The jobs as big targets: "1  Receive   F1". Two columns on tablets and desktops. */
final class HomeView extends VBox {

    private final Button first;

    HomeView(HomeViewModel vm, LayoutStyle style) {
        getStyleClass().addAll("screen", "home-screen");
        setId("home");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("home-grid");
        int columns = style.twoPanes() ? 3 : 1;
        Button firstButton = null;
        for (HomeViewModel.Entry e : vm.entries()) {
            String hint = e.keyHint().isEmpty() ? "" : "   " + e.keyHint();
            Button b = Widgets.button(style, e.number() + "  " + e.label() + hint, e.open());
            b.setId("home-" + e.label().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
            b.getStyleClass().add("home-entry");
            GridPane.setHgrow(b, Priority.ALWAYS);
            int i = e.number() - 1;
            grid.add(b, i % columns, i / columns);
            if (firstButton == null) {
                firstButton = b;
            }
        }
        first = firstButton;
        getChildren().addAll(Widgets.title(vm), Widgets.prompt(vm), Widgets.feedback(vm), Widgets.typed(vm), grid);
    }

    /** Keypad devices start with the first job focused (arrows move, ENTER opens). */
    void focusFirst() {
        if (first != null) {
            first.requestFocus();
        }
    }
}
