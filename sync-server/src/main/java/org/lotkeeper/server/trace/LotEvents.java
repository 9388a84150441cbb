package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.db.Jdbc;

/**
 * A lot's events from the ledger, found through {@code lot_event} (written by ingest with every
 * event, one row per lot it names), in ledger order, with who and which device.
 */
final class LotEvents {

    /** One stored event with the facts around it. */
    record Stored(
            long ledgerSeq,
            UUID eventId,
            String type,
            Instant occurredAt,
            Instant recordedAt,
            String userId,
            String userName,
            String deviceId,
            String deviceLabel,
            String site,
            List<String> flags,
            Event event) {}

    private static final String SELECT =
            "SELECT e.ledger_seq, e.event_id, e.type, e.occurred_at, e.recorded_at, e.user_id, u.name AS user_name, "
                    + "e.device_id, d.label AS device_label, e.site, e.flags, e.content FROM ledger_event e "
                    + "LEFT JOIN app_user u ON u.user_id = e.user_id LEFT JOIN device d ON d.device_id = e.device_id ";

    private LotEvents() {}

    /** The events a {@code WHERE …} clause over {@code ledger_event e} selects. */
    static List<Stored> query(Connection c, String whereAndOrder, Object... params) throws SQLException {
        return Jdbc.query(c, SELECT + whereAndOrder, LotEvents::read, params);
    }

    /** Every event that names {@code lot}, in ledger order. */
    static List<Stored> of(Connection c, LotRef lot) throws SQLException {
        return Jdbc.query(
                c,
                SELECT + "WHERE e.ledger_seq IN (SELECT ledger_seq FROM lot_event WHERE item = ? AND lot = ?) "
                        + "ORDER BY e.ledger_seq",
                LotEvents::read,
                lot.item().value(),
                lot.lot().value());
    }

    /** At most {@code limit} events that name {@code lot}, after ledger position {@code afterSeq}, in ledger order (a page). */
    static List<Stored> page(Connection c, LotRef lot, long afterSeq, int limit) throws SQLException {
        return Jdbc.query(
                c,
                SELECT
                        + "WHERE e.ledger_seq IN (SELECT ledger_seq FROM lot_event WHERE item = ? AND lot = ? AND ledger_seq > ? "
                        + "ORDER BY ledger_seq LIMIT ?) ORDER BY e.ledger_seq",
                LotEvents::read,
                lot.item().value(),
                lot.lot().value(),
                afterSeq,
                limit);
    }

