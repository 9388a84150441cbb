package org.lotkeeper.client.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Pending events, last sync, and the events that need attention with their reasons. */
final class SyncStatusView extends VBox {

    SyncStatusView(SyncStatusViewModel vm, LayoutStyle style, Runnable back) {
        getStyleClass().addAll("screen", "sync-screen");
        setId("sync-status");
        Label summary = new Label();
        summary.setId("sync-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("sync-summary");
        VBox attention = new VBox();
        attention.setId("needs-attention");
        attention.getStyleClass().add("attention-list");
        Runnable fill = () -> {
            attention.getChildren().clear();
            if (vm.attention().isEmpty()) {
                attention.getChildren().add(new Label("Nothing needs attention."));
            }
            for (String line : vm.attention()) {
                Label item = new Label(line);
                item.setWrapText(true);
                item.getStyleClass().add("attention-item");
                attention.getChildren().add(item);
            }
        };
        vm.attention().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        Button sync = Widgets.button(style, "Sync now", vm::syncNow);
        sync.setId("sync-now");
        Button home = Widgets.button(style, "Back (Esc)", back);
        getChildren()
                .addAll(
                        Widgets.title(vm),
                        summary,
                        Widgets.feedback(vm),
                        new Label("Needs attention"),
                        attention,
                        sync,
                        home);
    }
}
