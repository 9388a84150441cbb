package org.lotkeeper.client.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ContainerRow;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.model.wire.UserRow;

/**
 * What the workflows ask the device: reference data and the <b>local view</b> of lots and stock.
 *
 * <p>The local view is the server's figures (last pull) overlaid with the effects of this device's
 * events that the server's figures do not include yet: {@code local_delta} (stock changes) and
 * {@code local_lot} (lots received or produced here, statuses set here), written in the capture
 * transaction. An overlay row goes when its event is rejected, or when a pull that started after
 * the event was acknowledged completes. The overlay is applied on read, in deviceSeq order.
 * Every query reads one consistent snapshot of the file and never waits for a capture's commit.
 */
public final class StoreView {

    private final Database db;
    private final SecretSealer sealer;

    StoreView(Database db, SecretSealer sealer) {
        this.sealer = sealer;
        this.db = db;
    }

    public Optional<ItemRow> item(ItemCode code) {
        return one("SELECT json FROM items WHERE code = ?", code.value(), ItemRow.class);
    }

    public Optional<ItemRow> itemByGtin(Gtin gtin) {
        return one("SELECT json FROM items WHERE gtin = ? ORDER BY code LIMIT 1", gtin.value(), ItemRow.class);
    }

    public Optional<PartnerRow> partner(PartnerCode code) {
        return one("SELECT json FROM partners WHERE code = ?", code.value(), PartnerRow.class);
    }

    /** Every partner, by code. */
    public List<PartnerRow> partners() {
        return db.read(s -> {
            List<PartnerRow> out = new ArrayList<>();
            try (ResultSet rs =
                    s.prepare("SELECT json FROM partners ORDER BY code").executeQuery()) {
                while (rs.next()) {
                    out.add(ReferenceCache.fromJson(rs.getString(1), PartnerRow.class));
                }
            }
            return out;
        });
    }

    public Optional<UserRow> user(UserId userId) {
        return one("SELECT json FROM users WHERE user_id = ?", userId.value(), UserRow.class)
                .map(this::unsealed);
    }

    /** The user with this badge barcode (for offline badge + PIN login). */
    public Optional<UserRow> userByBadge(String badge) {
        return one("SELECT json FROM users WHERE badge = ? ORDER BY user_id LIMIT 1", badge, UserRow.class)
                .map(this::unsealed);
    }

    /** The row with its PIN verifier opened (null when it cannot be: the user then has no PIN here). */
    private UserRow unsealed(UserRow r) {
        return r.pinVerifier() == null
                ? r
                : new UserRow(r.userId(), r.name(), r.badge(), r.roles(), sealer.open(r.pinVerifier()));
    }

    public Optional<TaskRow> task(Reference id) {
        return one("SELECT json FROM tasks WHERE id = ?", id.value(), TaskRow.class);
    }

