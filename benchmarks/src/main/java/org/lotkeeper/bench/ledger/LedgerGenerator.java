package org.lotkeeper.bench.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.EventJson;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes a large, consistent Lotkeeper ledger straight into the tables ingest fills: the events
 * ({@code ledger_event}, canonical JSON, a real SHA-256 chain per the formula of the server's
 * {@code ChainHash}, one chain {@code site:<site>}), {@code lot_event}, and the projections
 * {@code lot}, {@code stock}, {@code lot_link}, {@code receipt}, {@code shipment_line},
 * {@code return_line} as the server's {@code Projector} would write them for these events, plus
 * the master data they name. Bulk-loaded with {@code COPY}, one connection per table, in one pass.
 *
 * <p>Shape (deterministic by seed): about 30% raw lots received from suppliers (RECEIVE, MOVE to
 * storage, STATUS released), 25% / 20% intermediates of two levels and 25% finished goods made by
 * TRANSFORMs — mostly blends of 2–8 lots of the level below, and splits, merges and reworks — each
 * released by a STATUS; about 30 SHIP lines per finished lot to a few thousand customers (at 1M
 * lots), 1.5% of them RETURNed. A few "popular" raw lots (bulk tanks) feed 2.5% of first-level
 * blends — the first half of those, the second a quarter, and so on — so their descendants grow
 * with the ledger, in graded sizes (at 1M lots the second reaches about 10,000 lots). About 10 events per lot.
 *
 * <p>Needs a database migrated by the server (Flyway, V1..) with an empty ledger.
 */
public final class LedgerGenerator {

    /** What to generate. {@code site} is created if absent; every other code is prefixed {@code G-}. */
    public record Config(int lots, long seed, String site) {}

    /** What was written. */
    public record Summary(
            int lots, long events, long links, long shipments, long returns, List<LotRef> popular, long millis) {}

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final long SPAN_MILLIS = 700L * 24 * 3600 * 1000;
    private static final String USER = "gen";
    private static final double SHIPS_PER_LOT = 7.6;
    private static final int WINDOW = 2_000;

    private final Config cfg;
    private final SplittableRandom rnd;
    private final SiteCode site;
    private final UserId user = UserId.of(USER);
    private final LocationCode rcv;
    private final LocationCode store;
    private final LocationCode ret;
    private final int suppliers;
    private final int customers;
    private final long totalEvents;

    // lots: index -> item, code, level, quantity in storage, quantity in returns
    private final List<String> lotItem = new ArrayList<>();
    private final List<String> lotCode = new ArrayList<>();
    private long[] onHand = new long[1024];
    private long[] returned = new long[1024];
    private final List<List<Integer>> byLevel =
            List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final List<Integer> popular = new ArrayList<>();

    private long seq;
    private String prevHash;
    private long links;
    private long shipments;
    private long returns;
    private long shipmentNo;
    private Tables out;

    private LedgerGenerator(Config cfg) {
        this.cfg = cfg;
        this.rnd = new SplittableRandom(cfg.seed());
        this.site = SiteCode.of(cfg.site());
        this.rcv = LocationCode.of("G-" + cfg.site() + "-RCV");
        this.store = LocationCode.of("G-" + cfg.site() + "-STORE");
        this.ret = LocationCode.of("G-" + cfg.site() + "-RET");
        this.suppliers = Math.max(3, Math.min(300, cfg.lots() / 3_000));
        this.customers = Math.max(5, Math.min(3_000, cfg.lots() / 300));
        this.totalEvents = Math.max(1, 10L * cfg.lots());
    }

