package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;

/**
 * A pallet by its SSCC (docs/TRACE.md, "Pallets"): what it holds now, by lot and location, from the
 * stock projection; and its history — every event of the lots it ever held that names the SSCC
 * (RECEIVE, MOVE, PICK, SHIP, PACK, UNPACK, TRANSFER_OUT, TRANSFER_IN), found through those lots' {@code lot_event} rows.
 */
@ApplicationScoped
public class PalletService {

    private static final List<String> TYPES =
            List.of("RECEIVE", "MOVE", "PICK", "SHIP", "PACK", "UNPACK", "TRANSFER_OUT", "TRANSFER_IN");

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    /** Whether anything was ever packed in the pallet (one probe of the partial index). */
    public boolean known(String sscc) {
        return access.read(c ->
                Jdbc.one(c, "SELECT EXISTS (SELECT 1 FROM stock WHERE container = ?)", rs -> rs.getBoolean(1), sscc));
    }

    /** 400 for a malformed SSCC, 404 when nothing was ever in it, 403 when it is at a site the caller cannot reach. */
    public Views.Pallet pallet(Actor actor, String ssccText) {
        long started = System.nanoTime();
        Sscc sscc = Sscc.of(Fields.code("sscc", ssccText == null ? null : ssccText.strip(), Sscc::of));
        record Row(
                String item,
                String lot,
                String location,
                String site,
                BigDecimal quantity,
                String uom,
                String status,
                LocalDate expiry) {}
        record Read(List<Row> rows, List<LotEvents.Stored> events) {}
        Read read = access.read(c -> {
            List<Row> rows = Jdbc.query(
                    c,
                    "SELECT s.item, s.lot, s.location, s.site, s.quantity, s.uom, l.status, l.expiry FROM stock s "
                            + "JOIN lot l ON l.item = s.item AND l.lot = s.lot WHERE s.container = ? "
                            + "ORDER BY s.item, s.lot, s.location",
                    rs -> new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            rs.getString(6),
                            rs.getString(7),
                            Jdbc.date(rs, "expiry")),
                    sscc.value());
            Set<LotRef> lots = new LinkedHashSet<>();
            rows.forEach(r -> lots.add(new LotRef(ItemCode.of(r.item()), LotCode.of(r.lot()))));
            return new Read(rows, LotEvents.ofAny(c, lots, TYPES, Long.MAX_VALUE));
        });
        if (read.rows().isEmpty()) {
            throw Refused.notFound("no stock was ever packed in pallet " + sscc);
        }
        for (Row r : read.rows()) {
            if (!actor.canReach(r.site())) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + r.site());
            }
        }
        Map<String, MasterDataLookup.ItemInfo> items =
                masterData.items(read.rows().stream().map(Row::item).distinct().toList());
        List<Views.PalletLine> contents = new ArrayList<>();
        for (Row r : read.rows()) {
            if (r.quantity().signum() != 0) {
                MasterDataLookup.ItemInfo info = items.get(r.item());
                contents.add(new Views.PalletLine(
                        r.item(),
                        info == null ? null : info.name(),
                        r.lot(),
                        r.status(),
                        r.expiry(),
                        r.location(),
                        Quantity.of(r.quantity(), Uom.byCode(r.uom()).orElseThrow())));
            }
        }
        List<Views.PalletEvent> events = new ArrayList<>();
        for (LotEvents.Stored e : read.events()) {
            if (e.event().payload().container().filter(sscc::equals).isEmpty()) {
                continue;
            }
            for (LotRef lot : e.event().payload().lots()) {
                boolean onIt = read.rows().stream()
                        .anyMatch(r -> r.item().equals(lot.item().value())
                                && r.lot().equals(lot.lot().value()));
                if (onIt) {
                    events.add(
                            new Views.PalletEvent(lot.item().value(), lot.lot().value(), LotEvents.view(e, lot)));
                }
            }
        }
        return new Views.Pallet(
                sscc.value(),
                read.rows().get(0).site(),
                contents.isEmpty() ? null : contents.get(0).location(),
                contents,
                events,
                Names.elapsedMs(started));
    }
}
