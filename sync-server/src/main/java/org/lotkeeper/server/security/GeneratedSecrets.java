package org.lotkeeper.server.security;

import java.security.SecureRandom;

/** Secrets made for people: passwords and PINs nobody chose, so nobody else knows them. */
public final class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecrets() {}

    /** 16 characters people can type (about 80 bits), in groups of four. */
    public static String password() {
        return Secrets.humanCode(16);
    }

    /** Six digits, never one digit repeated or a run up or down (111111, 123456, 654321). */
    public static String pin() {
        while (true) {
            StringBuilder pin = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                pin.append((char) ('0' + RANDOM.nextInt(10)));
            }
            if (!trivial(pin.toString())) {
                return pin.toString();
            }
        }
    }

    private static boolean trivial(String pin) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length(); i++) {
            int step = pin.charAt(i) - pin.charAt(i - 1);
            same &= step == 0;
            up &= step == 1;
            down &= step == -1;
        }
        return same || up || down;
    }
}
