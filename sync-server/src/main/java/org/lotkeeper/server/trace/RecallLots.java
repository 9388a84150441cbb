package org.lotkeeper.server.trace;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.db.Jdbc;

/**
 * A stored recall's affected lots ({@code recall.lots_gz}, V25) and the links between them. The
 * answer carries counts per item, status and site ({@link #byItem}); the lots are kept once,
 * compressed, beside the answer, their stock on hand being the answer's stock to contain; the
 * links are read from {@code lot_link} up to the recall's ledger position, so neither has to
 * travel inside the answer (docs/TRACE.md, "Lots behind counts").
 */
final class RecallLots {

    private RecallLots() {}

    /** An affected lot as stored: everything but its stock on hand, which the answer's stock to contain holds. */
    record Stored(String item, String lot, int depth, String status, String site, String potency) {}

    private static final TypeReference<List<Stored>> STORED = new TypeReference<>() {};

    /** {@code lots}, in the recall's order, as stored (gzip of JSON). */
    static byte[] write(List<Views.AffectedLot> lots, ObjectMapper json) throws IOException {
        List<Stored> stored = new ArrayList<>(lots.size());
        lots.forEach(l -> stored.add(new Stored(l.item(), l.lot(), l.depth(), l.status(), l.site(), l.potency())));
        return Compressed.gzip(json.writeValueAsBytes(stored));
    }

    /**
     * The stored lots, in the recall's order, each with its stock on hand from {@code stock} (the
     * answer's stock to contain, in the same order) and its item's name from {@code itemNames}.
     */
    static List<Views.AffectedLot> read(
            byte[] gz, List<Views.StockToContain> stock, Map<String, String> itemNames, ObjectMapper json)
            throws IOException {
        List<Stored> stored = json.readValue(Compressed.gunzip(gz), STORED);
        Map<Views.LotId, List<Views.StockToContain>> onHand = new HashMap<>();
        stock.forEach(s -> onHand.computeIfAbsent(new Views.LotId(s.item(), s.lot()), k -> new ArrayList<>())
                .add(s));
        List<Views.AffectedLot> out = new ArrayList<>(stored.size());
        for (Stored s : stored) {
            Potency potency = s.potency() == null ? null : Potency.parse(s.potency());
            List<Views.RecallOnHand> here = onHand.getOrDefault(new Views.LotId(s.item(), s.lot()), List.of()).stream()
                    .map(h -> new Views.RecallOnHand(
                            h.location(), h.quantity(), potency == null ? null : potency.activeIn(h.quantity())))
                    .toList();
            out.add(new Views.AffectedLot(
                    s.item(), s.lot(), itemNames.get(s.item()), s.status(), s.depth(), s.site(), here, s.potency()));
        }
        return out;
    }

    /** The links among {@code lots} made at or before ledger position {@code asOf}, in {@code lot_link} order. */
    static List<Link> linksAmong(Connection c, Collection<LotRef> lots, long asOf) throws SQLException {
        return linksFrom(c, lots, new HashSet<>(lots), asOf);
    }

    /**
     * The links out of {@code from} into {@code among} made at or before ledger position
     * {@code asOf}, in {@code lot_link} order (the TRANSFORM's position through {@code ledger_event}:
     * {@code lot_link} is append-only, so these are the links as the ledger stood there).
     */
    static List<Link> linksFrom(Connection c, Collection<LotRef> from, Set<LotRef> among, long asOf)
            throws SQLException {
        if (from.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(
                        c,
                        "SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, "
                                + "l.event_id, l.occurred_at FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot) "
                                + "JOIN lot_link l ON l.from_item = f.item AND l.from_lot = f.lot "
                                + "JOIN ledger_event e ON e.event_id = l.event_id WHERE e.ledger_seq <= ? ORDER BY l.id",
                        Links::read,
                        Sql.items(from),
                        Sql.lots(from),
                        asOf)
                .stream()
                .filter(l -> among.contains(l.to()))
                .toList();
    }

    /**
     * The affected lots counted per item, status and site (in that order), each group's stock on
     * hand summed per unit (in unit code order): what a recall answer carries inline.
     */
    static List<Views.AffectedItem> byItem(List<Views.AffectedLot> lots) {
        record Key(String item, String status, String site) {}
        Map<Key, List<Views.AffectedLot>> groups = new TreeMap<>(
                Comparator.comparing(Key::item).thenComparing(Key::status).thenComparing(Key::site));
        lots.forEach(l -> groups.computeIfAbsent(new Key(l.item(), l.status(), l.site()), k -> new ArrayList<>())
                .add(l));
        List<Views.AffectedItem> out = new ArrayList<>(groups.size());
        groups.forEach((k, group) -> {
            Map<String, Quantity> onHand = new TreeMap<>();
            group.forEach(l ->
                    l.onHand().forEach(h -> onHand.merge(h.quantity().uom().name(), h.quantity(), Quantity::plus)));
            out.add(new Views.AffectedItem(
                    k.item(),
                    group.get(0).itemName(),
                    k.status(),
                    k.site(),
                    group.size(),
                    List.copyOf(onHand.values())));
        });
        return out;
    }

    /** Item names as the answer gave them, from its counts per item. */
    static Map<String, String> itemNames(List<Views.AffectedItem> byItem) {
        Map<String, String> names = new LinkedHashMap<>();
        byItem.forEach(i -> names.putIfAbsent(i.item(), i.itemName()));
        return names;
    }
}
