package org.lotkeeper.client.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
        ListView<String> attention = new ListView<>(vm.attention());
        attention.setId("needs-attention");
        attention.setPlaceholder(new Label("Nothing needs attention."));
        attention.setCellFactory(l -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(l.widthProperty().subtract(24));
            return cell;
        });
        Button sync = Widgets.button(style, "Sync now", vm::syncNow);
        sync.setId("sync-now");
        Button home = Widgets.button(style, "Back (Esc)", back);
        getChildren().addAll(Widgets.title(vm), summary, Widgets.feedback(vm), new Label("Needs attention"), attention, sync, home);
    }
}
