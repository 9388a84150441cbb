package org.lotkeeper.server.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper-evident link of the audit trail (docs/DOMAIN.md): each stored event's hash covers the
 * previous event's hash of the same source and everything the ledger recorded about the event.
 * One chain per device (its events in deviceSeq order) and one per site for server-made events,
 * so chains never serialise different devices.
 *
 * <p>{@code hash = SHA-256(prev + "\n" + source + "\n" + sourceSeq + "\n" + recordedAt + "\n" +
 * flags joined by "," + "\n" + note + "\n" + canonical event JSON)}, hex, where {@code prev} is
 * the empty string for a chain's first event and {@code note} the empty string when absent.
 */
public final class ChainHash {

    private ChainHash() {}

    public static String of(
            String previousHash,
            String source,
            long sourceSeq,
            Instant recordedAt,
            List<String> flags,
            String note,
            String content) {
        String text = (previousHash == null ? "" : previousHash) + "\n" + source + "\n" + sourceSeq + "\n" + recordedAt
                + "\n" + String.join(",", flags) + "\n" + (note == null ? "" : note) + "\n" + content;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
