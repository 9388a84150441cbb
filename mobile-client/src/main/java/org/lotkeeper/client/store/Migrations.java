package org.lotkeeper.client.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The device schema, versioned. {@link #ALL} is the list this client knows; {@link #apply} brings
 * a file up to date and refuses a file written by a newer client (its schema is unknown here).
 */
public final class Migrations {

    /** The reference tables of schema v1. */
    private static final List<String[]> V1_REFERENCE_TABLES = List.of(
            new String[] {
                "items", "code TEXT NOT NULL PRIMARY KEY, gtin TEXT, qc_required INTEGER NOT NULL, json TEXT NOT NULL"
            },
            new String[] {
                "locations",
                "code TEXT NOT NULL PRIMARY KEY, site TEXT NOT NULL, type TEXT NOT NULL, pick_sequence INTEGER NOT NULL"
            },
            new String[] {"partners", "code TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL"},
            new String[] {
                "lots",
                "item TEXT NOT NULL, lot TEXT NOT NULL, status TEXT NOT NULL, expiry TEXT, received_at TEXT, "
                        + "PRIMARY KEY (item, lot)"
            },
            new String[] {
                "stock",
                "item TEXT NOT NULL, lot TEXT NOT NULL, location TEXT NOT NULL, value TEXT NOT NULL, "
                        + "uom TEXT NOT NULL, PRIMARY KEY (item, lot, location)"
            },
            new String[] {"tasks", "id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL"},
            new String[] {"users", "user_id TEXT NOT NULL PRIMARY KEY, badge TEXT, json TEXT NOT NULL"});

    /** What the site's pallets hold (v5). */
    private static final String[] CONTAINERS = {
        "containers",
        "sscc TEXT NOT NULL, item TEXT NOT NULL, lot TEXT NOT NULL, location TEXT NOT NULL, value TEXT NOT NULL, "
                + "uom TEXT NOT NULL, PRIMARY KEY (sscc, item, lot, location)"
    };

    /** Reference tables filled by pull; each has a {@code stage_} twin that a snapshot fills first. */
    static final List<String[]> REFERENCE_TABLES = concat(V1_REFERENCE_TABLES, CONTAINERS);

    /** Every migration of this client, in order. */
    public static final List<Migration> ALL = List.of(v1(), v2(), v3(), v4(), v5());

    private Migrations() {}

    private static Migration v1() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE device_settings (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
        sql.add("""
                CREATE TABLE outbox (
                  device_seq INTEGER PRIMARY KEY,
                  event_id TEXT NOT NULL UNIQUE,
                  type TEXT NOT NULL,
                  user_id TEXT NOT NULL,
                  occurred_at TEXT NOT NULL,
                  event_json TEXT NOT NULL,
                  state TEXT NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'FLAGGED', 'DUPLICATE', 'REJECTED')),
                  captured_at TEXT NOT NULL,
                  answered_at TEXT,
                  ledger_seq INTEGER,
                  flags TEXT,
                  error_code TEXT,
                  error_detail TEXT,
                  error_field TEXT,
                  ack_mark INTEGER,
                  attention_cleared_at TEXT
                )""");
        sql.add("CREATE INDEX outbox_state ON outbox (state, device_seq)");
        sql.add("""
                CREATE TABLE local_delta (
                  device_seq INTEGER NOT NULL REFERENCES outbox (device_seq) ON DELETE CASCADE,
                  item TEXT NOT NULL,
                  lot TEXT NOT NULL,
                  location TEXT NOT NULL,
                  value TEXT NOT NULL,
                  uom TEXT NOT NULL
                )""");
        sql.add("CREATE INDEX local_delta_lot ON local_delta (item, lot)");
        sql.add("CREATE INDEX local_delta_seq ON local_delta (device_seq)");
        sql.add("""
                CREATE TABLE local_lot (
                  device_seq INTEGER NOT NULL REFERENCES outbox (device_seq) ON DELETE CASCADE,
                  item TEXT NOT NULL,
                  lot TEXT NOT NULL,
                  creates INTEGER NOT NULL,
                  status TEXT,
                  expiry TEXT,
                  received_at TEXT
                )""");
        sql.add("CREATE INDEX local_lot_lot ON local_lot (item, lot)");
        sql.add("CREATE INDEX local_lot_seq ON local_lot (device_seq)");
        for (String[] t : V1_REFERENCE_TABLES) {
            sql.add("CREATE TABLE " + t[0] + " (" + t[1] + ")");
            sql.add("CREATE TABLE stage_" + t[0] + " (" + t[1] + ")");
        }
        sql.add("CREATE INDEX items_gtin ON items (gtin)");
        sql.add("CREATE INDEX users_badge ON users (badge)");
        sql.add("CREATE INDEX stock_location ON stock (location)");
        return new Migration(1, "outbox, local view overlay, reference cache, device settings", sql);
    }

    /** A lot change that applies only to a released lot (a return puts a released lot back in quarantine). */
    private static Migration v2() {
        return new Migration(
                2,
                "lot changes that apply only to released lots",
                List.of("ALTER TABLE local_lot ADD COLUMN if_released INTEGER NOT NULL DEFAULT 0"));
    }

    /**
     * A lot's retest date (docs/QUALITY-CONTROL.md): pulled with the lot, or from a receipt captured
     * here. The pull cursor goes, so the next sync loads every lot again with its date: an older
     * client read past the field and would otherwise never learn the dates of unchanged lots.
     */
    private static Migration v3() {
        return new Migration(
                3,
                "lot retest dates",
                List.of(
                        "ALTER TABLE lots ADD COLUMN retest_date TEXT",
                        "ALTER TABLE stage_lots ADD COLUMN retest_date TEXT",
                        "ALTER TABLE local_lot ADD COLUMN retest_date TEXT",
                        "DELETE FROM device_settings WHERE key = '" + DeviceSettings.PULL_CURSOR + "'"));
    }

    /**
     * A lot's potency (docs/QUALITY-CONTROL.md, "Potency"): pulled with the lot, so a batch can dose it
     * by its active quantity. The pull cursor goes, as in v3, so every lot is loaded again once.
     */
    private static Migration v4() {
        return new Migration(
                4,
                "lot potency",
                List.of(
                        "ALTER TABLE lots ADD COLUMN potency TEXT",
                        "ALTER TABLE stage_lots ADD COLUMN potency TEXT",
                        "DELETE FROM device_settings WHERE key = '" + DeviceSettings.PULL_CURSOR + "'"));
    }

    /**
     * Pallets (docs/CLIENT-STORE-SYNC.md, "Pallets"): what the site's containers hold, pulled like
     * stock; what the device's unsent PACK, UNPACK, MOVE and SHIP did to them; and the blocks of SSCCs
     * the server handed to this device, with how many of each are used. The pull cursor goes, so the
     * next sync loads the containers.
     */
    private static Migration v5() {
        return new Migration(
                5,
                "pallets: containers, their local changes, SSCC blocks",
                List.of(
                        "CREATE TABLE " + CONTAINERS[0] + " (" + CONTAINERS[1] + ")",
                        "CREATE TABLE stage_" + CONTAINERS[0] + " (" + CONTAINERS[1] + ")",
                        "CREATE INDEX containers_lot ON containers (item, lot)",
                        """
                        CREATE TABLE local_container_delta (
                          device_seq INTEGER NOT NULL REFERENCES outbox (device_seq) ON DELETE CASCADE,
                          sscc TEXT NOT NULL,
                          item TEXT NOT NULL,
                          lot TEXT NOT NULL,
                          location TEXT NOT NULL,
                          value TEXT NOT NULL,
                          uom TEXT NOT NULL
                        )""",
                        "CREATE INDEX local_container_delta_sscc ON local_container_delta (sscc)",
                        "CREATE INDEX local_container_delta_lot ON local_container_delta (item, lot)",
                        "CREATE INDEX local_container_delta_seq ON local_container_delta (device_seq)",
                        """
                        CREATE TABLE sscc_blocks (
                          id INTEGER NOT NULL PRIMARY KEY,
                          company_prefix TEXT NOT NULL,
                          first_number INTEGER NOT NULL,
                          count INTEGER NOT NULL,
                          used INTEGER NOT NULL DEFAULT 0
                        )""",
                        "DELETE FROM device_settings WHERE key = '" + DeviceSettings.PULL_CURSOR + "'"));
    }

    private static List<String[]> concat(List<String[]> first, String[] more) {
        List<String[]> all = new ArrayList<>(first);
        all.add(more);
        return List.copyOf(all);
    }

    /**
     * Applies the migrations of {@code migrations} that the file does not have yet, each in its own
     * transaction.
     *
     * @return the schema version after applying
     * @throws StoreException when the file's schema is newer than the newest migration known
     */
    static int apply(Database db, List<Migration> migrations, Clock clock) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must be 1, 2, 3 …; found "
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
        int current = db.write(s -> {
            try (Statement st = s.connection().createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                        + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
        if (current > migrations.size()) {
            throw new StoreException("the device database has schema version " + current
                    + ", newer than this client knows (" + migrations.size() + "); install the newer client again");
        }
        for (Migration m : migrations.subList(current, migrations.size())) {
            db.write(s -> {
                try (Statement st = s.connection().createStatement()) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
                var ps = s.prepare("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)");
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, clock.instant().toString());
                ps.executeUpdate();
                return null;
            });
        }
        return migrations.size();
    }

    /** The schema version of an open database. */
    static int version(Database db) {
        return db.read(s -> {
            try (Statement st = s.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            } catch (SQLException e) {
                return 0;
            }
        });
    }
}
