package org.lotkeeper.server.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;

/**
 * The FSMA 204 exports: a stored recall's rows as CSV and as the FDA's spreadsheet, and the
 * spreadsheet of one lot or of a time range and item set. Rows come from a database cursor and go
 * straight to the writer, so no export holds a recall's rows in memory.
 */
@ApplicationScoped
public class Fsma204Export {

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    Clock clock;

    // ---- a recall ---------------------------------------------------------------------------

    /** The recall's rows as one CSV sheet of {@link Fsma204Columns#CSV}, at its {@code asOfSeq}. */
    public void csv(Views.RecallAnswer recall, OutputStream sink) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(Fsma204Columns.headers(Fsma204Columns.CSV))
                .setRecordSeparator("\r\n")
                .get();
        try (CSVPrinter out = new CSVPrinter(
                new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 64 * 1024), format)) {
            ofRecall(recall, row -> {
                try {
                    for (Fsma204Columns.Column c : Fsma204Columns.CSV) {
                        out.print(csvCell(c.kind(), c.value().apply(row)));
                    }
                    out.println();
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recall's rows as the FDA's spreadsheet. */
    public void xlsx(Views.RecallAnswer recall, Actor asker, OutputStream sink) {
        StringBuilder asked = new StringBuilder(recall.mock() ? "Mock recall " : "Recall ")
                .append(recall.recallId())
                .append(" of ");
        List<String> starts = new java.util.ArrayList<>();
        recall.startingLots().forEach(l -> starts.add("lot " + l.item() + "/" + l.lot()));
        recall.supplierLots().forEach(s -> starts.add("supplier lot " + s.supplier() + " " + s.supplierLot()));
        asked.append(String.join(", ", starts))
                .append(", made by ")
                .append(recall.createdBy())
                .append(" at ")
                .append(recall.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        if (recall.reason() != null) {
            asked.append(" (").append(recall.reason()).append(')');
        }
        try (Fsma204Xlsx book = new Fsma204Xlsx()) {
            ofRecall(recall, book::add);
            book.finish(
                    new Fsma204Xlsx.Request(
                            asked.toString(),
                            asker.id(),
                            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            recall.asOfSeq(),
                            List.copyOf(recall.startSites())),
                    sink);
        }
    }

    private void ofRecall(Views.RecallAnswer recall, Consumer<Fsma204.Row> each) {
        List<LotRef> lots = RecallReports.affected(recall);
        Set<LotRef> affected = new HashSet<>(lots);
        access.read(c -> {
            Fsma204.Rows rows = new Fsma204.Rows(masterData, c, TraceQueries.lots(c, lots));
            LotEvents.forEachOfAny(
                    c, lots, Fsma204.EVENT_TYPES, recall.asOfSeq(), e -> rows.emit(e, affected::contains, each));
            rows.flush(affected::contains, each);
            return null;
        });
    }

    // ---- a lot ------------------------------------------------------------------------------

    /** The lot named by {@code item} and {@code lot}: 400 malformed, 404 unknown, 403 another site's. */
    public LotRef lot(Actor asker, String item, String lot) {
        return access.lot(asker, item, lot).ref();
    }

    /** The spreadsheet of one lot's critical tracking events at the sites {@code asker} reaches. */
    public void xlsx(LotRef lot, Actor asker, OutputStream sink) {
        try (Fsma204Xlsx book = new Fsma204Xlsx()) {
            long asOf = access.read(c -> {
                long head = TraceQueries.ledgerHead(c);
                Fsma204.Rows rows = new Fsma204.Rows(masterData, c, Map.of());
                for (LotEvents.Stored e : LotEvents.ofAny(c, List.of(lot), Fsma204.EVENT_TYPES, head)) {
                    if (asker.canReach(e.site())) {
                        rows.emit(e, lot::equals, book::add);
                    }
                }
                rows.flush(lot::equals, book::add);
                return head;
            });
            book.finish(
                    new Fsma204Xlsx.Request(
                            "Lot " + lot + ": its receiving, shipping and transformations",
                            asker.id(),
                            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            asOf,
                            sites(asker)),
                    sink);
        }
    }

    // ---- a time range -----------------------------------------------------------------------

    /** At most this many item codes in a range's {@code items}. */
    static final int MAX_ITEMS = 200;

    /** The item codes of {@code text}, comma-separated, each well-formed and in master data (400 naming {@code items}). */
    public List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            codes.add(Fields.code("items", part.strip(), ItemCode::of));
            if (codes.size() > MAX_ITEMS) {
                throw Refused.invalid(
                        ErrorCode.TOO_MANY, "items names more than " + MAX_ITEMS + " items; ask for fewer", "items");
            }
        }
        List<String> unknown = new ArrayList<>(codes);
        unknown.removeAll(masterData.items(codes).keySet());
        if (!unknown.isEmpty()) {
            throw Refused.invalid(
                    ErrorCode.UNKNOWN_ITEM, "no item " + String.join(", ", unknown) + " in master data", "items");
        }
        return List.copyOf(codes);
    }

    /**
     * The spreadsheet of the critical tracking events of [from, to) (device time) at {@code sites}
     * (null: all) of the items named (empty: every item).
     */
    public void xlsx(
            Instant from, Instant to, List<String> sites, List<String> itemCodes, Actor asker, OutputStream sink) {
        ExportRange range = new ExportRange(from, to, sites);
        String[] items = itemCodes.isEmpty() ? null : itemCodes.toArray(String[]::new);
        Set<String> wanted = Set.copyOf(itemCodes);
        Predicate<LotRef> relevant =
                wanted.isEmpty() ? l -> true : l -> wanted.contains(l.item().value());
        try (Fsma204Xlsx book = new Fsma204Xlsx()) {
            long asOf = access.read(c -> new Fsma204.Rows(masterData, c, Map.of())
                    .between(range.from(), range.to(), range.siteArray(), items, relevant, book::add));
            book.finish(
                    new Fsma204Xlsx.Request(
                            "Critical tracking events from " + range.from() + " to " + range.to() + " of "
                                    + (wanted.isEmpty() ? "every item" : "items " + String.join(", ", itemCodes)),
                            asker.id(),
                            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            asOf,
                            range.sites() == null ? List.of() : range.sites()),
                    sink);
        }
    }

    private static List<String> sites(Actor asker) {
        return asker.allSites() ? List.of() : List.copyOf(asker.sites());
    }

    /**
     * A CSV cell: numbers plain, dates and times ISO-8601, units as their UN/CEFACT code ("KGM"),
     * and text a spreadsheet will not run as a formula ({@link #safeCell}).
     */
    private static String csvCell(Fsma204Columns.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case NUMBER -> ((BigDecimal) value).toPlainString();
            case UNIT -> ((Uom) value).name();
            case DATE -> ((LocalDate) value).toString();
            case TIME, WHOLE -> value.toString();
            case TEXT -> safeCell((String) value);
        };
    }

    /**
     * A cell a spreadsheet will not run as a formula: text starting with = + - @ (or a tab or
     * carriage return) gets a leading apostrophe (OWASP's CSV injection advice).
     */
    static String safeCell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
