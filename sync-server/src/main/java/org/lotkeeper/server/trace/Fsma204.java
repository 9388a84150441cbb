package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.Count;
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
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.LocationDescription;
import org.lotkeeper.server.masterdata.MasterDataLookup;

/**
 * The ledger's critical tracking events as FSMA 204 describes them: rows of key data elements
 * (21 CFR 1.1345 receiving, 1.1340 shipping, 1.1350 transformation), one per lot received or
 * shipped and one per input and new lot of a transformation. The FDA's spreadsheet
 * ({@link Fsma204Xlsx}) and the recall's CSV are written from these rows and their
 * {@link Fsma204Columns columns}.
 */
final class Fsma204 {

    /** The ledger's event types that are critical tracking events. */
    static final List<String> EVENT_TYPES =
            List.of("RECEIVE", "TRANSFORM", "SHIP", "RETURN", "TRANSFER_OUT", "TRANSFER_IN");

    private Fsma204() {}

    /** The critical tracking events the plant performs; each is a sheet of the FDA's spreadsheet. */
    enum Cte {
        RECEIVING("Receiving"),
        SHIPPING("Shipping"),
        TRANSFORMATION("Transformation");

        final String label;

        Cte(String label) {
            this.label = label;
        }
    }

    /** Whose location a place is. */
    enum Party {
        SITE,
        PARTNER
    }

    /**
     * A location description (21 CFR 1.1310): the business name, its address and phone, and its
     * GLN when master data has one; {@code known} false for a code master data does not know (its
     * name is the code); {@code location} the code of the partner's own location it describes
     * (master data's partner locations), null for the partner or site itself.
     */
    record Place(
            Party party,
            String code,
            String name,
            LocationDescription description,
            String gln,
            boolean known,
            String location) {

        static Place of(MasterDataLookup.SiteInfo s) {
            return new Place(Party.SITE, s.code(), s.name(), s.description(), s.gln(), true, null);
        }

        static Place of(MasterDataLookup.PartnerInfo p) {
            return new Place(Party.PARTNER, p.code(), p.name(), p.description(), p.gln(), true, null);
        }

        static Place unknown(Party party, String code) {
            return new Place(party, code, code, LocationDescription.NONE, null, false, null);
        }
    }

    /**
     * A quantity of one lot: its traceability lot code, what it is, and how much in the item's base
     * unit.
     */
    record Food(LotRef lot, String tlc, String product, String gtin, BigDecimal quantity, Uom unit) {}

    /**
     * One row of key data elements.
     *
     * @param cte            the critical tracking event
     * @param detail         what the plant did, in words ("Receipt from a supplier", "Customer return", "Blend")
     * @param event          the ledger event
     * @param date           the event's date where it happened (the site's time zone)
     * @param food           the lot received or shipped, or a transformation's input
     * @param previousSource the immediate previous source (receiving), else null
     * @param recipient      the immediate subsequent recipient (shipping), else null
     * @param location       where it happened: the receiving, ship-from or transformation location
     * @param locationInSite the storage location inside the site
     * @param tlcSource      where {@code food}'s traceability lot code was assigned (a new lot's is the
     *                       transformation location)
     * @param newFood        a transformation's new lot, else null
     * @param documentType   the reference document's type
     * @param documentNumber its number
     */
    record Row(
            Cte cte,
            String detail,
            LotEvents.Stored event,
            LocalDate date,
            Food food,
            Place previousSource,
            Place recipient,
            Place location,
            String locationInSite,
            Place tlcSource,
            Food newFood,
            String documentType,
            String documentNumber) {

        Instant time() {
            return event.occurredAt();
        }
    }

