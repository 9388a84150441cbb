package org.lotkeeper.client.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a device may send its token (docs/SECURITY.md, "The handheld's settings"): an {@code
 * https} address, or plain {@code http} only to this machine itself (loopback: a server on the same
 * computer, the simulator, tests) or when the device was started with the development flag
 * ({@code -Dlotkeeper.device.allow-http=true}).
 */
public final class ServerAddress {

    /** The system property that allows plain http to other machines (development only). */
    public static final String ALLOW_HTTP = "lotkeeper.device.allow-http";

    private ServerAddress() {}

    /** Null when the device may use this address, else a sentence for the operator. */
    public static String problemWith(String url, boolean allowPlainHttp) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return "The server address must look like https://lotkeeper.plant.example.";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (!scheme.equals("http")) {
            return "The server address must start with https://.";
        }
        if (allowPlainHttp || isLoopback(uri.getHost())) {
            return null;
        }
        return "The server address must start with https:// — the device sends its credentials there"
                + " (plain http only to this machine itself).";
    }

    /** The development flag, from the system property. */
    public static boolean plainHttpAllowed() {
        return Boolean.getBoolean(ALLOW_HTTP);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
