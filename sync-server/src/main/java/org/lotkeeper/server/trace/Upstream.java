package org.lotkeeper.server.trace;

import java.util.List;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.db.Jdbc;

/**
 * The upstream genealogy suppliers sent as EPCIS TransformationEvents (docs/INTEROP.md), joined
 * to the plant's ledger through the lots it received: a receipt of supplier S with S's lot code L
 * (and, where both have one, the item's GTIN) meets S's transformations whose output has lot L;
 * their inputs are level 1; an input that is itself an output of another of S's transformations
 * goes one level further up, to at most {@value #MAX_LEVELS} levels and {@value #MAX_ROWS} inputs.
 * Nothing here is the plant's own ledger: it is what the supplier says.
 */
final class Upstream {

    static final int MAX_LEVELS = 10;
    static final int MAX_ROWS = 10_000;

    private Upstream() {}

    /**
     * The upstream inputs of the receipts of these lots (those with the supplier's lot code),
     * nearest level first, with the suppliers' names: one query of {@code q}.
     */
    static Jdbc.Rows<Views.UpstreamInput> of(Jdbc.Queries q, List<LotRef> lots) {
        return q.add(
                "WITH RECURSIVE up (item, lot, partner, supplier_lot, level, event_key, output_epc, input_epc, "
                        + "input_gtin, input_lot, input_quantity, input_uom) AS ("
                        + "  SELECT r.item, r.lot, u.partner, r.supplier_lot, 1, u.event_key, u.output_epc, u.input_epc, "
                        + "         u.input_gtin, u.input_lot, u.input_quantity, u.input_uom "
                        + "  FROM unnest(?::varchar[], ?::varchar[]) AS k(item, lot) "
                        + "  JOIN receipt r ON r.item = k.item AND r.lot = k.lot AND r.supplier_lot IS NOT NULL "
                        + "  LEFT JOIN item i ON i.code = r.item "
                        + "  JOIN upstream_link u ON u.partner = r.supplier AND u.output_lot = r.supplier_lot "
                        + "       AND (u.output_gtin IS NULL OR i.gtin IS NULL OR u.output_gtin = i.gtin) "
                        + "  UNION "
                        + "  SELECT up.item, up.lot, u.partner, up.supplier_lot, up.level + 1, u.event_key, u.output_epc, u.input_epc, "
                        + "         u.input_gtin, u.input_lot, u.input_quantity, u.input_uom "
                        + "  FROM up JOIN upstream_link u ON u.partner = up.partner AND u.output_epc = up.input_epc "
                        + "  WHERE up.level < " + MAX_LEVELS
                        + ") SELECT up.*, e.event_time, e.biz_step, p.name AS partner_name FROM up "
                        + "JOIN epcis_event e ON e.event_key = up.event_key LEFT JOIN partner p ON p.code = up.partner "
                        + "ORDER BY up.item, up.lot, up.level, up.output_epc, up.input_epc LIMIT " + MAX_ROWS,
                rs -> new Views.UpstreamInput(
                        rs.getString("item"),
                        rs.getString("lot"),
                        rs.getString("partner"),
                        rs.getString("partner_name"),
                        rs.getString("supplier_lot"),
                        rs.getInt("level"),
                        rs.getString("output_epc"),
                        rs.getString("input_epc"),
                        rs.getString("input_gtin"),
                        rs.getString("input_lot"),
                        rs.getBigDecimal("input_quantity"),
                        rs.getString("input_uom"),
                        rs.getString("event_key"),
                        Jdbc.instant(rs, "event_time"),
                        rs.getString("biz_step")),
                Sql.items(lots),
                Sql.lots(lots));
    }
}