    /**
     * Turns stored events into rows, looking up master data once each and the facts of the lots
     * the events name a batch of events at a time ({@link #emit}). Keeps what it looked up, so one
     * instance serves one export.
     */
    /** The task an event was done against, where its partner's location may be named: a receipt's PO or ASN, a shipment's delivery note, a return's RMA. */
    private static final EventPayload.Cases<String> TASK = new EventPayload.Cases<>() {
        @Override
        public String receive(Receive r) {
            return r.reference().value();
        }

        @Override
        public String ship(Ship s) {
            return s.shipment().value();
        }

        @Override
        public String returned(Return r) {
            return r.reference().value();
        }

        @Override
        public String transferOut(TransferOut t) {
            return null;
        }

        @Override
        public String transferIn(TransferIn t) {
            return null;
        }

        @Override
        public String transform(Transform t) {
            return null;
        }

        @Override
        public String move(Move m) {
            return null;
        }

        @Override
        public String pick(Pick k) {
            return null;
        }

        @Override
        public String count(Count n) {
            return null;
        }

        @Override
        public String status(StatusChange c) {
            return null;
        }

        @Override
        public String adjust(Adjust a) {
            return null;
        }

        @Override
        public String pack(Pack k) {
            return null;
        }

        @Override
        public String unpack(Unpack u) {
            return null;
        }

        @Override
        public String inspect(Inspect i) {
            return null;
        }
    };

    static final class Rows {
        /** Events whose lots' facts are read with one query. */
        static final int BATCH = 1_000;

        private final MasterDataLookup masterData;
        private final Connection c;
        private final Map<LotRef, TraceQueries.LotFacts> facts;
        private final Map<String, Optional<MasterDataLookup.ItemInfo>> items = new HashMap<>();
        private final Map<String, Place> partners = new HashMap<>();
        private final Map<String, Optional<MasterDataLookup.SiteInfo>> sites = new HashMap<>();
        private final List<LotEvents.Stored> pending = new ArrayList<>(BATCH);
        /** Task id → the partner location it names (receipts, shipments and returns done against tasks). */
        private final Map<String, Optional<Place>> taskPlaces = new HashMap<>();

        /** Rows reading on {@code c} the facts of lots not in {@code known}. */
        Rows(MasterDataLookup masterData, Connection c, Map<LotRef, TraceQueries.LotFacts> known) {
            this.masterData = masterData;
            this.c = c;
            this.facts = new HashMap<>(known);
        }

        /**
         * Adds an event; every {@value #BATCH} events, reads the facts of the lots they name that
         * were not read yet with one query, and hands their rows that {@code relevant} accepts to
         * {@code each}. {@link #flush} hands the rest.
         */
        void emit(LotEvents.Stored e, Predicate<LotRef> relevant, Consumer<Row> each) {
            pending.add(e);
            if (pending.size() == BATCH) {
                flush(relevant, each);
            }
        }

        /**
         * Hands {@code each} the rows {@code relevant} accepts of the critical tracking events of
         * [from, to) (device time) at {@code sites} (null: all) naming a lot of {@code items}
         * (null: any), read from a cursor up to the newest ledger position, which it answers.
         */
        long between(
                Instant from,
                Instant to,
                String[] sites,
                String[] items,
                Predicate<LotRef> relevant,
                Consumer<Row> each)
                throws SQLException {
            long head = TraceQueries.ledgerHead(c);
            LotEvents.forEachBetween(c, from, to, sites, items, EVENT_TYPES, head, e -> emit(e, relevant, each));
            flush(relevant, each);
            return head;
        }

        void flush(Predicate<LotRef> relevant, Consumer<Row> each) {
            Set<LotRef> unread = new HashSet<>();
            for (LotEvents.Stored e : pending) {
                for (LotRef lot : e.event().lots()) {
                    if (!facts.containsKey(lot)) {
                        unread.add(lot);
                    }
                }
            }
            if (!unread.isEmpty()) {
                try {
                    Map<LotRef, TraceQueries.LotFacts> read = TraceQueries.lots(c, List.copyOf(unread));
                    // a lot the ledger names but the projection lacks is remembered as unknown
                    unread.forEach(l -> facts.put(l, read.get(l)));
                } catch (SQLException x) {
                    throw new IllegalStateException("the facts of " + unread.size() + " lots could not be read", x);
                }
            }
            readTaskPlaces();
            for (LotEvents.Stored e : pending) {
                of(e, relevant).forEach(each);
            }
            pending.clear();
        }

