package org.lotkeeper.client.ui;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.lotkeeper.profiles.KeyAction;

/** Settings: the server address, the device profile, sounds and the high-contrast theme. */
public final class SettingsViewModel extends ScreenModel {

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("");
    private final BooleanProperty sounds = new SimpleBooleanProperty();
    private final BooleanProperty highContrast = new SimpleBooleanProperty();

    public SettingsViewModel(ClientContext ctx, Navigator nav) {
        super(ctx, nav, "Settings");
        serverUrl.set(ctx.core().store().settings().serverUrl().orElse(""));
        profile.set(ctx.profile().name());
        sounds.set(ctx.preferences().sounds());
        highContrast.set(ctx.highContrast());
        prompt("Change what you need, then Save.");
        ctx.profileNote().ifPresent(this::note);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public BooleanProperty soundsProperty() {
        return sounds;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public List<String> profileNames() {
        return ctx.profiles().names();
    }

    /** The profile's display name, for the choice box. */
    public String displayName(String name) {
        return ctx.profiles().byName(name).map(p -> p.displayName()).orElse(name);
    }

    public void save() {
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        boolean enrolled = ctx.core().isEnrolled();
        if (enrolled && !url.matches("(?i)https?://\\S+")) {
            error("The server address must start with http:// or https:// — e.g. https://lotkeeper.plant.example.");
            return;
        }
        ctx.preferences().setSounds(sounds.get());
        ctx.preferences().setHighContrast(highContrast.get());
        if (enrolled && !url.equals(ctx.core().store().settings().serverUrl().orElse(""))) {
            ctx.core().useServer(url);
        }
        String chosen = profile.get();
        if (chosen.equals(ctx.profile().name())) {
            nav.restyle();
            return;
        }
        ctx.executor().execute(() -> {
            ctx.switchProfile(chosen);
            return chosen;
        }, name -> nav.restyle(), t -> {
            if (t instanceof IllegalArgumentException) {
                error(t.getMessage());
            } else {
                failed(t);
            }
        });
    }

    @Override
    public void keyAction(KeyAction action) {
        if (action == KeyAction.BACK) {
            back();
        } else if (action == KeyAction.CONFIRM) {
            save();
        }
    }

    public void back() {
        if (ctx.core().session().isPresent()) {
            nav.home();
        } else if (ctx.core().isEnrolled()) {
            nav.login();
        } else {
            nav.enrollment();
        }
    }
}