    /**
     * This device's events of one type whose effects the server's figures may not include yet:
     * not refused, and their local overlay still on (it goes when a pull that started after their
     * acknowledgement completes, {@link Outbox#settle}). Oldest first.
     */
    public List<Event> unsettled(EventType type) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare("SELECT event_json FROM outbox WHERE type = ? AND state <> 'REJECTED' "
                    + "AND device_seq IN (SELECT device_seq FROM local_delta) ORDER BY device_seq");
            ps.setString(1, type.name());
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Outbox.event(rs.getString(1)));
                }
            }
            return out;
        });
    }

    public List<TaskRow> tasks() {
        return db.read(s -> {
            List<TaskRow> out = new ArrayList<>();
            try (ResultSet rs = s.prepare("SELECT json FROM tasks ORDER BY id").executeQuery()) {
                while (rs.next()) {
                    out.add(ReferenceCache.fromJson(rs.getString(1), TaskRow.class));
                }
            }
            return out;
        });
    }

    public Optional<LocationRow> location(LocationCode code) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare("SELECT code, site, type, pick_sequence FROM locations WHERE code = ?");
            ps.setString(1, code.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(location(rs)) : Optional.empty();
            }
        });
    }

    /** The lot as the device sees it: the server's row with this device's unsent changes (a receipt, a hold). */
    public Optional<LotRow> lot(LotRef lot) {
        return db.read(s ->
                Optional.ofNullable(lots(s, lot.item(), lot.lot()).get(lot.lot().value())));
    }

    public Optional<LotRow> lot(ItemCode item, LotCode lot) {
        return lot(new LotRef(item, lot));
    }

    /** On-hand stock of one lot by location (local view), non-zero rows only, by location code. */
    public List<StockRow> stockOfLot(LotRef lot) {
        return db.read(s -> {
            Map<String, Map<String, Quantity>> byLot = stock(s, lot.item(), lot.lot());
            List<StockRow> out = new ArrayList<>();
            byLot.getOrDefault(lot.lot().value(), Map.of()).forEach((loc, q) -> {
                if (!q.isZero()) {
                    out.add(new StockRow(lot.item(), lot.lot(), new LocationCode(loc), q));
                }
            });
            return out;
        });
    }

    /** On-hand stock of one lot at one location (local view); empty when there is none. */
    public Optional<Quantity> stockAt(LotRef lot, LocationCode location) {
        return stockOfLot(lot).stream()
                .filter(r -> r.location().equals(location))
                .map(StockRow::quantity)
                .findFirst();
    }

    /**
     * What a container holds in the local view (the server's rows plus this device's unsent PACK,
     * UNPACK, MOVE and SHIP), one row per lot and location with a non-zero quantity, in key order;
     * empty for a container the device does not know or that is empty.
     */
    public List<ContainerRow> container(Sscc sscc) {
        return db.read(s -> {
            Map<List<String>, Quantity> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                    .thenComparing(k -> k.get(1))
                    .thenComparing(k -> k.get(2)));
            for (String table : List.of("containers", "local_container_delta")) {
                String order = table.equals("local_container_delta") ? " ORDER BY device_seq" : "";
                PreparedStatement ps =
                        s.prepare("SELECT item, lot, location, value, uom FROM " + table + " WHERE sscc = ?" + order);
                ps.setString(1, sscc.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.merge(
                                List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                                Quantity.of(rs.getString(4), Uom.valueOf(rs.getString(5))),
                                LocalEffects::add);
                    }
                }
            }
            List<ContainerRow> out = new ArrayList<>();
            rows.forEach((k, q) -> {
                if (!q.isZero()) {
                    out.add(new ContainerRow(
                            sscc, ItemCode.of(k.get(0)), LotCode.of(k.get(1)), LocationCode.of(k.get(2)), q));
                }
            });
            return out;
        });
    }

    /** How much of a lot at a location is on pallets in the local view; empty when none. */
    public Optional<Quantity> onPallets(LotRef lot, LocationCode location) {
        return db.read(s -> {
            Quantity sum = null;
            for (String table : List.of("containers", "local_container_delta")) {
                PreparedStatement ps =
                        s.prepare("SELECT value, uom FROM " + table + " WHERE item = ? AND lot = ? AND location = ?");
                ps.setString(1, lot.item().value());
                ps.setString(2, lot.lot().value());
                ps.setString(3, location.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum = LocalEffects.add(sum, Quantity.of(rs.getString(1), Uom.valueOf(rs.getString(2))));
                    }
                }
            }
            return sum == null || sum.isZero() ? Optional.<Quantity>empty() : Optional.of(sum);
        });
    }

    /**
     * Every stock row of an item with non-zero quantity in the local view, with the facts FEFO needs
     * (lot status, expiry, receipt time, location type and pick sequence), in any order and any
     * status: give them to {@code Fefo.allocate}/{@code Fefo.eligible}, which decide availability.
     * Rows whose lot or location the device does not know are left out (they cannot be judged).
     */
    public List<StockCandidate> stockCandidates(ItemCode item) {
        return db.read(s -> {
            Map<String, Map<String, Quantity>> stock = stock(s, item, null);
            Map<String, LotRow> lots = lots(s, item, null);
            Map<String, LocationRow> locations = new HashMap<>();
            List<StockCandidate> out = new ArrayList<>();
            for (var lotEntry : stock.entrySet()) {
                LotRow lot = lots.get(lotEntry.getKey());
                if (lot == null) {
                    continue;
                }
                for (var locEntry : lotEntry.getValue().entrySet()) {
                    if (locEntry.getValue().isZero()) {
                        continue;
                    }
                    LocationRow loc = locations.computeIfAbsent(locEntry.getKey(), code -> locationOrNull(s, code));
                    if (loc == null) {
                        continue;
                    }
                    out.add(new StockCandidate(
                            lot.ref(),
                            loc.code(),
                            loc.type(),
                            loc.pickSequence(),
                            locEntry.getValue(),
                            lot.status(),
                            lot.expiry(),
                            lot.retestDate(),
                            lot.receivedAt()));
                }
            }
            return out;
        });
    }

    /**
     * Every lot with this code, of any item, as the device sees it (server rows with this device's
     * unsent receipts and holds), ordered by item: a typed or plain-barcode lot code names no item.
     */
    public List<LotRow> lotsByCode(LotCode lot) {
        return db.read(s -> {
            List<String> items = new ArrayList<>();
            PreparedStatement ps =
                    s.prepare("SELECT item FROM lots WHERE lot = ? UNION SELECT item FROM local_lot WHERE lot = ? "
                            + "AND creates = 1 ORDER BY item");
            ps.setString(1, lot.value());
            ps.setString(2, lot.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1));
                }
            }
            List<LotRow> out = new ArrayList<>(items.size());
            for (String item : items) {
                LotRow row = lots(s, new ItemCode(item), lot).get(lot.value());
                if (row != null) {
                    out.add(row);
                }
            }
            return out;
        });
    }

    /**
     * Every stock row at one location with non-zero quantity in the local view, one per lot, with
     * the facts FEFO needs (as {@link #stockCandidates}), ordered by item and lot. Rows whose lot the
     * device does not know are left out.
     */
    public List<StockCandidate> stockCandidatesAt(LocationCode location) {
        List<String> items = db.read(s -> {
            List<String> out = new ArrayList<>();
            PreparedStatement ps =
                    s.prepare("SELECT item FROM stock WHERE location = ? UNION SELECT item FROM local_delta "
                            + "WHERE location = ? ORDER BY item");
            ps.setString(1, location.value());
            ps.setString(2, location.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        List<StockCandidate> out = new ArrayList<>();
        for (String item : items) {
            stockCandidates(new ItemCode(item)).stream()
                    .filter(c -> c.location().equals(location))
                    .sorted(java.util.Comparator.comparing(c -> c.lot().lot().value()))
                    .forEach(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private <T> Optional<T> one(String sql, String key, Class<T> type) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare(sql);
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ReferenceCache.fromJson(rs.getString(1), type)) : Optional.empty();
            }
        });
    }

    private static LocationRow location(ResultSet rs) throws SQLException {
        return new LocationRow(
                new LocationCode(rs.getString(1)),
                new SiteCode(rs.getString(2)),
                LocationType.valueOf(rs.getString(3)),
                rs.getInt(4));
    }

    private static LocationRow locationOrNull(Database.Session s, String code) {
        try {
            PreparedStatement ps = s.prepare("SELECT code, site, type, pick_sequence FROM locations WHERE code = ?");
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? location(rs) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read location " + code + ": " + e.getMessage(), e);
        }
    }

    /** Stock by lot code, then location code: server rows plus local deltas. {@code lot} null: every lot of the item. */
    private static Map<String, Map<String, Quantity>> stock(Database.Session s, ItemCode item, LotCode lot)
            throws SQLException {
        Map<String, Map<String, Quantity>> out = new TreeMap<>();
        String where = lot == null ? "WHERE item = ?" : "WHERE item = ? AND lot = ?";
        for (String table : List.of("stock", "local_delta")) {
            String order = table.equals("local_delta") ? " ORDER BY device_seq" : "";
            PreparedStatement ps = s.prepare("SELECT lot, location, value, uom FROM " + table + " " + where + order);
            ps.setString(1, item.value());
            if (lot != null) {
                ps.setString(2, lot.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Quantity q = Quantity.of(rs.getString(3), Uom.valueOf(rs.getString(4)));
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .merge(rs.getString(2), q, LocalEffects::add);
                }
            }
        }
        return out;
    }

    /** Lots by lot code: server rows with the local changes applied in deviceSeq order. */
    private static Map<String, LotRow> lots(Database.Session s, ItemCode item, LotCode lot) throws SQLException {
        Map<String, LotRow> out = new LinkedHashMap<>();
        String where = lot == null ? "WHERE item = ?" : "WHERE item = ? AND lot = ?";
        PreparedStatement ps =
                s.prepare("SELECT lot, status, expiry, received_at, retest_date, potency FROM lots " + where);
        ps.setString(1, item.value());
        if (lot != null) {
            ps.setString(2, lot.value());
        }
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(
                        rs.getString(1),
                        new LotRow(
                                item,
                                new LotCode(rs.getString(1)),
                                LotStatus.valueOf(rs.getString(2)),
                                date(rs.getString(3)),
                                date(rs.getString(5)),
                                Outbox.instant(rs.getString(4)),
                                rs.getString(6) == null ? null : Potency.parse(rs.getString(6))));
            }
        }
        PreparedStatement local =
                s.prepare("SELECT lot, creates, status, expiry, received_at, if_released, retest_date FROM local_lot "
                        + where + " ORDER BY device_seq");
        local.setString(1, item.value());
        if (lot != null) {
            local.setString(2, lot.value());
        }
        try (ResultSet rs = local.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                boolean creates = rs.getInt(2) != 0;
                String status = rs.getString(3);
                LotRow known = out.get(code);
                if (known == null && creates) {
                    out.put(
                            code,
                            new LotRow(
                                    item,
                                    new LotCode(code),
                                    LotStatus.valueOf(status),
                                    date(rs.getString(4)),
                                    date(rs.getString(7)),
                                    Outbox.instant(rs.getString(5))));
                } else if (known != null
                        && !creates
                        && status != null
                        && (rs.getInt(6) == 0 || known.status() == LotStatus.RELEASED)) {
                    out.put(
                            code,
                            new LotRow(
                                    item,
                                    known.lot(),
                                    LotStatus.valueOf(status),
                                    known.expiry(),
                                    known.retestDate(),
                                    known.receivedAt(),
                                    known.potency()));
                }
            }
        }
        return out;
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
