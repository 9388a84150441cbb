package org.lotkeeper.client.ui;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Server address, profile, sounds, high contrast. */
final class SettingsView extends VBox {

    SettingsView(SettingsViewModel vm, LayoutStyle style) {
        getStyleClass().addAll("screen", "settings-screen");
        setId("settings");
        TextField url = style.target(new TextField());
        url.setId("settings-server-url");
        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        ChoiceBox<String> profile = style.target(new ChoiceBox<>());
        profile.setId("settings-profile");
        profile.getItems().setAll(vm.profileNames());
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : vm.displayName(name);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setMaxWidth(Double.MAX_VALUE);
        CheckBox sounds = style.target(new CheckBox("Sounds"));
        sounds.setId("settings-sounds");
        sounds.selectedProperty().bindBidirectional(vm.soundsProperty());
        CheckBox contrast = style.target(new CheckBox("High contrast"));
        contrast.setId("settings-high-contrast");
        contrast.selectedProperty().bindBidirectional(vm.highContrastProperty());
        Button save = Widgets.button(style, "Save", vm::save);
        save.setId("settings-save");
        Button back = Widgets.button(style, "Back (Esc)", vm::back);
        getChildren()
                .addAll(
                        Widgets.title(vm),
                        Widgets.feedback(vm),
                        new Label("Server"),
                        url,
                        new Label("Device profile"),
                        profile,
                        sounds,
                        contrast,
                        save,
                        back);
    }
}
