package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.Actor;

/** Connections for the trace package's reads, and the checks every lot endpoint starts with. */
@ApplicationScoped
public class Access {

    @Inject
    DataSource dataSource;

    /** Runs {@code work} on a connection (the caller's transaction's, if there is one). */
    <T> T read(Jdbc.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("trace read failed", e);
        }
    }

    /** The lot named by path parameters: 400 for a malformed code, 404 when unknown, 403 for another site. */
    TraceQueries.LotFacts lot(Actor actor, String item, String lot) {
        LotRef ref = ref(item, lot);
        return read(c -> allowed(c, actor, ref, TraceQueries.lot(c, ref)));
    }

    /** The lot's facts, read already on {@code c} (null when unknown): 404 when unknown, 403 for another site. */
    TraceQueries.LotFacts allowed(Connection c, Actor actor, LotRef ref, TraceQueries.LotFacts facts)
            throws SQLException {
        if (facts == null) {
            throw Refused.notFound("no lot " + ref + " in the ledger" + asSupplierLot(c, actor, ref));
        }
        if (!actor.canReach(facts.site())) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + facts.site());
        }
        return facts;
    }

    /**
     * When a code is not our lot but the supplier's lot code of lots of the item (a label read
     * off a supplier's drum): which lots, so the person is told where to go; empty otherwise.
     */
    private static String asSupplierLot(Connection c, Actor actor, LotRef ref) throws SQLException {
        List<String> ours = Jdbc.query(
                c,
                "SELECT lot FROM lot WHERE upper(supplier_lot) = upper(?) AND item = ? "
                        + "AND (? OR site = ANY (?::varchar[])) ORDER BY lot LIMIT 3",
                rs -> rs.getString(1),
                ref.lot().value(),
                ref.item().value(),
                actor.allSites(),
                actor.sites().toArray(String[]::new));
        return ours.isEmpty()
                ? ""
                : " — " + ref.lot() + " is the supplier's lot code of our lot " + String.join(", ", ours)
                        + ": use that";
    }

    /** Of {@code lots}, those in the ledger whose site the caller reaches, in the same order. */
    static List<LotRef> reachable(Connection c, Actor actor, List<LotRef> lots) throws SQLException {
        Map<LotRef, TraceQueries.LotFacts> facts = TraceQueries.lots(c, lots);
        return lots.stream()
                .filter(l -> facts.containsKey(l) && actor.canReach(facts.get(l).site()))
                .toList();
    }

    static LotRef ref(String item, String lot) {
        return LotRef.of(Fields.code("item", item, ItemCode::of), Fields.code("lot", lot, LotCode::of));
    }
}
