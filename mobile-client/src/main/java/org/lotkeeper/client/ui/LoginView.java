package org.lotkeeper.client.ui;

import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** Badge scan, then the PIN (hidden as it is typed). */
final class LoginView extends VBox {

    LoginView(LoginViewModel vm, LayoutStyle style) {
        getStyleClass().addAll("screen", "login-screen");
        setId("login");
        PasswordField pin = style.target(new PasswordField());
        pin.setId("pin");
        pin.setPromptText("PIN");
        pin.visibleProperty().bind(vm.pinStepProperty());
        pin.managedProperty().bind(pin.visibleProperty());
        pin.setOnAction(e -> {
            vm.enterPin(pin.getText());
            pin.clear();
        });
        vm.pinStepProperty().addListener((o, was, now) -> {
            if (now) {
                pin.requestFocus();
            }
        });
        Button settings = Widgets.button(style, "Settings", vm::openSettings);
        settings.setId("open-settings");
        settings.setFocusTraversable(style.touch());
        getChildren()
                .addAll(Widgets.title(vm), Widgets.prompt(vm), pin, Widgets.feedback(vm), Widgets.typed(vm), settings);
    }
}
