package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;

/**
 * Transfers between sites in transit (docs/TRACE.md, "Transfers"): what a sending site has sent and
 * the receiving site has not yet received, from the {@code transit} projection. Shown to users of
 * either site: it is on neither floor, and both answer for it.
 */
@ApplicationScoped
public class TransferService {

    /** More than a plant has on the road at once; the oldest are shown first. */
    static final int MAX_ROWS = 2_000;

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    /** How many rows are in transit from or to the caller's sites (the dashboard's figure; one aggregate). */
    public long count(Actor actor) {
        String[] sites = actor.allSites() ? null : actor.sites().toArray(String[]::new);
        Long n = access.read(c -> Jdbc.one(
                c,
                "SELECT count(*) FROM transit t WHERE t.quantity <> 0 AND " + OF_SITES,
                rs -> rs.getLong(1),
                sites,
                sites,
                sites));
        return n == null ? 0 : n;
    }

    /** The rows from or to the sites of the parameter (three times the same array; null for every site). */
    private static final String OF_SITES =
            "(?::text[] IS NULL OR t.from_site = ANY(?::text[]) OR t.to_site = ANY(?::text[]))";

    public Views.Transfers inTransit(Actor actor) {
        long started = System.nanoTime();
        record Row(
                String transfer,
                String fromSite,
                String toSite,
                String item,
                String lot,
                String status,
                String lotSite,
                String container,
                BigDecimal quantity,
                BigDecimal sent,
                String uom,
                Instant sentAt) {}
        String[] sites = actor.allSites() ? null : actor.sites().toArray(String[]::new);
        List<Row> rows = access.read(c -> Jdbc.query(
                c,
                "SELECT t.transfer, t.from_site, t.to_site, t.item, t.lot, l.status, l.site, t.container, t.quantity, t.sent, "
                        + "t.uom, t.sent_at FROM transit t LEFT JOIN lot l ON l.item = t.item AND l.lot = t.lot "
                        + "WHERE t.quantity <> 0 AND " + OF_SITES
                        + " ORDER BY t.sent_at, t.transfer, t.item, t.lot, t.container "
                        + "LIMIT " + MAX_ROWS,
                rs -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getString(11),
                        Jdbc.instant(rs, "sent_at")),
                sites,
                sites,
                sites));
        Map<String, MasterDataLookup.ItemInfo> items =
                masterData.items(rows.stream().map(Row::item).distinct().toList());
        List<Views.InTransit> out = rows.stream()
                .map(r -> {
                    Uom uom = Uom.byCode(r.uom()).orElseThrow();
                    MasterDataLookup.ItemInfo info = items.get(r.item());
                    return new Views.InTransit(
                            r.transfer(),
                            r.fromSite(),
                            r.toSite(),
                            r.item(),
                            info == null ? null : info.name(),
                            r.lot(),
                            r.status(),
                            r.container().isEmpty() ? null : r.container(),
                            Quantity.of(r.quantity(), uom),
                            Quantity.of(r.sent(), uom),
                            r.sentAt(),
                            r.lotSite(),
                            r.lotSite() != null && actor.canReach(r.lotSite()));
                })
                .toList();
        return new Views.Transfers(out, Names.elapsedMs(started));
    }
}
