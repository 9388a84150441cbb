package org.lotkeeper.client.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotkeeper.model.wire.ContainerRow;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.model.wire.UserRow;
import org.lotkeeper.model.wire.WireJson;

/**
 * Reference data pulled from the server (items, locations, partners, lots, stock, containers,
 * tasks, users) and the pull cursor; an SSCC block a page carries goes to {@link PalletNumbers}. Each page is applied in its own transaction.
 *
 * <ul>
 *   <li><b>Changes</b> (a pull with a cursor): rows are upserted into the live tables; a stock row
 *       with quantity zero is deleted; the page's cursor is saved in the same transaction, so an
 *       interrupted pull resumes where it stopped.</li>
 *   <li><b>Snapshot</b> (a pull without a cursor: first sync, or after CURSOR_EXPIRED): pages go to
 *       {@code stage_*} twins of the tables while the device keeps working on the old data; the
 *       last page ({@code complete: true}) swaps the staged data in and saves the cursor, in one
 *       transaction. An interrupted snapshot starts over. The outbox is never touched.</li>
 * </ul>
 * When a pull completes, the local effects of events acknowledged before it started are dropped
 * ({@link Outbox#settle}): the server's stock now includes them.
 */
public final class ReferenceCache {

    private final Database db;
    private final SecretSealer sealer;

    ReferenceCache(Database db, SecretSealer sealer) {
        this.sealer = sealer;
        this.db = db;
    }

    /** The cursor for the next incremental pull, or empty when the device needs a snapshot. */
    public Optional<String> cursor() {
        return db.read(s -> DeviceSettings.get(s, DeviceSettings.PULL_CURSOR));
    }

    /**
     * Applies one page of a snapshot.
     *
     * @param page       the page
     * @param firstPage  true for the answer to the pull without a cursor: the staging tables are emptied first
     * @param settleMark {@link Outbox#acknowledgementMark()} read before the snapshot's first request
     */
    public void applySnapshotPage(PullResponse page, boolean firstPage, long settleMark) {
        db.write(s -> {
            if (firstPage) {
                try (Statement st = s.connection().createStatement()) {
                    for (String[] t : Migrations.REFERENCE_TABLES) {
                        st.executeUpdate("DELETE FROM stage_" + t[0]);
                    }
                }
            }
            write(s, "stage_", page);
            if (page.complete()) {
                try (Statement st = s.connection().createStatement()) {
                    for (String[] t : Migrations.REFERENCE_TABLES) {
                        st.executeUpdate("DELETE FROM " + t[0]);
                        st.executeUpdate("INSERT INTO " + t[0] + " SELECT * FROM stage_" + t[0]);
                        st.executeUpdate("DELETE FROM stage_" + t[0]);
                    }
                }
                DeviceSettings.put(s, DeviceSettings.PULL_CURSOR, page.cursor());
                Outbox.settle(s, settleMark);
            }
            return null;
        });
    }

    /**
     * Applies one page of changes and saves its cursor.
     *
     * @param settleMark {@link Outbox#acknowledgementMark()} read before the pull's first request
     */
    public void applyChangesPage(PullResponse page, long settleMark) {
        db.write(s -> {
            write(s, "", page);
            DeviceSettings.put(s, DeviceSettings.PULL_CURSOR, page.cursor());
            if (page.complete()) {
                Outbox.settle(s, settleMark);
            }
            return null;
        });
    }

    /**
     * The server refused this device's token (revoked, or never issued there): forgets in one
     * transaction the token, every reference table and its staging copy — users and their PIN
     * verifiers, lots, stock, tasks, master data — and the cursor. The outbox, the device
     * sequence and the server address stay, so nothing captured is lost and a supervisor can
     * enroll the device again (docs/SECURITY.md, "The handheld's settings and secrets").
     */
    public void wipe() {
        db.write(s -> {
            try (Statement st = s.connection().createStatement()) {
                for (String[] t : Migrations.REFERENCE_TABLES) {
                    st.executeUpdate("DELETE FROM " + t[0]);
                    st.executeUpdate("DELETE FROM stage_" + t[0]);
                }
            }
            PreparedStatement ps = s.prepare("DELETE FROM device_settings WHERE key IN (?, ?, ?)");
            ps.setString(1, DeviceSettings.PULL_CURSOR);
            ps.setString(2, DeviceSettings.TOKEN);
            ps.setString(3, DeviceSettings.SITE_ROW);
            return ps.executeUpdate();
        });
    }

    /** Forgets the cursor: the next pull is a snapshot. Reference data and outbox stay. */
    public void forgetCursor() {
        db.write(s -> {
            PreparedStatement ps = s.prepare("DELETE FROM device_settings WHERE key = ?");
            ps.setString(1, DeviceSettings.PULL_CURSOR);
            return ps.executeUpdate();
        });
    }

