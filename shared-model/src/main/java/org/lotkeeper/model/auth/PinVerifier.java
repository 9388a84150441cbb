package org.lotkeeper.model.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Offline PIN checks for handhelds (docs/DOMAIN.md). The server keeps a slow salted hash of each PIN
 * (PBKDF2-HMAC-SHA256 with the user's salt); each device receives, for the users of its site, a
 * verifier derived from that hash with a salt specific to the device. A copied device database
 * thus holds verifiers that work on no other device, and each PIN guess costs both derivations.
 *
 * <p>Forms: PIN hash {@code pbkdf2-sha256$<iterations>$<user salt>$<hash>}; device verifier
 * {@code pbkdf2-sha256$<iterations>$<user salt>$<device iterations>$<device salt>$<hash>}; salts
 * and hashes Base64 without padding.
 */
public final class PinVerifier {

    public static final int MIN_PIN_DIGITS = 6;
    public static final int MAX_PIN_DIGITS = 12;
    static final int PIN_ITERATIONS = 60_000;
    static final int DEVICE_ITERATIONS = 10_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PinVerifier() {}

    /** Null when the PIN is acceptable, else a sentence saying why not. */
    public static String problemWith(String pin) {
        if (pin == null || pin.isEmpty()) {
            return "a PIN is required";
        }
        if (pin.length() < MIN_PIN_DIGITS || pin.length() > MAX_PIN_DIGITS) {
            return "a PIN has " + MIN_PIN_DIGITS + " to " + MAX_PIN_DIGITS + " digits";
        }
        for (int i = 0; i < pin.length(); i++) {
            if (pin.charAt(i) < '0' || pin.charAt(i) > '9') {
                return "a PIN has digits only";
            }
        }
        if (pin.chars().distinct().count() == 1) {
            return "a PIN may not repeat one digit";
        }
        return null;
    }

    /** The server-side hash of a PIN, with a fresh salt. */
    public static String hashPin(String pin) {
        String problem = problemWith(pin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        byte[] salt = randomSalt();
        return SCHEME + "$" + PIN_ITERATIONS + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(pbkdf2(pin.getBytes(StandardCharsets.US_ASCII), salt, PIN_ITERATIONS));
    }

    /** A new salt for a device's verifiers, Base64. */
    public static String newDeviceSalt() {
        return B64.encodeToString(randomSalt());
    }

    /** The verifier one device receives for a user, derived from the server's PIN hash. */
    public static String deviceVerifier(String pinHash, String deviceSalt) {
        String[] p = pinHash.split("\\$", -1);
        if (p.length != 4 || !p[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a PIN hash");
        }
        byte[] inner = B64D.decode(p[3]);
        byte[] outer = pbkdf2(inner, B64D.decode(deviceSalt), DEVICE_ITERATIONS);
        return SCHEME + "$" + p[1] + "$" + p[2] + "$" + DEVICE_ITERATIONS + "$" + deviceSalt + "$"
                + B64.encodeToString(outer);
    }

    /** On the device: does this PIN match the verifier? Constant-time comparison; false for a malformed verifier. */
    public static boolean matches(String pin, String verifier) {
        if (pin == null || verifier == null || problemWith(pin) != null) {
            return false;
        }
        String[] p = verifier.split("\\$", -1);
        if (p.length != 6 || !p[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(p[1]);
            int deviceIterations = Integer.parseInt(p[3]);
            if (iterations < 1 || iterations > 10_000_000 || deviceIterations < 1 || deviceIterations > 10_000_000) {
                return false;
            }
            byte[] inner = pbkdf2(pin.getBytes(StandardCharsets.US_ASCII), B64D.decode(p[2]), iterations);
            byte[] outer = pbkdf2(inner, B64D.decode(p[4]), deviceIterations);
            return MessageDigest.isEqual(outer, B64D.decode(p[5]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] pbkdf2(byte[] secret, byte[] salt, int iterations) {
        // PBEKeySpec takes chars; hex keeps arbitrary bytes lossless.
        char[] chars = HexFormat.of().formatHex(secret).toCharArray();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(chars, salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
