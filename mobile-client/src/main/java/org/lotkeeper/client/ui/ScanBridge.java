package org.lotkeeper.client.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.scan.WedgeInput;
import org.lotkeeper.client.scan.WedgeKey;
import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.profiles.HardwareKeys;
import org.lotkeeper.profiles.Key;
import org.lotkeeper.profiles.KeyAction;

/**
 * The keyboard path of the scene into the client core's {@link WedgeInput}: every key typed
 * anywhere in the window goes through one event filter, so a scan needs no focused field and no
 * tap. Scans (fast bursts) go to the current screen's {@link ScanTarget}; typed text ended with
 * ENTER too, unless a text field has the focus (it handles its own ENTER). Keys the profile gives
 * a meaning (F1 …, ESC) become {@link KeyAction}s; ENTER on a focused button presses it, so the
 * keypad profile needs no touch.
 */
public final class ScanBridge {

    private final HardwareKeys keys;
    private final WedgeInput wedge;
    private final LongSupplier millis;
    private final StringBuilder echo = new StringBuilder();
    private final EventHandler<KeyEvent> onPressed = this::pressed;
    private final EventHandler<KeyEvent> onTyped = this::typed;
    private ScanTarget target = ScanTarget.NONE;
    private Scene scene;

    /**
     * @param millis the time of a key in milliseconds (key events carry none): {@code System.nanoTime()/1e6}
     *               on a device, a clock the test drives in tests
     */
    public ScanBridge(WedgeSettings settings, HardwareKeys keys, LongSupplier millis) {
        this.keys = Objects.requireNonNull(keys);
        this.wedge = new WedgeInput(settings);
        this.millis = Objects.requireNonNull(millis);
    }

    /** Listens to {@code scene}'s keys until {@link #detach()}. */
    public void attach(Scene scene) {
        detach();
        this.scene = scene;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, onPressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, onTyped);
    }

    public void detach() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, onPressed);
            scene.removeEventFilter(KeyEvent.KEY_TYPED, onTyped);
            scene = null;
        }
    }

    /** The screen that gets scans and keys from now on; unfinished input is forgotten. */
    public void target(ScanTarget target) {
        this.target = Objects.requireNonNull(target);
        wedge.reset();
        echo.setLength(0);
    }

    private void pressed(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean terminatorTab = wedge.settings().terminator() == WedgeSettings.Terminator.TAB;
        if (code == KeyCode.ENTER || (code == KeyCode.TAB && terminatorTab)) {
            long at = millis.getAsLong();
            Optional<RawScan> scan = wedge.key(code == KeyCode.ENTER ? WedgeKey.enter(at) : WedgeKey.tab(at));
            boolean typedBefore = echo.length() > 0;
            echo.setLength(0);
            target.typing("");
            if (scan.isPresent() && (scan.get().source() == ScanSource.WEDGE || !inTextField())) {
                e.consume();
                if (inTextField() && owner() instanceof TextInputControl field) {
                    field.clear();
                }
                target.scanned(scan.get());
                return;
            }
            if (!typedBefore && !inTextField()) {
                if (owner() instanceof ButtonBase button && code == KeyCode.ENTER) {
                    e.consume();
                    button.fire();
                } else {
                    keys.actionOf(Key.of(code.name())).ifPresent(action -> {
                        e.consume();
                        target.keyAction(action);
                    });
                }
            }
            return;
        }
        if (code != KeyCode.TAB && Key.NAMES.contains(code.name())) {
            Optional<KeyAction> action = keys.actionOf(Key.of(code.name()));
            if (keys.scanTriggerKey().filter(k -> k.name().equals(code.name())).isPresent()) {
                action = Optional.of(
                        KeyAction.CAMERA_SCAN); // the trigger opens the camera; without one the screen says so
            }
            if (action.isEmpty() && code == KeyCode.ESCAPE) {
                action = Optional.of(KeyAction.BACK);
            }
            action.ifPresent(a -> {
                e.consume();
                target.keyAction(a);
            });
        }
    }

    private void typed(KeyEvent e) {
        String s = e.getCharacter();
        if (s == null || s.isEmpty() || s.equals(KeyEvent.CHAR_UNDEFINED)) {
            return;
        }
        char c = s.charAt(0);
        if (Character.isISOControl(c) && c != '\u001d') {
            return;
        }
        wedge.key(WedgeKey.ch(c, millis.getAsLong()));
        if (!inTextField()) {
            e.consume();
            echo.append(c);
            target.typing(echo.toString());
        }
    }

    private Node owner() {
        return scene == null ? null : scene.getFocusOwner();
    }

    private boolean inTextField() {
        return owner() instanceof TextInputControl;
    }
}