        /**
         * The partner locations the pending events' tasks name (a delivery note's ship-to, an
         * expected receipt's or RMA's ship-from), read with one query for the ones not read yet.
         */
        private void readTaskPlaces() {
            Set<String> ids = new HashSet<>();
            for (LotEvents.Stored e : pending) {
                String task = e.event().payload().accept(TASK);
                if (task != null && !taskPlaces.containsKey(task)) {
                    ids.add(task);
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try {
                Jdbc.query(
                                c,
                                "SELECT t.id, t.partner, l.code, l.name, l.gln, l.phone, l.street, l.city, l.region, "
                                        + "l.postal_code, l.country FROM task t JOIN partner_location l "
                                        + "ON l.partner = t.partner AND l.code = t.partner_location "
                                        + "WHERE t.id = ANY (?::varchar[])",
                                rs -> Map.entry(
                                        rs.getString("id"),
                                        new Place(
                                                Party.PARTNER,
                                                rs.getString("partner"),
                                                rs.getString("name"),
                                                LocationDescription.read(rs),
                                                rs.getString("gln") == null
                                                        ? null
                                                        : rs.getString("gln").strip(),
                                                true,
                                                rs.getString("code"))),
                                (Object) ids.toArray(String[]::new))
                        .forEach(row -> taskPlaces.put(row.getKey(), Optional.of(row.getValue())));
            } catch (SQLException x) {
                throw new IllegalStateException(
                        "the partner locations of " + ids.size() + " tasks could not be read", x);
            }
            ids.forEach(id -> taskPlaces.putIfAbsent(id, Optional.empty()));
        }

        /**
         * A partner as the place of an event done against a task: the partner location the task
         * names, when it is that partner's; else the partner's own description.
         */
        Place partner(String code, String task) {
            return taskPlaces
                    .getOrDefault(task, Optional.empty())
                    .filter(p -> p.code().equals(code))
                    .orElseGet(() -> partner(code));
        }

        Place site(String code) {
            return sites.computeIfAbsent(code, masterData::site)
                    .map(Place::of)
                    .orElseGet(() -> Place.unknown(Party.SITE, code));
        }

        Place partner(String code) {
            return partners.computeIfAbsent(
                    code,
                    c -> Optional.ofNullable(masterData.partners(List.of(c)).get(c))
                            .map(Place::of)
                            .orElseGet(() -> Place.unknown(Party.PARTNER, c)));
        }

        private LocalDate date(LotEvents.Stored e) {
            return e.occurredAt()
                    .atZone(sites.computeIfAbsent(e.site(), masterData::site)
                            .map(MasterDataLookup.SiteInfo::zone)
                            .orElse(ZoneOffset.UTC))
                    .toLocalDate();
        }

        /**
         * A lot's traceability lot code and its source: a lot received with the supplier's lot code
         * keeps that code, assigned by the supplier; any other lot's code is the plant's, assigned
         * at the site that made or received it.
         */
        private Traceable traceable(LotRef lot, String site) {
            TraceQueries.LotFacts f = facts.get(lot);
            if (f != null && "RECEIVED".equals(f.origin()) && f.supplierLot() != null && f.supplier() != null) {
                return new Traceable(f.supplierLot(), partner(f.supplier()));
            }
            return new Traceable(lot.lot().value(), site(f == null ? site : f.site()));
        }

        private record Traceable(String tlc, Place source) {}

        Optional<MasterDataLookup.ItemInfo> item(String code) {
            return items.computeIfAbsent(code, masterData::item);
        }

        private Food food(LotRef lot, String tlc, Quantity quantity) {
            Optional<MasterDataLookup.ItemInfo> info = item(lot.item().value());
            Quantity q = info.map(i -> i.units().toBase(quantity)).orElse(quantity);
            return new Food(
                    lot,
                    tlc,
                    info.map(MasterDataLookup.ItemInfo::name).orElse(lot.item().value()),
                    info.map(MasterDataLookup.ItemInfo::gtin).orElse(null),
                    q.value(),
                    q.uom());
        }

        /**
         * The rows of one event whose lots {@code relevant} accepts: a lot received or shipped, or
         * a transformation's pair of input and new lot where either is accepted. Events that are
         * not critical tracking events have none.
         */
        private List<Row> of(LotEvents.Stored e, Predicate<LotRef> relevant) {
            String site = e.site();
            LocalDate date = date(e);
            Place here = site(site);
            return e.event().payload().accept(new EventPayload.Cases<List<Row>>() {
                @Override
                public List<Row> receive(Receive r) {
                    LotRef lot = new LotRef(r.item(), r.lot());
                    if (!relevant.test(lot)) {
                        return List.of();
                    }
                    Place supplier = partner(r.supplier().value(), r.reference().value());
                    Traceable t = r.supplierLot() != null
                            ? new Traceable(r.supplierLot().value(), supplier)
                            : new Traceable(r.lot().value(), here);
                    return List.of(new Row(
                            Cte.RECEIVING,
                            "Receipt from a supplier",
                            e,
                            date,
                            food(lot, t.tlc(), r.quantity()),
                            supplier,
                            null,
                            here,
                            r.location().value(),
                            t.source(),
                            null,
                            "Purchase order",
                            r.reference().value()));
                }

                @Override
                public List<Row> returned(Return r) {
                    return single(
                            Cte.RECEIVING,
                            "Customer return",
                            new LotRef(r.item(), r.lot()),
                            r.quantity(),
                            partner(r.customer().value(), r.reference().value()),
                            null,
                            r.to().value(),
                            "Return authorisation",
                            r.reference().value());
                }

                @Override
                public List<Row> ship(Ship s) {
                    return single(
                            Cte.SHIPPING,
                            "Shipment to a customer",
                            new LotRef(s.item(), s.lot()),
                            s.quantity(),
                            null,
                            partner(s.customer().value(), s.shipment().value()),
                            s.from().value(),
                            "Shipment",
                            s.shipment().value());
                }

                /** FSMA 204 counts a transfer to another location of the same firm as shipping. */
                @Override
                public List<Row> transferOut(TransferOut t) {
                    return single(
                            Cte.SHIPPING,
                            "Transfer to a sister site",
                            new LotRef(t.item(), t.lot()),
                            t.quantity(),
                            null,
                            site(t.toSite().value()),
                            t.from().value(),
                            "Transfer order",
                            t.transfer().value());
                }

                @Override
                public List<Row> transferIn(TransferIn t) {
                    return single(
                            Cte.RECEIVING,
                            "Transfer from a sister site",
                            new LotRef(t.item(), t.lot()),
                            t.quantity(),
                            site(t.fromSite().value()),
                            null,
                            t.to().value(),
                            "Transfer order",
                            t.transfer().value());
                }

                private List<Row> single(
                        Cte cte,
                        String detail,
                        LotRef lot,
                        Quantity quantity,
                        Place previous,
                        Place recipient,
                        String locationInSite,
                        String documentType,
                        String documentNumber) {
                    if (!relevant.test(lot)) {
                        return List.of();
                    }
                    Traceable t = traceable(lot, site);
                    return List.of(new Row(
                            cte,
                            detail,
                            e,
                            date,
                            food(lot, t.tlc(), quantity),
                            previous,
                            recipient,
                            here,
                            locationInSite,
                            t.source(),
                            null,
                            documentType,
                            documentNumber));
                }

                /** One row per input and new lot, the new lot's code assigned here (the transformation location). */
                @Override
                public List<Row> transform(Transform t) {
                    List<Row> rows = new ArrayList<>();
                    String documentType = Words.of(t.kind()) + " batch record";
                    for (Transform.Output o : t.outputs()) {
                        Food made = food(o.lotRef(), o.lot().value(), o.quantity());
                        for (Transform.Input i : t.inputs()) {
                            if (relevant.test(i.lotRef()) || relevant.test(o.lotRef())) {
                                Traceable input = traceable(i.lotRef(), site);
                                rows.add(new Row(
                                        Cte.TRANSFORMATION,
                                        Words.of(t.kind()),
                                        e,
                                        date,
                                        food(i.lotRef(), input.tlc(), i.quantity()),
                                        null,
                                        null,
                                        here,
                                        o.to().value(),
                                        input.source(),
                                        made,
                                        documentType,
                                        t.batch().value()));
                            }
                        }
                    }
                    return rows;
                }

                @Override
                public List<Row> move(Move m) {
                    return List.of();
                }

                @Override
                public List<Row> pick(Pick k) {
                    return List.of();
                }

                @Override
                public List<Row> count(Count c) {
                    return List.of();
                }

                @Override
                public List<Row> status(StatusChange s) {
                    return List.of();
                }

                @Override
                public List<Row> adjust(Adjust a) {
                    return List.of();
                }

                @Override
                public List<Row> pack(Pack k) {
                    return List.of();
                }

                @Override
                public List<Row> unpack(Unpack u) {
                    return List.of();
                }

                @Override
                public List<Row> inspect(Inspect i) {
                    return List.of();
                }
            });
        }
    }
}
