package org.lotkeeper.server.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.lotkeeper.server.security.KeyFiles;

/**
 * The Ed25519 key that signs checkpoints. It lives in a file, never in the database: a PEM PKCS#8
 * private key (generated owner-only on first start when missing) or an entry of a PKCS#12
 * keystore. Its public key's SHA-256 is the key id written into every checkpoint.
 */
final class CheckpointKey {

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private CheckpointKey(byte[] seed) {
        privateKey = new Ed25519PrivateKeyParameters(seed);
        publicKey = privateKey.generatePublicKey().getEncoded();
    }

    static CheckpointKey load(CheckpointConfig config) {
        Path file = config.keyFile();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return fromKeystore(
                        file, config.keyPassword().orElse(""), config.keyAlias().orElse(null));
            }
            String pem = new String(KeyFiles.readOrCreate(file, CheckpointKey::generatePem), StandardCharsets.US_ASCII);
            return new CheckpointKey(seed(KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                            .decode(pem.replaceAll("-----[A-Z ]+-----", "").strip())))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint key " + file + " is not an Ed25519 private key", e);
        }
    }

    private static CheckpointKey fromKeystore(Path file, String password, String alias)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint keystore " + file, e);
        }
        String entry = alias;
        if (entry == null) {
            entry = Collections.list(store.aliases()).stream()
                    .filter(a -> isKey(store, a))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the keystore " + file + " holds no private key"));
        }
        return new CheckpointKey(seed((PrivateKey) store.getKey(entry, password.toCharArray())));
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] seed(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equals(((NamedParameterSpec) ed.getParams()).getName())) {
            throw new IllegalStateException("the checkpoint key must be Ed25519, not " + key.getAlgorithm());
        }
        return ed.getBytes().orElseThrow(() -> new IllegalStateException("the checkpoint key's bytes cannot be read"));
    }

    private static byte[] generatePem() {
        try {
            byte[] seed = new Ed25519PrivateKeyParameters(new SecureRandom()).getEncoded();
            byte[] pkcs8 = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed))
                    .getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8);
            return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** The key id: hex SHA-256 of the raw public key. */
    String id() {
        return ChainHash.sha256(publicKey);
    }

    /** The raw 32-byte public key, Base64. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    String sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    boolean verifies(byte[] message, String signature) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, new Ed25519PublicKeyParameters(publicKey));
        signer.update(message, 0, message.length);
        return signer.verifySignature(sig);
    }
}
