package org.lotkeeper.client.ui;

/**
 * The main class of the runnable client: a class that does not extend {@code Application}, so
 * JavaFX on the classpath starts without "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        LotkeeperApp.main(args);
    }
}
