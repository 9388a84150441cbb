package org.lotkeeper.client.ui;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.workflow.Command;
import org.lotkeeper.client.workflow.LoginWorkflow;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.profiles.KeyAction;

/**
 * Badge and PIN, checked on the device by the core's {@link LoginWorkflow}: works offline. On
 * success the home screen opens.
 */
public final class LoginViewModel extends ScreenModel {

    private LoginWorkflow login;
    private final SimpleBooleanProperty pinStep = new SimpleBooleanProperty(false);

    public LoginViewModel(ClientContext ctx, Navigator nav) {
        super(ctx, nav, "Log in");
        prompt("Scan your badge.");
        ctx.executor()
                .execute(
                        () -> {
                            login = ctx.core().login();
                            return login.screen();
                        },
                        this::show,
                        this::failed);
        ctx.profileNote().ifPresent(this::note);
    }

    /** True once the badge was accepted and the PIN is wanted. */
    public ReadOnlyBooleanProperty pinStepProperty() {
        return pinStep;
    }

    /** A badge scan; a typed line in the PIN step is the PIN. */
    @Override
    public void scanned(RawScan scan) {
        typing("");
        if (pinStep.get() && scan.source() == ScanSource.MANUAL) {
            enterPin(scan.text());
        } else {
            run(l -> l.handle(Command.scan(scan)));
        }
    }

    /** A PIN typed while the PIN field has no focus is echoed as dots, never in clear. */
    @Override
    public void typing(String text) {
        super.typing(pinStep.get() ? "•".repeat(text.length()) : text);
    }

    public void enterPin(String pin) {
        run(l -> l.handle(new Command.KeyPin(pin == null ? "" : pin.strip())));
    }

    @Override
    public void keyAction(KeyAction action) {
        if (action == KeyAction.BACK) {
            run(LoginWorkflow::logout);
        } else if (action == KeyAction.HELP) {
            note("Scan the badge on your ID card, then key your PIN and press ENTER.");
        } else if (action == KeyAction.CAMERA_SCAN) {
            cameraScan();
        } else if (action == KeyAction.SYNC_NOW) {
            ctx.core().requestSync();
        }
    }

    /** Settings are reachable before login (server URL, profile). */
    public void openSettings() {
        nav.settings();
    }

    private void run(Function<LoginWorkflow, Screen> step) {
        ctx.executor().execute(() -> step.apply(login), this::show, this::failed);
    }

    private void show(Screen s) {
        prompt(s.prompt());
        pinStep.set(s.step() == LoginWorkflow.Step.PIN);
        s.feedback().ifPresent(this::answer);
        if (s.step() == LoginWorkflow.Step.DONE) {
            nav.home();
        }
    }
}
