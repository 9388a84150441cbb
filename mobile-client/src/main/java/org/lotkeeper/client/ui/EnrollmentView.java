package org.lotkeeper.client.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Server address and enrollment code. */
final class EnrollmentView extends VBox {

    EnrollmentView(EnrollmentViewModel vm, LayoutStyle style) {
        getStyleClass().addAll("screen", "enrollment-screen");
        setId("enrollment");
        TextField url = style.target(new TextField());
        url.setId("server-url");
        url.setPromptText("https://lotkeeper.plant.example");
        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        TextField code = style.target(new TextField());
        code.setId("enrollment-code");
        code.setPromptText("Code from the console");
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.setOnAction(e -> vm.enroll());
        url.setOnAction(e -> code.requestFocus());
        Button enroll = Widgets.button(style, "Enroll", vm::enroll);
        enroll.setId("enroll");
        enroll.disableProperty().bind(vm.busyProperty());
        Button settings = Widgets.button(style, "Settings (profile)", vm::openSettings);
        settings.setId("open-settings");
        getChildren()
                .addAll(
                        Widgets.title(vm),
                        Widgets.prompt(vm),
                        new Label("Server"),
                        url,
                        new Label("Code"),
                        code,
                        enroll,
                        Widgets.feedback(vm),
                        Widgets.typed(vm),
                        settings);
    }
}
