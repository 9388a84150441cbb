package org.lotkeeper.client.ui;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.workflow.WorkflowKind;

/**
 * The window's content: the status bar on top, the current screen below it, and the keyboard path
 * into the current screen. Moving between screens ({@link Navigator}) creates the screen's view
 * model and view; a profile switch lays everything out again for the new layout class.
 */
public final class Shell implements Navigator {

    /** The stylesheet on every scene. */
    public static final String STYLESHEET =
            Shell.class.getResource("lotkeeper.css").toExternalForm();

    private final ClientContext ctx;
    private final Clock clock;
    private final LongSupplier keyMillis;
    private final String defaultServerUrl;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private Consumer<LayoutStyle> onRestyle = s -> {};
    private LayoutStyle style;
    private StatusBarViewModel status;
    private ScanBridge bridge;
    private ScreenModel current;

    /**
     * @param keyMillis        the time of a key event in ms (key events carry none)
     * @param defaultServerUrl the server address enrollment starts with (the launcher's {@code --server}); may be null
     */
    public Shell(ClientContext ctx, Clock clock, LongSupplier keyMillis, String defaultServerUrl) {
        this.ctx = Objects.requireNonNull(ctx);
        this.clock = Objects.requireNonNull(clock);
        this.keyMillis = Objects.requireNonNull(keyMillis);
        this.defaultServerUrl = defaultServerUrl;
        root.getStyleClass().add("lotkeeper");
        root.setId("root");
        applyProfile();
        scene = new Scene(root, style.widthDp(), style.heightDp());
        scene.getStylesheets().add(STYLESHEET);
        bridge.attach(scene);
    }

    public Scene scene() {
        return scene;
    }

    public LayoutStyle layoutStyle() {
        return style;
    }

    /** The screen shown now (its view model). */
    public ScreenModel current() {
        return current;
    }

    public StatusBarViewModel statusBar() {
        return status;
    }

    /** Told when the layout changed (the launcher resizes the window). */
    public void onRestyle(Consumer<LayoutStyle> listener) {
        this.onRestyle = Objects.requireNonNull(listener);
    }

    /** The first screen: enrollment for a new device, else login. */
    public void start() {
        ctx.executor()
                .execute(
                        () -> ctx.core().isEnrolled(),
                        enrolled -> {
                            if (enrolled) {
                                login();
                            } else {
                                enrollment();
                            }
                        },
                        t -> enrollment());
    }

    /** The scan entry point besides the keyboard: the camera (ZXing) and tests hand scans in here. */
    public void scan(RawScan scan) {
        current.scanned(scan);
    }

    private void applyProfile() {
        style = LayoutStyle.of(ctx.profile(), ctx.highContrast());
        style.applyTo(root);
        ScanBridge next =
                new ScanBridge(ctx.core().wedgeSettings(), ctx.profile().hardwareKeys(), keyMillis);
        if (bridge != null) {
            bridge.detach();
            next.attach(scene);
        }
        bridge = next;
        status = new StatusBarViewModel(ctx, clock);
        root.setTop(new StatusBarView(status));
        status.listen();
    }

    private void show(ScreenModel vm, Node view) {
        current = vm;
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("screen-scroll");
        root.setCenter(scroll);
        bridge.target(vm);
        status.refresh();
        scroll.applyCss(); // creates the scroll pane's skin, which puts the view into the scene: now it can take the
        // focus
        if (view instanceof HomeView home && !style.touch()) {
            home.focusFirst();
        } else {
            root.requestFocus();
        }
    }

    @Override
    public void enrollment() {
        EnrollmentViewModel vm = new EnrollmentViewModel(ctx, this, defaultServerUrl);
        show(vm, new EnrollmentView(vm, style));
    }

    @Override
    public void login() {
        LoginViewModel vm = new LoginViewModel(ctx, this);
        show(vm, new LoginView(vm, style));
    }

    @Override
    public void home() {
        if (ctx.core().session().isEmpty()) {
            login();
            return;
        }
        HomeViewModel vm = new HomeViewModel(ctx, this);
        show(vm, new HomeView(vm, style));
    }

    @Override
    public void workflow(WorkflowKind kind) {
        if (!ctx.core().workflows().contains(kind)) {
            current.error(Labels.title(kind) + " is not offered on this device — choose another job.");
            return;
        }
        WorkflowViewModel vm = new WorkflowViewModel(ctx, this, kind);
        show(vm, new WorkflowView(vm, style));
    }

    @Override
    public void syncStatus() {
        SyncStatusViewModel vm = new SyncStatusViewModel(ctx, this, clock);
        show(vm, new SyncStatusView(vm, style, this::home));
    }

    @Override
    public void settings() {
        SettingsViewModel vm = new SettingsViewModel(ctx, this);
        show(vm, new SettingsView(vm, style));
    }

    @Override
    public void restyle() {
        applyProfile();
        onRestyle.accept(style);
        if (ctx.core().session().isPresent()) {
            home();
        } else {
            start();
        }
    }

    @Override
    public void refreshStatus() {
        status.refresh();
    }
}
