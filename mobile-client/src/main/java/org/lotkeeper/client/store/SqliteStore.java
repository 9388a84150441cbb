package org.lotkeeper.client.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import org.lotkeeper.model.id.UuidV7Generator;

/**
 * The device's durable store: one SQLite file (WAL, {@code synchronous=FULL}, foreign keys on)
 * holding the {@link Outbox}, the {@link ReferenceCache}, the {@link StoreView} over both, and the
 * {@link DeviceSettings}; the device token and PIN verifiers in it are sealed ({@link SecretSealer}). All writes go through one connection, one transaction at a time; queries
 * use a second connection and never wait for a commit. The schema is versioned
 * ({@link Migrations}).
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(dataDir.resolve("lotkeeper.db"))) {
 *     Event e = store.outbox().capture(user, new Move(item, lot, qty, from, to, null)); // durable now
 *     List<StockCandidate> rows = store.view().stockCandidates(item);
 * }
 * }</pre>
 */
public final class SqliteStore implements AutoCloseable {

    private final Database db;
    private final DeviceSettings settings;
    private final Outbox outbox;
    private final ReferenceCache referenceCache;
    private final StoreView view;
    private final PalletNumbers palletNumbers;

    private SqliteStore(Database db, Clock clock, UuidV7Generator ids, SecretSealer sealer) {
        this.db = db;
        this.settings = new DeviceSettings(db, sealer);
        this.outbox = new Outbox(db, clock, ids, settings);
        this.referenceCache = new ReferenceCache(db, sealer);
        this.view = new StoreView(db, sealer);
        this.palletNumbers = new PalletNumbers(db);
        settings.sealStoredToken();
    }

    /** The key file of the desktop {@link SecretSealer} beside the store's file: {@code <file>.key}. */
    public static Path keyFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".key");
    }

    /** Opens (creating or migrating) the store at {@code file} with the system clock. */
    public static SqliteStore open(Path file) {
        return open(file, Clock.systemUTC(), new UuidV7Generator());
    }

    /** Opens (creating or migrating) the store at {@code file}. */
    public static SqliteStore open(Path file, Clock clock, UuidV7Generator ids) {
        return open(file, clock, ids, Migrations.ALL);
    }

    /** Opens the store at {@code file} with the system clock and the given WAL checkpoints (to measure them). */
    public static SqliteStore open(Path file, WalCheckpoint checkpoints) {
        return open(file, Clock.systemUTC(), new UuidV7Generator(), Migrations.ALL, checkpoints);
    }

    static SqliteStore open(Path file, Clock clock, UuidV7Generator ids, List<Migration> migrations) {
        return open(file, clock, ids, migrations, WalCheckpoint.ON_COMMIT);
    }

    private static SqliteStore open(
            Path file, Clock clock, UuidV7Generator ids, List<Migration> migrations, WalCheckpoint checkpoints) {
        Database db = new Database(file, checkpoints);
        try {
            Migrations.apply(db, migrations, clock);
            return new SqliteStore(db, clock, ids, SecretSealer.keyFile(keyFile(file)));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Outbox outbox() {
        return outbox;
    }

    public ReferenceCache referenceCache() {
        return referenceCache;
    }

    public StoreView view() {
        return view;
    }

    public DeviceSettings settings() {
        return settings;
    }

    public PalletNumbers palletNumbers() {
        return palletNumbers;
    }

    public Path file() {
        return db.file();
    }

    /** The file's schema version. */
    public int schemaVersion() {
        return Migrations.version(db);
    }

    /** A PRAGMA's value on the writer connection (journal_mode, synchronous, foreign_keys …), for checks. */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        return db.write(s -> {
            try (Statement st = s.connection().createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /**
     * Checkpoints the WAL now on the background checkpoint's thread and says whether every frame
     * is in the database file (tests; the thread does this by itself every 200 ms after writes).
     */
    boolean checkpointNow() {
        return db.checkpointer().now().complete();
    }

    @Override
    public void close() {
        db.close();
    }
}
