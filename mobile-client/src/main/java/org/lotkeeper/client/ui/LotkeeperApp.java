package org.lotkeeper.client.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

import org.lotkeeper.client.core.ClientCore;
import org.lotkeeper.client.platform.AppStorage;
import org.lotkeeper.client.ui.attach.AttachServices;

/**
 * The handheld client as a JavaFX application: {@code --server URL --profile NAME --data DIR}.
 * Start it with {@link Launcher} (a plain main, so the classpath jar runs without the module path).
 */
public final class LotkeeperApp extends Application {

    private ClientContext context;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        Path dataDir = options.dataDir() != null
                ? options.dataDir()
                : AttachServices.storage().orElseGet(AppStorage::desktop).privateDirectory();
        String model = options.model() != null
                ? options.model()
                : AttachServices.deviceModel().orElse(null);
        context = ClientContext.open(
                dataDir,
                options.profile(),
                model,
                new FxTaskExecutor(),
                profile -> AttachServices.platform(profile, false),
                (file, profile) ->
                        ClientCore.builder(file, profile).model(model).build());
        if (context.core().isEnrolled()) {
            context.core().startSync();
        }
        AttachServices.onResume(() -> context.core().requestSync());
        Shell shell = new Shell(
                context,
                Clock.system(ZoneId.systemDefault()),
                () -> System.nanoTime() / 1_000_000,
                options.serverUrl());
        shell.onRestyle(style -> {
            stage.setWidth(style.widthDp());
            stage.setHeight(style.heightDp());
            stage.centerOnScreen();
        });
        shell.start();
        stage.setTitle("Lotkeeper — " + context.profile().displayName());
        stage.setScene(shell.scene());
        stage.show();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** Runs the application (also {@link Launcher#main}). */
    public static void main(String[] args) {
        try {
            LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        launch(LotkeeperApp.class, args);
    }
}
