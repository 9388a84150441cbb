package org.lotkeeper.server.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;

/**
 * Rebuilds the projections from the ledger: empties them and applies every stored event again,
 * in ledger order (which is commit order), with the same {@link Projector} as ingest. The
 * projections are derived data; this proves it, and repairs them after a bug.
 */
@ApplicationScoped
public class LedgerReplay {

    private static final Logger LOG = Logger.getLogger(LedgerReplay.class);
    static final List<String> PROJECTIONS = List.of(
            "lot",
            "stock",
            "lot_link",
            "receipt",
            "shipment_line",
            "return_line",
            "count_variance",
            "pick_line",
            "transit");

    @Inject
    DataSource dataSource;

    @Inject
    MasterDataLookup masterData;

    /** Answers the number of events applied. Runs in one transaction: readers see old or new projections, never half. */
    @Transactional
    public long rebuildProjections() {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> null, LedgerWriter.APPEND_LOCK);
            // count_variance decisions are supervisor facts, not derived: keep them aside and restore them.
            Jdbc.update(
                    c,
                    "CREATE TEMP TABLE variance_decision ON COMMIT DROP AS SELECT event_id, status, decided_by, decided_at, note, "
                            + "adjust_event_id FROM count_variance WHERE status <> 'PENDING'");
            Jdbc.update(c, "TRUNCATE " + String.join(", ", PROJECTIONS));
            long applied = 0;
            long after = 0;
            while (true) {
                record Stored(long seq, Event event, Instant recordedAt) {}
                List<Stored> rows = Jdbc.query(
                        c,
                        "SELECT ledger_seq, content, recorded_at FROM ledger_event WHERE ledger_seq > ? "
                                + "ORDER BY ledger_seq LIMIT 1000",
                        rs -> {
                            Decoded<Event> event = EventJson.read(rs.getString(2));
                            if (!event.isOk()) {
                                throw new IllegalStateException(
                                        "ledger event " + rs.getLong(1) + " no longer reads: " + event.firstProblem());
                            }
                            return new Stored(rs.getLong(1), event.value(), Jdbc.instant(rs, "recorded_at"));
                        },
                        after);
                if (rows.isEmpty()) {
                    break;
                }
                List<LotRef> touched = new ArrayList<>();
                rows.forEach(r -> touched.addAll(r.event().lots()));
                WorkingSet ws = WorkingSet.open(
                        c,
                        touched,
                        WorkingSet.movesBetweenSites(
                                rows.stream().map(Stored::event).toList()));
                for (Stored row : rows) {
                    Projector.apply(context(ws, row.recordedAt(), row.event()), row.event());
                    applied++;
                    after = row.seq();
                }
                ws.flush();
            }
            Jdbc.update(
                    c,
                    "UPDATE count_variance v SET status = d.status, decided_by = d.decided_by, decided_at = d.decided_at, "
                            + "note = d.note, adjust_event_id = d.adjust_event_id FROM variance_decision d WHERE d.event_id = v.event_id");
            LOG.infof("projections rebuilt from %d ledger events", applied);
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("projection rebuild failed", e);
        }
    }

    private Projector.Context context(WorkingSet ws, Instant at, Event e) {
        ReferencedCodes codes = new ReferencedCodes().add(e);
        MasterDataLookup.Named named = masterData.named(codes.items, codes.locations, codes.partners, codes.sites);
        return new Projector.Context(ws, at, named.items(), named.locations(), named.partners(), masterData::locations);
    }
}
