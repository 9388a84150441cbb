package org.lotkeeper.client.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.wire.SsccBlock;

/**
 * The SSCCs this device may give new pallets (docs/CLIENT-STORE-SYNC.md, "Pallets"): the blocks the
 * server handed it with its pulls, each with how many are used. A number is reserved durably before
 * it is shown, so it is never handed out twice, even after a crash (gaps are fine, repeats are not).
 */
public final class PalletNumbers {

    private final Database db;

    PalletNumbers(Database db) {
        this.db = db;
    }

    /** Keeps a block the server handed out; a block already kept is left as it is. */
    static void add(Database.Session s, SsccBlock block) throws java.sql.SQLException {
        PreparedStatement ps = s.prepare(
                "INSERT OR IGNORE INTO sscc_blocks (id, company_prefix, first_number, count) VALUES (?, ?, ?, ?)");
        ps.setLong(1, block.id());
        ps.setString(2, block.prefix().value());
        ps.setLong(3, block.first());
        ps.setInt(4, block.count());
        ps.executeUpdate();
    }

    /** The next unused SSCC, reserved; empty when every block is used up (or none came yet). */
    public Optional<Sscc> next() {
        return db.write(s -> {
            PreparedStatement find = s.prepare("SELECT id, company_prefix, first_number, count, used FROM sscc_blocks "
                    + "WHERE used < count ORDER BY id LIMIT 1");
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SsccBlock block =
                        new SsccBlock(rs.getLong(1), CompanyPrefix.of(rs.getString(2)), rs.getLong(3), rs.getInt(4));
                int used = rs.getInt(5);
                PreparedStatement take = s.prepare("UPDATE sscc_blocks SET used = used + 1 WHERE id = ?");
                take.setLong(1, block.id());
                take.executeUpdate();
                return Optional.of(block.sscc(used));
            }
        });
    }

    /** How many SSCCs are left unused. */
    public int left() {
        return db.read(s -> {
            try (ResultSet rs = s.prepare("SELECT COALESCE(SUM(count - used), 0) FROM sscc_blocks")
                    .executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** The id of the newest block held, 0 when none: the pull tells the server, so a lost block is sent again. */
    public long newestBlock() {
        return db.read(s -> {
            try (ResultSet rs =
                    s.prepare("SELECT COALESCE(MAX(id), 0) FROM sscc_blocks").executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
