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
    private Stored stored = new Stored("", false);

    public SettingsViewModel(ClientContext ctx, Navigator nav) {
        super(ctx, nav, "Settings");
        profile.set(ctx.profile().name());
        sounds.set(ctx.preferences().sounds());
        highContrast.set(ctx.highContrast());
        prompt("Change what you need, then Save.");
        ctx.profileNote().ifPresent(this::note);
        ctx.executor()
                .execute(
                        () -> new Stored(
                                ctx.core().store().settings().serverUrl().orElse(""),
                                ctx.core().isEnrolled()),
                        stored -> {
                            this.stored = stored;
                            serverUrl.set(stored.serverUrl());
                        },
                        this::failed);
    }

    /** What the device's store holds (read on the work thread). */
    private record Stored(String serverUrl, boolean enrolled) {}

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

    /** Saves on the work thread: preferences, a moved server (enrolled devices), another profile (reopens the device). */
    public void save() {
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        if (!url.isEmpty() && !url.matches("(?i)https?://\\S+")) {
            error("The server address must start with http:// or https:// — e.g. https://lotkeeper.plant.example.");
            return;
        }
        boolean soundsOn = sounds.get();
        boolean contrast = highContrast.get();
        String chosen = profile.get();
        Stored before = stored;
        ctx.executor()
                .execute(
                        () -> {
                            ctx.preferences().setSounds(soundsOn);
                            ctx.preferences().setHighContrast(contrast);
                            if (before.enrolled() && !url.isEmpty() && !url.equals(before.serverUrl())) {
                                ctx.core().useServer(url);
                            }
                            if (!chosen.equals(ctx.profile().name())) {
                                ctx.switchProfile(chosen);
                            }
                            return chosen;
                        },
                        name -> nav.restyle(),
                        t -> {
                            if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
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
        } else if (stored.enrolled()) {
            nav.login();
        } else {
            nav.enrollment();
        }
    }
}
