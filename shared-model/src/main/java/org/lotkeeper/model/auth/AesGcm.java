package org.lotkeeper.model.auth;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Secrets sealed at rest, on the server (token signing keys) and on the device (its token, PIN
 * verifiers): AES-GCM with a random 96-bit nonce per value and a 128-bit tag, the nonce written
 * in front of the ciphertext; optional associated data binds a value to where it is kept.
 */
public final class AesGcm {

    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    /** {@code nonce ‖ ciphertext ‖ tag} of {@code plain}. */
    public static byte[] seal(SecretKey key, byte[] plain, byte[] associated) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            if (associated != null) {
                aes.updateAAD(associated);
            }
            byte[] sealed = aes.doFinal(plain);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The plain bytes of a {@link #seal sealed} value.
     *
     * @throws GeneralSecurityException when it does not open: another key, other associated data, or changed
     */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] associated) throws GeneralSecurityException {
        if (sealed.length < NONCE + 16) {
            throw new javax.crypto.AEADBadTagException("too short to be a sealed value");
        }
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
        if (associated != null) {
            aes.updateAAD(associated);
        }
        return aes.doFinal(sealed, NONCE, sealed.length - NONCE);
    }
}
