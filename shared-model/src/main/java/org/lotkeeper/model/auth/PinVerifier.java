package org.lotkeeper.model.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Offline PIN checks for handhelds (docs/SECURITY.md, "PINs"). The server keeps a memory-hard hash
 * of each PIN (Argon2id, Bouncy Castle, with the user's salt); each device receives, for the users
 * who sign in on handhelds at its site, a verifier derived from that hash with a salt specific to
 * the device (HMAC-SHA256). A copied device database thus holds verifiers that work on no other
 * device, and each PIN guess costs one Argon2id run ({@link Cost#DEFAULT}: 64 MiB, 3 passes).
 *
 * <p>Forms: PIN hash {@code argon2id$<memory KiB>$<passes>$<user salt>$<hash>}; device verifier
 * {@code argon2id$<memory KiB>$<passes>$<user salt>$<device salt>$<hmac>}; salts and hashes Base64
 * without padding. Hashes and verifiers of the earlier PBKDF2 form ({@code pbkdf2-sha256$…}) still
 * verify until the PIN is set again.
 */
public final class PinVerifier {

    public static final int MIN_PIN_DIGITS = 6;
    public static final int MAX_PIN_DIGITS = 12;
    private static final String SCHEME = "argon2id";
    private static final String LEGACY = "pbkdf2-sha256";
    private static final int LEGACY_DEVICE_ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * What one PIN guess costs: Argon2id memory in KiB and passes (parallelism 1). Bounded, so a
     * forged verifier cannot make a device spend minutes or gigabytes on a check.
     */
    public record Cost(int memoryKib, int passes) {

        /** About 0.19 s per guess on one core of the reference machine (docs/SECURITY.md). */
        public static final Cost DEFAULT = new Cost(65_536, 3);

        public Cost {
            if (memoryKib < 8 || memoryKib > 262_144 || passes < 1 || passes > 10) {
                throw new IllegalArgumentException("Argon2id cost out of bounds: " + memoryKib + " KiB, " + passes);
            }
        }
    }

    private PinVerifier() {}

    /** Null when the PIN is acceptable, else a sentence saying why not; see {@link #problemWith(String, String)}. */
    public static String problemWith(String pin) {
        return problemWith(pin, null);
    }

    /**
     * Null when the PIN is acceptable for the user with this badge, else a sentence saying why not:
     * 6 to 12 digits, not one digit repeated (111111), not a run up or down (123456, 987654, also
     * through 0: 890123), not a short pattern repeated (121212, 123123), and not the digits of the
     * badge.
     */
    public static String problemWith(String pin, String badge) {
        String format = formatProblem(pin);
        if (format != null) {
            return format;
        }
        if (pin.chars().distinct().count() == 1) {
            return "a PIN may not repeat one digit";
        }
        if (run(pin, 1) || run(pin, 9)) {
            return "a PIN may not be a run of digits up or down";
        }
        for (int period = 2; period <= 3; period++) {
            if (repeats(pin, period)) {
                return "a PIN may not repeat a short pattern";
            }
        }
        String badgeDigits = badge == null ? "" : badge.replaceAll("[^0-9]", "");
        if (badgeDigits.length() >= 4 && (pin.contains(badgeDigits) || badgeDigits.contains(pin))) {
            return "a PIN may not contain the digits of the badge";
        }
        return null;
    }

    private static String formatProblem(String pin) {
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
        return null;
    }

    /** Every digit is the previous one plus {@code step} (mod 10). */
    private static boolean run(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if ((pin.charAt(i) - '0') != ((pin.charAt(i - 1) - '0') + step) % 10) {
                return false;
            }
        }
        return true;
    }

    private static boolean repeats(String pin, int period) {
        for (int i = period; i < pin.length(); i++) {
            if (pin.charAt(i) != pin.charAt(i - period)) {
                return false;
            }
        }
        return true;
    }

    /** The server-side hash of a PIN at the default cost, with a fresh salt. */
    public static String hashPin(String pin) {
        return hashPin(pin, Cost.DEFAULT);
    }

    /** The server-side hash of a PIN at {@code cost}, with a fresh salt. */
    public static String hashPin(String pin, Cost cost) {
        String problem = formatProblem(pin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        byte[] salt = randomSalt();
        return SCHEME + "$" + cost.memoryKib() + "$" + cost.passes() + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(argon2(pin, salt, cost));
    }

    /** A new salt for a device's verifiers, Base64. */
    public static String newDeviceSalt() {
        return B64.encodeToString(randomSalt());
    }

    /** The verifier one device receives for a user, derived from the server's PIN hash. */
    public static String deviceVerifier(String pinHash, String deviceSalt) {
        String[] p = pinHash.split("\\$", -1);
        if (p.length == 5 && p[0].equals(SCHEME)) {
            byte[] outer = hmac(B64D.decode(deviceSalt), B64D.decode(p[4]));
            return SCHEME + "$" + p[1] + "$" + p[2] + "$" + p[3] + "$" + deviceSalt + "$" + B64.encodeToString(outer);
        }
        if (p.length == 4 && p[0].equals(LEGACY)) {
            byte[] outer = pbkdf2(B64D.decode(p[3]), B64D.decode(deviceSalt), LEGACY_DEVICE_ITERATIONS);
            return LEGACY + "$" + p[1] + "$" + p[2] + "$" + LEGACY_DEVICE_ITERATIONS + "$" + deviceSalt + "$"
                    + B64.encodeToString(outer);
        }
        throw new IllegalArgumentException("not a PIN hash");
    }

    /** On the server: does this PIN match the stored hash? Constant-time; false for a malformed hash. */
    public static boolean matchesHash(String pin, String pinHash) {
        if (pin == null || pinHash == null || formatProblem(pin) != null) {
            return false;
        }
        String[] p = pinHash.split("\\$", -1);
        try {
            if (p.length == 5 && p[0].equals(SCHEME)) {
                Cost cost = new Cost(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                return MessageDigest.isEqual(argon2(pin, B64D.decode(p[3]), cost), B64D.decode(p[4]));
            }
            if (p.length == 4 && p[0].equals(LEGACY)) {
                int iterations = legacyIterations(p[1]);
                return MessageDigest.isEqual(
                        pbkdf2(pin.getBytes(StandardCharsets.US_ASCII), B64D.decode(p[2]), iterations),
                        B64D.decode(p[3]));
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** On the device: does this PIN match the verifier? Constant-time comparison; false for a malformed verifier. */
    public static boolean matches(String pin, String verifier) {
        if (pin == null || verifier == null || formatProblem(pin) != null) {
            return false;
        }
        String[] p = verifier.split("\\$", -1);
        if (p.length != 6) {
            return false;
        }
        try {
            if (p[0].equals(SCHEME)) {
                Cost cost = new Cost(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                byte[] inner = argon2(pin, B64D.decode(p[3]), cost);
                return MessageDigest.isEqual(hmac(B64D.decode(p[4]), inner), B64D.decode(p[5]));
            }
            if (p[0].equals(LEGACY)) {
                byte[] inner =
                        pbkdf2(pin.getBytes(StandardCharsets.US_ASCII), B64D.decode(p[2]), legacyIterations(p[1]));
                byte[] outer = pbkdf2(inner, B64D.decode(p[4]), legacyIterations(p[3]));
                return MessageDigest.isEqual(outer, B64D.decode(p[5]));
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] argon2(String pin, byte[] salt, Cost cost) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.passes())
                .withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] out = new byte[32];
        generator.generateBytes(pin.getBytes(StandardCharsets.US_ASCII), out);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static int legacyIterations(String text) {
        int n = Integer.parseInt(text);
        if (n < 1 || n > 10_000_000) {
            throw new IllegalArgumentException("iterations out of bounds");
        }
        return n;
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