    /** Generates into the database behind {@code c}; opens further connections to the same URL for the parallel COPYs. */
    public static Summary generate(String url, String user, String password, Config cfg)
            throws SQLException, IOException {
        long t0 = System.currentTimeMillis();
        LedgerGenerator g = new LedgerGenerator(cfg);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM ledger_event")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException(
                            "the ledger is not empty; generate into a freshly migrated database");
                }
            }
            g.masterData(c);
            try (Tables t = g.new Tables(url, user, password)) {
                g.out = t;
                g.run();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('ledger_seq', " + Math.max(1, g.seq) + ")");
                s.execute("INSERT INTO chain_head (source, last_seq, last_hash) VALUES ('site:" + cfg.site() + "', "
                        + g.seq + ", '" + g.prevHash + "')");
                // VACUUM as well: bulk-loaded pages are not yet marked all-visible, and until they are the
                // covering index on shipment_line cannot answer trace and recall sums from the index alone
                s.execute("VACUUM ANALYZE");
            }
        }
        List<LotRef> pop = g.popular.stream().map(g::ref).toList();
        return new Summary(
                g.lotCode.size(), g.seq, g.links, g.shipments, g.returns, pop, System.currentTimeMillis() - t0);
    }

    // ---- master data -------------------------------------------------------------------------

    static String rawItem(int i) {
        return String.format("G-RM-%03d", i);
    }

    private void masterData(Connection c) throws SQLException {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        java.sql.Timestamp ts = java.sql.Timestamp.from(now);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO site (code, name, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, cfg.site());
            ps.setString(2, "Generated site " + cfg.site());
            ps.setTimestamp(3, ts);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO location (code, site, type, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Object[] l : new Object[][] {{rcv, "RECEIVING"}, {store, "STORAGE"}, {ret, "RETURNS"}}) {
                ps.setString(1, ((LocationCode) l[0]).value());
                ps.setString(2, cfg.site());
                ps.setString(3, (String) l[1]);
                ps.setTimestamp(4, ts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO item (code, name, base_uom, qc_required, coa_required, lot_numbering, "
                        + "updated_at) VALUES (?, ?, 'KGM', true, false, 'MANUAL', ?) ON CONFLICT DO NOTHING")) {
            for (int level = 0; level < 4; level++) {
                for (int i = 0; i < itemsOf(level); i++) {
                    ps.setString(1, item(level, i));
                    ps.setString(
                            2,
                            new String[] {"Raw material ", "Intermediate ", "Semi-finished ", "Product "}[level] + i);
                    ps.setTimestamp(3, ts);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO partner (code, name, kind, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < suppliers; i++) {
                ps.setString(1, supplier(i));
                ps.setString(2, "Supplier " + i);
                ps.setString(3, "SUPPLIER");
                ps.setTimestamp(4, ts);
                ps.addBatch();
            }
            for (int i = 0; i < customers; i++) {
                ps.setString(1, customer(i));
                ps.setString(2, "Customer " + i);
                ps.setString(3, "CUSTOMER");
                ps.setTimestamp(4, ts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int itemsOf(int level) {
        return new int[] {60, 40, 40, 100}[level];
    }

    private static String item(int level, int i) {
        return String.format("G-%s-%03d", new String[] {"RM", "IM", "SF", "FG"}[level], i);
    }

    private static String supplier(int i) {
        return String.format("G-S%04d", i);
    }

    private static String customer(int i) {
        return String.format("G-C%05d", i);
    }

    // ---- simulation --------------------------------------------------------------------------

    private void run() throws IOException {
        int popularCount = cfg.lots() >= 100_000 ? 5 : 2;
        for (int i = 0; i < popularCount; i++) {
            popular.add(receive(5_000_000L));
        }
        double[] mix = {0.30, 0.25, 0.20, 0.25};
        double shipDebt = 0;
        while (lotCode.size() < cfg.lots()) {
            int before = lotCode.size();
            double u = rnd.nextDouble();
            int level = u < mix[0] ? 0 : u < mix[0] + mix[1] ? 1 : u < mix[0] + mix[1] + mix[2] ? 2 : 3;
            if (level == 0 || byLevel.get(level - 1).size() < 2) {
                receive(1_000 + rnd.nextInt(24_000));
            } else {
                produce(level);
            }
            shipDebt += SHIPS_PER_LOT * (lotCode.size() - before);
            while (shipDebt >= 1) {
                shipDebt -= 1;
                ship();
            }
        }
    }

    private int newLot(String item, int level) {
        int i = lotCode.size();
        lotItem.add(item);
        lotCode.add(String.format("G%09d", i));
        if (i >= onHand.length) {
            onHand = java.util.Arrays.copyOf(onHand, onHand.length * 2);
            returned = java.util.Arrays.copyOf(returned, returned.length * 2);
        }
        byLevel.get(level).add(i);
        return i;
    }

    private LotRef ref(int lot) {
        return new LotRef(ItemCode.of(lotItem.get(lot)), LotCode.of(lotCode.get(lot)));
    }

    private int receive(long kg) throws IOException {
        int supplierNo = rnd.nextInt(suppliers);
        int lot = newLot(rawItem(rnd.nextInt(itemsOf(0))), 0);
        LotRef r = ref(lot);
        Quantity q = kg(kg);
        Event e = event(new Receive(
                PartnerCode.of(supplier(supplierNo)),
                Reference.of("PO-" + seq),
                r.item(),
                r.lot(),
                LotCode.of(
                        "S" + Long.toString(rnd.nextLong() & 0xffffffffffL, 36).toUpperCase(java.util.Locale.ROOT)),
                q,
                null,
                null,
                rcv,
                null,
                List.of(),
                null));
        onHand[lot] = kg;
        out.lot(
                e,
                r,
                "RECEIVED",
                ((Receive) e.payload()).supplier().value(),
                ((Receive) e.payload()).supplierLot().value(),
                null);
        out.receipt(e, (Receive) e.payload());
        out.receivedAt(lot);
        event(new Move(r.item(), r.lot(), q, rcv, store, null));
        release(lot);
        return lot;
    }

    private void release(int lot) throws IOException {
        LotRef r = ref(lot);
        Event s = event(new StatusChange(r.item(), r.lot(), LotStatus.RELEASED, "QC passed"));
        out.status(r, s);
    }

    private void produce(int level) throws IOException {
        double u = rnd.nextDouble();
        TransformKind kind = u < 0.80
                ? TransformKind.BLEND
                : u < 0.88 ? TransformKind.SPLIT : u < 0.94 ? TransformKind.MERGE : TransformKind.REWORK;
        List<Integer> inputs = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        String outItem;
        if (kind == TransformKind.BLEND) {
            int fanIn = 2 + rnd.nextInt(7);
            LinkedHashSet<Integer> chosen = new LinkedHashSet<>();
            for (int tries = 0; chosen.size() < fanIn && tries < fanIn * 4; tries++) {
                Integer pick = pick(byLevel.get(level - 1));
                if (pick != null) {
                    chosen.add(pick);
                }
            }
            if (level == 1 && rnd.nextDouble() < 0.025) {
                chosen.add(popular.get(popularPick()));
            }
            inputs.addAll(chosen);
            outItem = item(level, rnd.nextInt(itemsOf(level)));
        } else {
            Integer first = pick(byLevel.get(level));
            if (first == null) {
                return;
            }
            inputs.add(first);
            outItem = lotItem.get(first);
            if (kind == TransformKind.MERGE) {
                // partial lots of the same item, from the recent window
                int wanted = 1 + rnd.nextInt(2);
                for (int tries = 0; tries < 200 && inputs.size() <= wanted; tries++) {
                    Integer more = pick(byLevel.get(level));
                    if (more != null && lotItem.get(more).equals(outItem) && !inputs.contains(more)) {
                        inputs.add(more);
                    }
                }
                if (inputs.size() < 2) {
                    kind = TransformKind.REWORK;
                }
            }
        }
        if (inputs.isEmpty()) {
            return;
        }
        List<Transform.Input> ins = new ArrayList<>();
        long total = 0;
        for (int in : inputs) {
            long take = popular.contains(in)
                    ? 1 + rnd.nextInt(50)
                    : kind == TransformKind.BLEND ? Math.max(1, onHand[in] / (2 + rnd.nextInt(4))) : onHand[in];
            onHand[in] -= take;
            total += take;
            LotRef r = ref(in);
            ins.add(new Transform.Input(r.item(), r.lot(), kg(take), store));
        }
        int outs = kind == TransformKind.SPLIT ? Math.min(2 + rnd.nextInt(3), (int) Math.max(1, total)) : 1;
        List<Transform.Output> os = new ArrayList<>();
        long left = total;
        for (int i = 0; i < outs; i++) {
            long kgOut = i == outs - 1 ? left : Math.max(1, total / outs);
            left -= kgOut;
            int lot = newLot(outItem, level);
            outputs.add(lot);
            onHand[lot] = kgOut;
            LotRef r = ref(lot);
            os.add(new Transform.Output(r.item(), r.lot(), kg(kgOut), store, null));
        }
        Transform t = new Transform(kind, Reference.of("B-" + seq), ins, os);
        Event e = event(t);
        for (int i = 0; i < outputs.size(); i++) {
            out.lot(
                    e,
                    ref(outputs.get(i)),
                    "PRODUCED",
                    null,
                    null,
                    LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        }
        for (Transform.Input in : ins) {
            for (Transform.Output o : os) {
                Quantity q = os.size() > 1 && ins.size() == 1 ? o.quantity() : in.quantity();
                out.link(in.lotRef(), o.lotRef(), q, kind, t.batch().value(), e);
                links++;
            }
        }
        for (int lot : outputs) {
            release(lot);
        }
    }

    /** Popular lot 0 feeds half of the blends that take a popular lot, lot 1 a quarter, and so on: reaches of graded size. */
    private int popularPick() {
        for (int i = 0; i < popular.size() - 1; i++) {
            if (rnd.nextBoolean()) {
                return i;
            }
        }
        return popular.size() - 1;
    }

    /** A random lot of the recent window of {@code pool} that has at least 2 kg in storage, or null. */
    private Integer pick(List<Integer> pool) {
        if (pool.isEmpty()) {
            return null;
        }
        for (int tries = 0; tries < 8; tries++) {
            int from = Math.max(0, pool.size() - WINDOW);
            int lot = pool.get(from + rnd.nextInt(pool.size() - from));
            if (onHand[lot] >= 2 && !popular.contains(lot)) {
                return lot;
            }
        }
        return null;
    }

    private void ship() throws IOException {
        Integer lot = pick(byLevel.get(3));
        if (lot == null) {
            return;
        }
        long kg = Math.max(1, onHand[lot] * (1 + rnd.nextInt(3)) / 40);
        onHand[lot] -= kg;
        int cust = (int) Math.min(customers - 1, Math.abs(rnd.nextDouble() * rnd.nextDouble()) * customers);
        LotRef r = ref(lot);
        if (rnd.nextInt(3) == 0 || shipmentNo == 0) {
            shipmentNo++;
        }
        Ship s = new Ship(
                Reference.of("SH-" + shipmentNo),
                PartnerCode.of(customer(cust)),
                r.item(),
                r.lot(),
                kg(kg),
                store,
                null);
        Event e = event(s);
        out.shipment(e, s);
        shipments++;
        if (rnd.nextInt(1000) < 15) {
            long back = 1 + rnd.nextLong(kg);
            returned[lot] += back;
            Return rt = new Return(
                    s.customer(), Reference.of("RMA-" + seq), r.item(), r.lot(), kg(back), ret, "damaged drum");
            Event re = event(rt);
            out.returned(re, rt);
            returns++;
        }
    }

    private static Quantity kg(long kg) {
        return Quantity.of(BigDecimal.valueOf(kg), Uom.KGM);
    }

    /** Stores one event: ledger_event and lot_event rows; the caller writes its projection rows. */
    private Event event(EventPayload payload) throws IOException {
        seq++;
        Instant at = START.plusMillis(seq * SPAN_MILLIS / totalEvents);
        UUID id = new UUID(
                (rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        Event e = new Event(new EventId(id), null, at, user, site, payload);
        String content = EventJson.canonicalString(e);
        Instant recorded = at.plusSeconds(2);
        String source = "site:" + cfg.site();
        String hash = chainHash(prevHash, source, seq, recorded, content);
        out.ledger(seq, e, source, recorded, content, prevHash, hash);
        prevHash = hash;
        for (LotRef r : new LinkedHashSet<>(e.lots())) {
            out.lotEvent(r, seq);
        }
        return e;
    }

    /** The formula of the server's ChainHash, with no flags and no note. */
    static String chainHash(String previous, String source, long sourceSeq, Instant recordedAt, String content) {
        String text = (previous == null ? "" : previous) + "\n" + source + "\n" + sourceSeq + "\n" + recordedAt
                + "\n\n\n" + content;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- COPY sinks --------------------------------------------------------------------------

    /** One COPY per table, each on its own connection, all open at once. Lot and stock rows are written at the end. */
    private final class Tables implements AutoCloseable {
        private final Map<String, Connection> conns = new LinkedHashMap<>();
        private final Map<String, OutputStream> streams = new LinkedHashMap<>();
        private final StringBuilder row = new StringBuilder(1024);
        // lot rows wait for their final status; stock rows for the final quantities
        private final List<Object[]> lots = new ArrayList<>();
        private final java.util.Set<Long> rcvStock = new java.util.HashSet<>();

        Tables(String url, String user, String password) throws SQLException {
            open(
                    url,
                    user,
                    password,
                    "ledger_event",
                    "COPY ledger_event (ledger_seq, event_id, site, source, source_seq, device_id, device_seq, "
                            + "user_id, type, occurred_at, recorded_at, content, flags, server_note, prev_hash, hash) FROM STDIN");
            open(url, user, password, "lot_event", "COPY lot_event (item, lot, ledger_seq) FROM STDIN");
            open(
                    url,
                    user,
                    password,
                    "lot_link",
                    "COPY lot_link (from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id, "
                            + "occurred_at) FROM STDIN");
            open(
                    url,
                    user,
                    password,
                    "receipt",
                    "COPY receipt (event_id, item, lot, supplier, supplier_lot, reference, quantity, uom, location, "
                            + "received_at) FROM STDIN");
            open(
                    url,
                    user,
                    password,
                    "shipment_line",
                    "COPY shipment_line (event_id, shipment, customer, item, lot, quantity, uom, location, "
                            + "shipped_at) FROM STDIN");
            open(
                    url,
                    user,
                    password,
                    "return_line",
                    "COPY return_line (event_id, customer, reference, item, lot, quantity, uom, location, "
                            + "reason, returned_at) FROM STDIN");
        }

        private void open(String url, String user, String password, String table, String sql) throws SQLException {
            Connection c = DriverManager.getConnection(url, user, password);
            conns.put(table, c);
            streams.put(table, new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 20));
        }

        private void write(String table, Object... values) throws IOException {
            row.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    row.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    row.append("\\N");
                } else {
                    String s = v.toString();
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> row.append("\\\\");
                            case '\t' -> row.append("\\t");
                            case '\n' -> row.append("\\n");
                            case '\r' -> row.append("\\r");
                            default -> row.append(ch);
                        }
                    }
                }
            }
            row.append('\n');
            streams.get(table).write(row.toString().getBytes(StandardCharsets.UTF_8));
        }

        void ledger(long seq, Event e, String source, Instant recorded, String content, String prev, String hash)
                throws IOException {
            write(
                    "ledger_event",
                    seq,
                    e.eventId().value(),
                    e.site().value(),
                    source,
                    seq,
                    null,
                    null,
                    e.userId().value(),
                    e.type().name(),
                    e.occurredAt(),
                    recorded,
                    content,
                    "{}",
                    null,
                    prev,
                    hash);
        }

        void lotEvent(LotRef r, long seq) throws IOException {
            write("lot_event", r.item().value(), r.lot().value(), seq);
        }

        void lot(Event e, LotRef r, String origin, String supplier, String supplierLot, LocalDate manufactured) {
            Object[] l = {
                r.item().value(),
                r.lot().value(),
                e.site().value(),
                LotStatus.QUARANTINE.name(),
                null,
                manufactured,
                origin,
                supplier,
                supplierLot,
                e.occurredAt(),
                e.eventId().value(),
                null
            };
            lots.add(l);
        }

        void status(LotRef r, Event s) {
            Object[] l = lots.get(Integer.parseInt(r.lot().value().substring(1)));
            l[3] = ((StatusChange) s.payload()).status().name();
            l[11] = s.eventId().value();
        }

        void receivedAt(int lot) {
            rcvStock.add((long) lot);
        }

        void receipt(Event e, Receive r) throws IOException {
            write(
                    "receipt",
                    e.eventId().value(),
                    r.item().value(),
                    r.lot().value(),
                    r.supplier().value(),
                    r.supplierLot().value(),
                    r.reference().value(),
                    r.quantity().value().toPlainString(),
                    "KGM",
                    r.location().value(),
                    e.occurredAt());
        }

        void link(LotRef from, LotRef to, Quantity q, TransformKind kind, String batch, Event e) throws IOException {
            write(
                    "lot_link",
                    from.item().value(),
                    from.lot().value(),
                    to.item().value(),
                    to.lot().value(),
                    q.value().toPlainString(),
                    "KGM",
                    kind.name(),
                    batch,
                    e.eventId().value(),
                    e.occurredAt());
        }

        void shipment(Event e, Ship s) throws IOException {
            write(
                    "shipment_line",
                    e.eventId().value(),
                    s.shipment().value(),
                    s.customer().value(),
                    s.item().value(),
                    s.lot().value(),
                    s.quantity().value().toPlainString(),
                    "KGM",
                    s.from().value(),
                    e.occurredAt());
        }

        void returned(Event e, Return r) throws IOException {
            // as the projector does: a released lot that comes back goes to QUARANTINE
            Object[] l = lots.get(Integer.parseInt(r.lot().value().substring(1)));
            if ("RELEASED".equals(l[3])) {
                l[3] = "QUARANTINE";
                l[11] = e.eventId().value();
            }
            write(
                    "return_line",
                    e.eventId().value(),
                    r.customer().value(),
                    r.reference().value(),
                    r.item().value(),
                    r.lot().value(),
                    r.quantity().value().toPlainString(),
                    "KGM",
                    r.to().value(),
                    r.reason(),
                    e.occurredAt());
        }

        @Override
        public void close() throws IOException, SQLException {
            for (OutputStream s : streams.values()) {
                s.close();
            }
            streams.clear();
            Connection c = conns.values().iterator().next();
            try (PGCopyOutputStream lotCopy = new PGCopyOutputStream(
                    c.unwrap(PGConnection.class),
                    "COPY lot (item, lot, site, status, expiry, "
                            + "manufactured, origin, supplier, supplier_lot, created_at, first_event_id, status_event_id) FROM STDIN",
                    1 << 20)) {
                streams.put("lot", lotCopy);
                for (Object[] l : lots) {
                    write("lot", l);
                }
            }
            try (PGCopyOutputStream stockCopy = new PGCopyOutputStream(
                    c.unwrap(PGConnection.class),
                    "COPY stock (item, lot, location, container, " + "site, quantity, uom) FROM STDIN",
                    1 << 20)) {
                streams.put("stock", stockCopy);
                for (int i = 0; i < lotCode.size(); i++) {
                    if (rcvStock.contains((long) i)) {
                        write("stock", lotItem.get(i), lotCode.get(i), rcv.value(), "", cfg.site(), 0, "KGM");
                    }
                    write("stock", lotItem.get(i), lotCode.get(i), store.value(), "", cfg.site(), onHand[i], "KGM");
                    if (returned[i] > 0) {
                        write("stock", lotItem.get(i), lotCode.get(i), ret.value(), "", cfg.site(), returned[i], "KGM");
                    }
                }
            }
            streams.clear();
            for (Connection conn : conns.values()) {
                conn.close();
            }
        }
    }

    // ---- command line ------------------------------------------------------------------------

    /** {@code --jdbc-url URL --user U --password P --lots N --seed S --site CODE}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Config cfg = new Config(
                Integer.parseInt(a.getOrDefault("lots", "100000")),
                Long.parseLong(a.getOrDefault("seed", "1")),
                a.getOrDefault("site", "GEN-1"));
        Summary s = generate(
                a.get("jdbc-url"), a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"), cfg);
        System.out.printf(
                "%,d lots, %,d events, %,d links, %,d shipment lines, %,d returns in %.1f s; popular lots: %s%n",
                s.lots(), s.events(), s.links(), s.shipments(), s.returns(), s.millis() / 1000.0, s.popular());
    }
}
