package org.lotkeeper.server.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.AuditChain;

/**
 * Signed checkpoints (docs/SECURITY.md, "Signed checkpoints"): every chain head of the ledger and
 * the audit chain's head, read in one snapshot, written as JSON to the checkpoint directory with a
 * detached Ed25519 signature ({@code .sig}) by a key that is not in the database. Whoever rewrites
 * history and recomputes every hash and head still cannot make a checkpointed prefix match: the
 * verifier ({@link LedgerVerifier}) finds the first checkpoint that no longer holds.
 */
@ApplicationScoped
public class Checkpoints {

    static final String FORMAT = "lotkeeper-checkpoint/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** One chain's head as a checkpoint saw it. */
    public record Mark(String source, long seq, String hash) {}

    /**
     * What one checkpoint says: when, the highest ledger sequence and the events then stored,
     * every chain's head, the audit chain's head, and the signing key's id.
     */
    public record Checkpoint(
            String format,
            Instant at,
            long ledgerSeq,
            long events,
            List<Mark> chains,
            AuditChain.Head audit,
            String key) {}

    /** A written checkpoint: its file and what it says. */
    public record Written(String file, Checkpoint checkpoint) {}

    /** A checkpoint file read back: its checkpoint when the signature holds, else the problem. */
    public record Read(String file, Checkpoint checkpoint, String problem) {
        boolean valid() {
            return problem == null;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    CheckpointConfig config;

    @Inject
    AuditChain auditChain;

    @Inject
    Clock clock;

    private CheckpointKey key;

    @PostConstruct
    void loadKey() {
        key = CheckpointKey.load(config);
    }

    /** The directory checkpoints are written to. */
    public Path dir() {
        return config.dir();
    }

    /** The signing key's id (hex SHA-256 of its public key) and public key (Base64, raw). */
    public String keyId() {
        return key.id();
    }

    public String publicKey() {
        return key.publicKey();
    }

    /** Seals the audit chain, then signs and writes every chain head of one snapshot. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Written write() {
        auditChain.seal();
        return write(snapshot());
    }

    /** Like {@link #write()}, but only when the ledger or the audit chain moved since {@code since}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Written> writeIfGrown(Checkpoint since) {
        auditChain.seal();
        Checkpoint now = snapshot();
        boolean grown = since == null
                || since.ledgerSeq() != now.ledgerSeq()
                || since.events() != now.events()
                || !since.audit().equals(now.audit());
        return grown ? Optional.of(write(now)) : Optional.empty();
    }

    private Written write(Checkpoint cp) {
        try {
            byte[] body = JSON.writeValueAsBytes(cp);
            // time, then ledger and audit positions, zero-padded: names sort in the order written
            String name = String.format(
                    Locale.ROOT,
                    "checkpoint-%s-%012d-%012d.json",
                    FILE_TIME.format(cp.at()),
                    cp.ledgerSeq(),
                    cp.audit().seq());
            Files.createDirectories(config.dir());
            Path sig = config.dir().resolve(name + ".sig");
            writeAtomically(sig, (key.sign(body) + "\n").getBytes(StandardCharsets.US_ASCII));
            writeAtomically(config.dir().resolve(name), body);
            Log.infof(
                    "checkpoint %s: %d chains, %d events, audit %d",
                    name, cp.chains().size(), cp.events(), cp.audit().seq());
            return new Written(name, cp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint into " + config.dir(), e);
        }
    }

    private Checkpoint snapshot() {
        return Jdbc.withConnection(dataSource, "reading the chain heads", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return snapshot(c);
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private Checkpoint snapshot(Connection c) throws SQLException {
        List<Mark> marks = Jdbc.query(
                c,
                "SELECT source, last_seq, last_hash FROM chain_head WHERE last_seq > 0 ORDER BY source",
                rs -> new Mark(rs.getString(1), rs.getLong(2), rs.getString(3).strip()));
        Long ledgerSeq = Jdbc.one(c, "SELECT max(ledger_seq) FROM ledger_event", rs -> rs.getLong(1));
        long events = marks.stream().mapToLong(Mark::seq).sum();
        return new Checkpoint(
                FORMAT,
                clock.instant(),
                ledgerSeq == null ? 0 : ledgerSeq,
                events,
                marks,
                AuditChain.head(c),
                key.id());
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every checkpoint in {@code dir}, oldest first, each checked against this server's key. */
    public List<Read> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + dir, e);
        }
        List<Read> out = new ArrayList<>();
        for (Path file : files) {
            out.add(readOne(file));
        }
        return out;
    }

    private Read readOne(Path file) {
        String name = file.getFileName().toString();
        try {
            byte[] body = Files.readAllBytes(file);
            Path sig = file.resolveSibling(name + ".sig");
            if (!Files.exists(sig)) {
                return new Read(name, null, "no signature file " + sig.getFileName());
            }
            if (!key.verifies(body, Files.readString(sig, StandardCharsets.US_ASCII))) {
                return new Read(
                        name, null, "the signature does not hold: the file was changed, or another key signed it");
            }
            Checkpoint cp = JSON.readValue(body, Checkpoint.class);
            if (!FORMAT.equals(cp.format()) || cp.chains() == null || cp.audit() == null) {
                return new Read(name, null, "not a " + FORMAT + " checkpoint");
            }
            return new Read(name, cp, null);
        } catch (JsonProcessingException e) {
            return new Read(name, null, "unreadable: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Read(name, null, "unreadable: " + e.getMessage());
        }
    }
}