    /** Events of these types that name any of {@code lots}, up to ledger position {@code asOfSeq}, in ledger order. */
    static List<Stored> ofAny(Connection c, Collection<LotRef> lots, List<String> types, long asOfSeq)
            throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(
                c,
                SELECT + "WHERE e.ledger_seq IN (SELECT x.ledger_seq FROM lot_event x "
                        + "JOIN unnest(?::varchar[], ?::varchar[]) AS l(item, lot) ON x.item = l.item AND x.lot = l.lot) "
                        + "AND e.type = ANY (?::varchar[]) AND e.ledger_seq <= ? ORDER BY e.ledger_seq",
                LotEvents::read,
                Sql.items(lots),
                Sql.lots(lots),
                types.toArray(String[]::new),
                asOfSeq);
    }

    /** The same events as {@link #ofAny}, handed to {@code each} one at a time from a cursor. */
    static void forEachOfAny(
            Connection c,
            Collection<LotRef> lots,
            List<String> types,
            long asOfSeq,
            java.util.function.Consumer<Stored> each)
            throws SQLException {
        if (lots.isEmpty()) {
            return;
        }
        Jdbc.forEach(
                c,
                SELECT + "WHERE e.ledger_seq IN (SELECT x.ledger_seq FROM lot_event x "
                        + "JOIN unnest(?::varchar[], ?::varchar[]) AS l(item, lot) ON x.item = l.item AND x.lot = l.lot) "
                        + "AND e.type = ANY (?::varchar[]) AND e.ledger_seq <= ? ORDER BY e.ledger_seq",
                1_000,
                rs -> {
                    each.accept(read(rs));
                    return null;
                },
                Sql.items(lots),
                Sql.lots(lots),
                types.toArray(String[]::new),
                asOfSeq);
    }

    /**
     * Events of these types in a time range (device time, from inclusive, to exclusive) of some
     * sites (null: all) that name a lot of one of {@code items} (null: any), up to ledger position
     * {@code asOfSeq}, handed to {@code each} in ledger order from a cursor.
     */
    static void forEachBetween(
            Connection c,
            Instant from,
            Instant to,
            String[] sites,
            String[] items,
            List<String> types,
            long asOfSeq,
            java.util.function.Consumer<Stored> each)
            throws SQLException {
        Jdbc.forEach(
                c,
                SELECT
                        + "WHERE e.occurred_at >= ? AND e.occurred_at < ? AND (?::varchar[] IS NULL OR e.site = ANY (?::varchar[])) "
                        + "AND (?::varchar[] IS NULL OR e.ledger_seq IN "
                        + "(SELECT x.ledger_seq FROM lot_event x WHERE x.item = ANY (?::varchar[]))) "
                        + "AND e.type = ANY (?::varchar[]) AND e.ledger_seq <= ? ORDER BY e.ledger_seq",
                1_000,
                rs -> {
                    each.accept(read(rs));
                    return null;
                },
                from,
                to,
                sites,
                sites,
                items,
                items,
                types.toArray(String[]::new),
                asOfSeq);
    }

    /** Events of a time range (device time, from inclusive, to exclusive) of some sites, in ledger order, at most {@code limit}. */
    static List<Stored> between(Connection c, Instant from, Instant to, String[] sites, int limit) throws SQLException {
        return Jdbc.query(
                c,
                SELECT
                        + "WHERE e.occurred_at >= ? AND e.occurred_at < ? AND (?::varchar[] IS NULL OR e.site = ANY (?::varchar[])) "
                        + "ORDER BY e.ledger_seq LIMIT ?",
                LotEvents::read,
                from,
                to,
                sites,
                sites,
                limit);
    }

    /** A stored event as one lot's timeline shows it: how much of that lot, from where to where, why. */
    static Views.TimelineEvent view(Stored e, LotRef ref) {
        EventPayload p = e.event().payload();
        return new Views.TimelineEvent(
                e.ledgerSeq(),
                e.eventId().toString(),
                e.type(),
                e.occurredAt(),
                e.recordedAt(),
                e.userId(),
                e.userName(),
                e.deviceId(),
                e.deviceLabel(),
                e.site(),
                howMuch(p, ref),
                where(p, ref),
                why(p),
                e.flags(),
                EventJson.payloadTree(p));
    }

    private static Stored read(java.sql.ResultSet rs) throws SQLException {
        Decoded<Event> event = EventJson.read(rs.getString("content"));
        if (!event.isOk()) {
            throw new IllegalStateException(
                    "ledger event " + rs.getLong("ledger_seq") + " cannot be read: " + event.problems());
        }
        return new Stored(
                rs.getLong("ledger_seq"),
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                Jdbc.instant(rs, "occurred_at"),
                Jdbc.instant(rs, "recorded_at"),
                rs.getString("user_id"),
                rs.getString("user_name"),
                rs.getString("device_id"),
                rs.getString("device_label"),
                rs.getString("site"),
                Jdbc.strings(rs, "flags"),
                event.value());
    }

    /**
     * How much of {@code lot} the event moved, as it says (a receipt's 1000 kg, a batch's 300 kg
     * consumed, a count's 14 pc counted, an adjustment's −1 pc); null for a status change or test results.
     */
    static Quantity howMuch(EventPayload p, LotRef lot) {
        return p.accept(new EventPayload.Cases<Quantity>() {
            @Override
            public Quantity receive(Receive r) {
                return r.quantity();
            }

            @Override
            public Quantity move(Move m) {
                return m.quantity();
            }

            @Override
            public Quantity pick(Pick k) {
                return k.quantity();
            }

            @Override
            public Quantity count(Count n) {
                return n.counted();
            }

            @Override
            public Quantity ship(Ship s) {
                return s.quantity();
            }

            @Override
            public Quantity transform(Transform t) {
                List<Quantity> of = new ArrayList<>();
                t.inputs().stream().filter(i -> i.lotRef().equals(lot)).forEach(i -> of.add(i.quantity()));
                t.outputs().stream().filter(o -> o.lotRef().equals(lot)).forEach(o -> of.add(o.quantity()));
                return sum(of);
            }

            @Override
            public Quantity status(StatusChange s) {
                return null;
            }

            @Override
            public Quantity returned(Return r) {
                return r.quantity();
            }

            @Override
            public Quantity adjust(Adjust a) {
                return a.delta();
            }

            @Override
            public Quantity pack(Pack k) {
                return lines(k.contents());
            }

            @Override
            public Quantity unpack(Unpack u) {
                return lines(u.contents());
            }

            @Override
            public Quantity inspect(Inspect i) {
                return null;
            }

            @Override
            public Quantity transferOut(TransferOut t) {
                return t.quantity();
            }

            @Override
            public Quantity transferIn(TransferIn t) {
                return t.quantity();
            }

            private Quantity lines(List<ContainerLine> contents) {
                return sum(contents.stream()
                        .filter(l -> l.lotRef().equals(lot))
                        .map(ContainerLine::quantity)
                        .toList());
            }

            private Quantity sum(List<Quantity> of) {
                return of.stream().reduce(Quantity::plus).orElse(null);
            }
        });
    }

    /** The locations an event touched for {@code lot}: from and to of a movement, the place of a receipt, count or adjustment. */
    static List<String> where(EventPayload p, LotRef lot) {
        return p.accept(new EventPayload.Cases<List<String>>() {
            @Override
            public List<String> receive(Receive r) {
                return List.of(r.location().value());
            }

            @Override
            public List<String> move(Move m) {
                return fromTo(m.from().value(), m.to().value());
            }

            @Override
            public List<String> pick(Pick k) {
                return fromTo(k.from().value(), k.to().value());
            }

            @Override
            public List<String> count(Count n) {
                return List.of(n.location().value());
            }

            @Override
            public List<String> ship(Ship s) {
                return List.of(s.from().value());
            }

            @Override
            public List<String> transform(Transform t) {
                List<String> out = new ArrayList<>();
                t.inputs().stream()
                        .filter(i -> i.lotRef().equals(lot))
                        .forEach(i -> out.add(i.from().value()));
                t.outputs().stream().filter(o -> o.lotRef().equals(lot)).forEach(o -> out.add(o.to().value()));
                return out.stream().distinct().toList();
            }

            @Override
            public List<String> status(StatusChange s) {
                return List.of();
            }

            @Override
            public List<String> returned(Return r) {
                return List.of(r.to().value());
            }

            @Override
            public List<String> adjust(Adjust a) {
                return List.of(a.location().value());
            }

            @Override
            public List<String> pack(Pack k) {
                return List.of(k.location().value());
            }

            @Override
            public List<String> unpack(Unpack u) {
                return List.of(u.location().value());
            }

            @Override
            public List<String> transferOut(TransferOut t) {
                return List.of(t.from().value());
            }

            @Override
            public List<String> transferIn(TransferIn t) {
                return List.of(t.to().value());
            }

            @Override
            public List<String> inspect(Inspect i) {
                return List.of();
            }

            private List<String> fromTo(String from, String to) {
                return from.equals(to) ? List.of(from) : List.of(from, to);
            }
        });
    }

    /**
     * Why it happened, where the event says: the receipt a lot came in on, a status reason and
     * signature, a return or adjustment reason, a FEFO deviation; null when it says nothing.
     */
    static String why(EventPayload p) {
        return p.accept(WHY);
    }

    private static final EventPayload.Cases<String> WHY = new EventPayload.Cases<>() {
        @Override
        public String receive(Receive r) {
            // what QA asks first: which delivery it came in on — the PO, the delivery note or the handheld's receipt
            return "Receipt " + r.reference() + " from " + r.supplier()
                    + (r.supplierLot() == null ? "" : ", supplier lot " + r.supplierLot());
        }

        @Override
        public String move(Move m) {
            return null;
        }

        @Override
        public String pick(Pick k) {
            if (k.deviationReason() != null) {
                return "FEFO deviation: " + Words.of(k.deviationReason())
                        + (k.note() == null ? "" : " (" + k.note() + ")");
            }
            return k.note();
        }

        @Override
        public String count(Count n) {
            return null;
        }

        @Override
        public String ship(Ship s) {
            return null;
        }

        @Override
        public String transform(Transform t) {
            return null;
        }

        @Override
        public String status(StatusChange s) {
            return "now " + Words.inSentence(s.status()) + ": " + s.reason()
                    + (s.signature() == null
                            ? ""
                            : " (signed by " + s.signature().name() + ": "
                                    + s.signature().meaning() + ")")
                    + (s.concession() == null ? "" : "; concession: " + s.concession());
        }

        @Override
        public String returned(Return r) {
            return r.reason();
        }

        @Override
        public String adjust(Adjust a) {
            return a.reason();
        }

        @Override
        public String pack(Pack k) {
            return null;
        }

        @Override
        public String unpack(Unpack u) {
            return null;
        }

        /** The results as QA reads them: "ASSAY 99.4 (out of specification), APP Clear; spec v2, supplier's COA". */
        @Override
        public String inspect(Inspect i) {
            String results = i.results().isEmpty()
                    ? "the results at ledger event " + i.retest().basedOn()
                    : String.join(
                            ", ",
                            i.results().stream()
                                    .map(r -> r.test() + " " + r.value()
                                            + (r.judgement() == Judgement.CONFORMS ? "" : " (out of specification)"))
                                    .toList());
            return (i.retest() == null
                            ? ""
                            : "retest signed by " + i.retest().signature().name() + ", usable until "
                                    + i.retest().until() + ": ")
                    + results
                    + "; specification version " + i.specificationVersion() + ", "
                    + (i.source() == InspectionSource.LAB ? "laboratory" : "supplier's COA")
                    + (i.reason() == null ? "" : "; correction: " + i.reason());
        }

        @Override
        public String transferOut(TransferOut t) {
            return "Transfer " + t.transfer() + " to site " + t.toSite()
                    + (t.sscc() == null ? "" : ", on pallet " + t.sscc());
        }

        @Override
        public String transferIn(TransferIn t) {
            return "Transfer " + t.transfer() + " from site " + t.fromSite()
                    + (t.sscc() == null ? "" : ", on pallet " + t.sscc());
        }
    };
}
