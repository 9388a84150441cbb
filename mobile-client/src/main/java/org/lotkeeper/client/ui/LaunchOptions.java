package org.lotkeeper.client.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop launcher's arguments: {@code [--server URL] [--profile NAME] [--data DIR] [--model MODEL]}.
 *
 * @param serverUrl the server enrollment starts with; null to type it
 * @param profile   the profile name; null for the saved choice (or {@code desktop})
 * @param dataDir   where the SQLite file and settings live; null for the platform's private directory
 * @param model     a device model to match profiles with (tests, emulating a handheld); null on desktops
 */
public record LaunchOptions(String serverUrl, String profile, Path dataDir, String model) {

    static final String USAGE = "usage: lotkeeper-client [--server URL] [--profile NAME] [--data DIR] [--model MODEL]";

    /** Parses the arguments; a bad one is an {@link IllegalArgumentException} with a sentence and the usage. */
    public static LaunchOptions parse(List<String> args) {
        String server = null;
        String profile = null;
        Path data = null;
        String model = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (!List.of("--server", "--profile", "--data", "--model").contains(a)) {
                throw new IllegalArgumentException("Unknown argument '" + a + "'. " + USAGE);
            }
            if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                throw new IllegalArgumentException(a + " needs a value. " + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--server" -> server = v;
                case "--profile" -> profile = v;
                case "--data" -> data = Path.of(v);
                default -> model = v;
            }
        }
        if (server != null && !server.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException(
                    "--server must be an http:// or https:// address, found '" + server + "'.");
        }
        return new LaunchOptions(server, profile, data, model);
    }
}