    /** Rows per live table, for support screens and tests. */
    public Map<String, Long> rowCounts() {
        return db.read(s -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement st = s.connection().createStatement()) {
                for (String[] t : Migrations.REFERENCE_TABLES) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t[0])) {
                        counts.put(t[0], rs.next() ? rs.getLong(1) : 0L);
                    }
                }
            }
            return counts;
        });
    }

    private void write(Database.Session s, String prefix, PullResponse page) throws SQLException {
        if (page.ssccBlock() != null) {
            // the device's own numbers, not reference data: kept at once, even from a snapshot page
            PalletNumbers.add(s, page.ssccBlock());
        }
        if (page.site() != null) {
            // the first page of a cycle: the site, and the whole lists of open tasks and of the site's users
            DeviceSettings.put(s, DeviceSettings.SITE_ROW, json(page.site()));
            try (Statement st = s.connection().createStatement()) {
                st.executeUpdate("DELETE FROM " + prefix + "tasks");
                st.executeUpdate("DELETE FROM " + prefix + "users");
            }
        }
        if (!page.items().isEmpty()) {
            PreparedStatement ps = s.prepare(
                    "INSERT OR REPLACE INTO " + prefix + "items (code, gtin, qc_required, json) VALUES (?, ?, ?, ?)");
            for (ItemRow r : page.items()) {
                ps.setString(1, r.code().value());
                Outbox.setNullable(ps, 2, r.gtin() == null ? null : r.gtin().value());
                ps.setInt(3, r.qcRequired() ? 1 : 0);
                ps.setString(4, json(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!page.locations().isEmpty()) {
            PreparedStatement ps = s.prepare("INSERT OR REPLACE INTO " + prefix
                    + "locations (code, site, type, pick_sequence) VALUES (?, ?, ?, ?)");
            for (LocationRow r : page.locations()) {
                ps.setString(1, r.code().value());
                ps.setString(2, r.site().value());
                ps.setString(3, r.type().name());
                ps.setInt(4, r.pickSequence());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!page.partners().isEmpty()) {
            PreparedStatement ps =
                    s.prepare("INSERT OR REPLACE INTO " + prefix + "partners (code, json) VALUES (?, ?)");
            for (PartnerRow r : page.partners()) {
                ps.setString(1, r.code().value());
                ps.setString(2, json(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!page.lots().isEmpty()) {
            PreparedStatement ps = s.prepare(
                    "INSERT OR REPLACE INTO " + prefix
                            + "lots (item, lot, status, expiry, received_at, retest_date, potency) VALUES (?, ?, ?, ?, ?, ?, ?)");
            for (LotRow r : page.lots()) {
                ps.setString(1, r.item().value());
                ps.setString(2, r.lot().value());
                ps.setString(3, r.status().name());
                Outbox.setNullable(ps, 4, r.expiry() == null ? null : r.expiry().toString());
                Outbox.setNullable(
                        ps, 5, r.receivedAt() == null ? null : r.receivedAt().toString());
                Outbox.setNullable(
                        ps, 6, r.retestDate() == null ? null : r.retestDate().toString());
                Outbox.setNullable(
                        ps, 7, r.potency() == null ? null : r.potency().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!page.stock().isEmpty()) {
            PreparedStatement put = s.prepare("INSERT OR REPLACE INTO " + prefix
                    + "stock (item, lot, location, value, uom) VALUES (?, ?, ?, ?, ?)");
            PreparedStatement del =
                    s.prepare("DELETE FROM " + prefix + "stock WHERE item = ? AND lot = ? AND location = ?");
            for (StockRow r : page.stock()) {
                if (r.quantity().isZero()) {
                    del.setString(1, r.item().value());
                    del.setString(2, r.lot().value());
                    del.setString(3, r.location().value());
                    del.addBatch();
                } else {
                    put.setString(1, r.item().value());
                    put.setString(2, r.lot().value());
                    put.setString(3, r.location().value());
                    put.setString(4, r.quantity().valueText());
                    put.setString(5, r.quantity().uom().name());
                    put.addBatch();
                }
            }
            put.executeBatch();
            del.executeBatch();
        }
        if (!page.containers().isEmpty()) {
            PreparedStatement put = s.prepare("INSERT OR REPLACE INTO " + prefix
                    + "containers (sscc, item, lot, location, value, uom) VALUES (?, ?, ?, ?, ?, ?)");
            PreparedStatement del = s.prepare(
                    "DELETE FROM " + prefix + "containers WHERE sscc = ? AND item = ? AND lot = ? AND location = ?");
            for (ContainerRow r : page.containers()) {
                PreparedStatement ps = r.quantity().isZero() ? del : put;
                ps.setString(1, r.sscc().value());
                ps.setString(2, r.item().value());
                ps.setString(3, r.lot().value());
                ps.setString(4, r.location().value());
                if (ps == put) {
                    put.setString(5, r.quantity().valueText());
                    put.setString(6, r.quantity().uom().name());
                }
                ps.addBatch();
            }
            put.executeBatch();
            del.executeBatch();
        }
        if (!page.tasks().isEmpty()) {
            PreparedStatement ps =
                    s.prepare("INSERT OR REPLACE INTO " + prefix + "tasks (id, kind, json) VALUES (?, ?, ?)");
            for (TaskRow r : page.tasks()) {
                ps.setString(1, r.id().value());
                ps.setString(2, r.kind());
                ps.setString(3, json(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!page.users().isEmpty()) {
            PreparedStatement ps =
                    s.prepare("INSERT OR REPLACE INTO " + prefix + "users (user_id, badge, json) VALUES (?, ?, ?)");
            for (UserRow r : page.users()) {
                ps.setString(1, r.userId().value());
                Outbox.setNullable(ps, 2, r.badge());
                // the PIN verifier is sealed before it reaches the file
                ps.setString(
                        3,
                        json(
                                r.pinVerifier() == null
                                        ? r
                                        : new UserRow(
                                                r.userId(),
                                                r.name(),
                                                r.badge(),
                                                r.roles(),
                                                sealer.seal(r.pinVerifier()))));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String json(Object row) {
        return new String(WireJson.write(row), java.nio.charset.StandardCharsets.UTF_8);
    }

    static <T> T fromJson(String json, Class<T> type) {
        var d = WireJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
        if (!d.isOk()) {
            throw new StoreException("cached " + type.getSimpleName() + " cannot be read back: " + d.problems());
        }
        return d.value();
    }

    static List<String> tables() {
        return Migrations.REFERENCE_TABLES.stream().map(t -> t[0]).toList();
    }
}
