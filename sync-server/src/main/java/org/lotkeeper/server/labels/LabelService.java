package org.lotkeeper.server.labels;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Dimension;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.LotService;
import org.lotkeeper.server.trace.Views;

/**
 * The data of a lot or pallet label, read with the same checks as the lot endpoints (400 for a
 * malformed code, 404 unknown, 403 another site), made into a {@link Label} and a file by
 * {@link LabelRenderer}. Reads only.
 */
@ApplicationScoped
public class LabelService {

    @Inject
    LotService lots;

    @Inject
    MasterDataLookup masterData;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private LabelRenderer renderer;

    @PostConstruct
    void init() {
        renderer = new LabelRenderer(clock);
    }

    /** The renderer, for callers that build a label themselves. */
    /** A rendered label as an inline download with a safe file name, never cached. */
    public Response download(Label label, LabelFormat format, String name) {
        // the codes in the name were checked (item, lot code, SSCC) but a lot code may hold quotes: keep a safe file
        // name
        String filename = name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        return Response.ok(renderer().render(label, format), format.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    public LabelRenderer renderer() {
        return renderer;
    }

    /**
     * The internal label of a lot.
     *
     * @param quantity the quantity to print, in the item's base unit; null prints the lot's stock on hand (none when zero)
     */
    public Label lotLabel(Actor actor, String item, String lot, BigDecimal quantity, LabelSymbology symbology) {
        Views.LotDetail detail = lots.detail(actor, item, lot);
        MasterDataLookup.ItemInfo info = masterData.item(detail.item()).orElse(null);
        Quantity printed =
                detail.onHandTotal() != null && detail.onHandTotal().isPositive() ? detail.onHandTotal() : null;
        if (quantity != null) {
            if (info == null) {
                throw Refused.of(
                        ErrorCode.UNKNOWN_ITEM,
                        "item " + detail.item() + " is not in master data; its unit is unknown",
                        "quantity");
            }
            try {
                printed = Quantity.of(quantity, info.baseUom()).requirePositive();
            } catch (InvalidQuantityException e) {
                throw Refused.invalid(ErrorCode.INVALID_FIELD, "quantity: " + e.getMessage(), "quantity");
            }
        }
        LotLabelData data = new LotLabelData(
                ItemCode.of(detail.item()),
                detail.itemName(),
                detail.gtin() == null ? null : Gtin.of(detail.gtin()),
                LotCode.of(detail.lot()),
                detail.expiry(),
                printed);
        try {
            return renderer.lotLabel(data, symbology);
        } catch (LabelException e) {
            throw Refused.of(ErrorCode.NOT_PRINTABLE, e.getMessage());
        }
    }

    /** The label of a pallet (container) by its SSCC: 422 for a malformed SSCC, 404 when no stock was ever in it. */
    public Label ssccLabel(Actor actor, String ssccText) {
        Sscc sscc;
        try {
            sscc = Sscc.of(ssccText);
        } catch (InvalidIdentifierException e) {
            throw Refused.of(ErrorCode.INVALID_SSCC, "sscc: " + e.getMessage(), "sscc");
        }
        record Row(String item, String lot, String site, BigDecimal quantity, String uom, LocalDate expiry) {}
        List<Row> rows = Jdbc.withConnection(
                dataSource,
                "container read",
                c -> Jdbc.query(
                        c,
                        "SELECT s.item, s.lot, s.site, s.quantity, s.uom, l.expiry FROM stock s "
                                + "LEFT JOIN lot l ON l.item = s.item AND l.lot = s.lot WHERE s.container = ? ORDER BY s.item, s.lot, s.location",
                        rs -> new Row(
                                rs.getString("item"),
                                rs.getString("lot"),
                                rs.getString("site"),
                                rs.getBigDecimal("quantity"),
                                rs.getString("uom"),
                                Jdbc.date(rs, "expiry")),
                        sscc.value()));
        if (rows.isEmpty()) {
            throw Refused.notFound("no stock was ever packed in container " + sscc);
        }
        for (Row r : rows) {
            if (!actor.canReach(r.site())) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + r.site());
            }
        }
        Map<List<String>, Row> byLot = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.quantity().signum() != 0) {
                byLot.merge(
                        List.of(r.item(), r.lot()),
                        r,
                        (a, b) -> new Row(
                                a.item(), a.lot(), a.site(), a.quantity().add(b.quantity()), a.uom(), a.expiry()));
            }
        }
        Map<String, MasterDataLookup.ItemInfo> items = masterData.items(
                byLot.values().stream().map(Row::item).distinct().toList());
        List<SsccLabelData.Content> contents = new ArrayList<>();
        for (Row r : byLot.values()) {
            MasterDataLookup.ItemInfo info = items.get(r.item());
            Quantity q = Quantity.of(
                    r.quantity(),
                    Uom.byCode(r.uom()).orElseThrow(() -> new IllegalStateException("unknown unit " + r.uom())));
            contents.add(new SsccLabelData.Content(
                    ItemCode.of(r.item()),
                    info == null ? null : info.name(),
                    info == null || info.gtin() == null ? null : Gtin.of(info.gtin()),
                    LotCode.of(r.lot()),
                    r.expiry(),
                    q,
                    info == null ? null : count(q, info)));
        }
        try {
            return renderer.ssccLabel(new SsccLabelData(sscc, contents));
        } catch (LabelException e) {
            throw Refused.of(ErrorCode.NOT_PRINTABLE, e.getMessage());
        }
    }

    /**
     * How many trade items of the item's GTIN a quantity is (AI 37): the quantity itself for an
     * item counted in pieces; for a measured item with exactly one pack unit (DRUM = 200 KGM), the
     * number of packs when it is whole; otherwise unknown.
     */
    static Long count(Quantity q, MasterDataLookup.ItemInfo item) {
        BigDecimal n;
        if (q.dimension() == Dimension.COUNT) {
            n = q.inBase().value();
        } else if (item.packUnits().size() == 1) {
            PackUnit pack = item.units().packUnits().get(0);
            BigDecimal[] packs = item.units().toBase(q).value().divideAndRemainder(pack.factor());
            if (packs[1].signum() != 0) {
                return null;
            }
            n = packs[0];
        } else {
            return null;
        }
        n = n.stripTrailingZeros();
        return n.signum() > 0 && n.scale() <= 0 && n.compareTo(BigDecimal.valueOf(99_999_999)) <= 0
                ? n.longValueExact()
                : null;
    }
}
