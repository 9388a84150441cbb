package org.lotkeeper.server.security;

import java.security.SecureRandom;

import org.lotkeeper.model.auth.PinVerifier;

/** Secrets made for people: passwords and PINs nobody chose, so nobody else knows them. */
public final class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecrets() {}

    /** 16 characters people can type (about 80 bits), in groups of four. */
    public static String password() {
        return Secrets.humanCode(16);
    }

    /** Six digits the master-data rules accept for this badge (no repeats, runs, patterns or badge digits). */
    public static String pin(String badge) {
        while (true) {
            StringBuilder pin = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                pin.append((char) ('0' + RANDOM.nextInt(10)));
            }
            if (PinVerifier.problemWith(pin.toString(), badge) == null) {
                return pin.toString();
            }
        }
    }
}
