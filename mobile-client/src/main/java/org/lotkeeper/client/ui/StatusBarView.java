package org.lotkeeper.client.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The status bar at the top of every screen. */
final class StatusBarView extends VBox {

    StatusBarView(StatusBarViewModel vm) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        Label connectivity = label("status-connectivity", vm.connectivityProperty());
        Runnable online = () -> {
            connectivity.getStyleClass().removeAll("online", "offline");
            connectivity.getStyleClass().add(vm.onlineProperty().get() ? "online" : "offline");
        };
        vm.onlineProperty().addListener((o, a, b) -> online.run());
        online.run();
        FlowPane line = new FlowPane(
                connectivity,
                label("status-pending", vm.pendingProperty()),
                label("status-last-sync", vm.lastSyncProperty()),
                label("status-user", vm.userProperty()));
        line.getStyleClass().add("status-line");
        ProgressBar progress = new ProgressBar();
        progress.setId("first-sync-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label progressText = label("first-sync-text", vm.firstSyncTextProperty());
        VBox firstSync = new VBox(progressText, progress);
        firstSync.visibleProperty().bind(vm.firstSyncProperty());
        firstSync.managedProperty().bind(firstSync.visibleProperty());
        getChildren().addAll(line, firstSync);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.getStyleClass().add("status-item");
        return l;
    }
}
