package org.lotkeeper.server.trace;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.PlantTime;

/**
 * A stored recall as a PDF for the recall file and an EPCIS 2.0 JSON-LD document (its FSMA 204
 * spreadsheets are {@link Fsma204Export}'s). The exports show the ledger as it stood when the recall was answered
 * (events up to its {@code asOfSeq}).
 */
@ApplicationScoped
public class RecallReports {

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    // ---- EPCIS --------------------------------------------------------------------------------

    public byte[] epcis(Views.RecallAnswer recall) {
        List<LotRef> lots = affected(recall);
        List<LotEvents.Stored> events =
                access.read(c -> LotEvents.ofAny(c, lots, Fsma204.EVENT_TYPES, recall.asOfSeq()));
        try {
            return json.writeValueAsBytes(new EpcisWriter(masterData).document(events, clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- PDF ----------------------------------------------------------------------------------

    /** A count as people read it: "15,288". */
    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    public byte[] pdf(Views.RecallAnswer recall) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        ZoneId zone = masterData.zoneOf(recall.startSites());
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, bytes);
            doc.addTitle("Recall " + recall.recallId());
            doc.addCreator("Lotkeeper");
            doc.open();
            doc.add(new Paragraph((recall.mock() ? "Mock recall" : "Recall") + " report", title));
            doc.add(new Paragraph(" ", body));

            PdfPTable summary = table(new float[] {1, 3});
            summary.setHeaderRows(0);
            pair(summary, "Recall", recall.recallId(), bold, body);
            pair(
                    summary,
                    "Kind",
                    recall.mock()
                            ? "Mock recall (no status changed)"
                            : "Real recall: affected lots with stock set to recalled",
                    bold,
                    body);
            pair(
                    summary,
                    "Created",
                    PlantTime.format(recall.createdAt(), zone) + " by " + recall.createdBy(),
                    bold,
                    body);
            pair(summary, "Reason", recall.reason() == null ? "-" : recall.reason(), bold, body);
            if (recall.signedBy() != null) {
                pair(summary, "Signed", recall.signedBy() + " - " + recall.signatureMeaning(), bold, body);
            }
            // the starting lots as resolved: those named, and every lot received with a named supplier lot
            pair(
                    summary,
                    "Starting lots",
                    String.join(
                            ", ",
                            recall.affectedLots().stream()
                                    .filter(a -> a.depth() == 0)
                                    .map(a -> a.item() + "/" + a.lot())
                                    .toList()),
                    bold,
                    body);
            pair(
                    summary,
                    "Supplier lots",
                    recall.supplierLots().isEmpty()
                            ? "-"
                            : String.join(
                                    ", ",
                                    recall.supplierLots().stream()
                                            .map(s -> s.supplier() + " " + s.supplierLot())
                                            .toList()),
                    bold,
                    body);
            pair(summary, "Affected lots", grouped(recall.affectedLots().size()), bold, body);
            pair(summary, "Customers", grouped(recall.customers().size()), bold, body);
            pair(summary, "Lots set to recalled", grouped(recall.recalledLots().size()), bold, body);
            if (recall.lotsOutsideYourSites() > 0) {
                pair(
                        summary,
                        "Lots of other sites",
                        grouped(recall.lotsOutsideYourSites()) + " (not shown)",
                        bold,
                        body);
            }
            pair(summary, "Time to answer", grouped(recall.elapsedMs()) + " ms", bold, body);
            pair(summary, "As of ledger event", grouped(recall.asOfSeq()), bold, body);
            doc.add(summary);

            Map<LotRef, String> conceded = concessions(recall);
            if (!conceded.isEmpty()) {
                section(doc, "Released under concession", heading);
                PdfPTable concessions = table(new float[] {2, 2, 6});
                header(concessions, bold, "Item", "Lot", "Concession");
                conceded.forEach((lot, why) ->
                        cells(concessions, body, lot.item().value(), lot.lot().value(), why));
                doc.add(concessions);
            }

            section(doc, "Affected lots by item", heading);
            PdfPTable byItem = largeTable(new float[] {2, 3, 1.5f, 1.5f, 1, 3});
            header(byItem, bold, "Item", "Description", "Status", "Site", "Lots", "On hand");
            int byItemRows = 0;
            for (Views.AffectedItem i : recall.affectedByItem()) {
                cells(
                        byItem,
                        body,
                        i.item(),
                        i.itemName(),
                        Words.ofCode(i.status(), LotStatus.class, Words::of),
                        i.site(),
                        grouped(i.lots()),
                        i.onHand().isEmpty() ? "-" : quantities(i.onHand()));
                flushEvery(doc, byItem, ++byItemRows);
            }
            finish(doc, byItem);

            section(doc, "Affected lots", heading);
            PdfPTable affected = largeTable(new float[] {2, 3, 2, 1.5f, 0.7f, 3});
            header(affected, bold, "Item", "Description", "Lot", "Status", "Links from the start", "On hand");
            int affectedRows = 0;
            for (Views.AffectedLot l : recall.affectedLots()) {
                cells(
                        affected,
                        body,
                        l.item(),
                        l.itemName(),
                        l.lot(),
                        Words.ofCode(l.status(), LotStatus.class, Words::of),
                        Integer.toString(l.depth()),
                        l.onHand().isEmpty()
                                ? "-"
                                : String.join(
                                        "; ",
                                        l.onHand().stream()
                                                .map(Views.RecallOnHand::shown)
                                                .toList()));
                flushEvery(doc, affected, ++affectedRows);
            }
            finish(doc, affected);

            section(doc, "Stock to contain", heading);
            if (recall.stockToContain().isEmpty()) {
                doc.add(new Paragraph("No stock on hand.", body));
            } else {
                PdfPTable stock = largeTable(new float[] {2, 2, 2, 1.5f, 1.5f});
                header(stock, bold, "Item", "Lot", "Location", "Location type", "Quantity");
                int stockRows = 0;
                for (Views.StockToContain s : recall.stockToContain()) {
                    cells(
                            stock,
                            body,
                            s.item(),
                            s.lot(),
                            s.location(),
                            Words.ofCode(s.locationType(), LocationType.class, Words::of),
                            s.quantity().toString());
                    flushEvery(doc, stock, ++stockRows);
                }
                finish(doc, stock);
            }

            section(doc, "Customers", heading);
            if (recall.customers().isEmpty()) {
                doc.add(new Paragraph("Nothing was shipped.", body));
            } else {
                Paragraph intro = new Paragraph(
                        "What each customer was shipped of the affected lots, and what came back, summed. "
                                + "Every shipment and return line, with lot, shipment and date, is in this recall's spreadsheet (report.csv) "
                                + "and its EPCIS document.",
                        body);
                intro.setSpacingAfter(8f);
                doc.add(intro);
                PdfPTable customers = largeTable(new float[] {2, 3, 1, 2.5f, 2.2f, 2.2f, 1, 2});
                header(
                        customers,
                        bold,
                        "Customer",
                        "Name",
                        "Lines",
                        "Shipped",
                        "First shipped",
                        "Last shipped",
                        "Returns",
                        "Returned");
                int customerRows = 0;
                for (Views.Customer c : recall.customers()) {
                    cells(
                            customers,
                            body,
                            c.customer(),
                            c.name(),
                            Integer.toString(c.shippedLines()),
                            quantities(c.shippedQuantity()),
                            c.firstShippedAt() == null ? "-" : PlantTime.format(c.firstShippedAt(), zone),
                            c.lastShippedAt() == null ? "-" : PlantTime.format(c.lastShippedAt(), zone),
                            Integer.toString(c.returnedLines()),
                            quantities(c.returnedQuantity()));
                    flushEvery(doc, customers, ++customerRows);
                }
                finish(doc, customers);
            }

            section(doc, "Genealogy", heading);
            GenealogyPdf.draw(
                    doc,
                    writer,
                    recall,
                    lots -> access.read(c -> RecallLots.linksAmong(c, lots, recall.asOfSeq())).stream()
                            .map(TraceService::link)
                            .toList(),
                    body);
            doc.add(new Paragraph(
                    "Answered in " + recall.elapsedMs() + " ms. Report made " + PlantTime.format(clock.instant(), zone)
                            + ".",
                    body));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the recall PDF could not be made", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Affected lots whose release in force at the recall's ledger position was under a signed
     * concession (docs/QUALITY-CONTROL.md), with its reason, in the recall's order — whatever their
     * status now (a real recall has since set them to recalled). Only a lot of an item with a
     * specification can have one, so only those are looked up.
     */
    Map<LotRef, String> concessions(Views.RecallAnswer recall) {
        Set<String> specified = new HashSet<>(
                access.read(c -> Jdbc.query(c, "SELECT DISTINCT item FROM specification", rs -> rs.getString(1))));
        List<LotRef> candidates = recall.affectedLots().stream()
                .filter(a -> specified.contains(a.item()))
                .map(a -> LotRef.of(a.item(), a.lot()))
                .toList();
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Map<LotRef, String> found = new HashMap<>();
        access
                .read(c -> Jdbc.query(
                        c,
                        "SELECT DISTINCT ON (k.item, k.lot) e.content FROM unnest(?::text[], ?::text[]) AS k(item, lot) "
                                + "JOIN lot_event le ON le.item = k.item AND le.lot = k.lot "
                                + "JOIN ledger_event e ON e.ledger_seq = le.ledger_seq "
                                + "WHERE e.type = 'STATUS' AND e.ledger_seq <= ? "
                                + "AND e.content LIKE '%\"status\":\"RELEASED\"%' "
                                + "ORDER BY k.item, k.lot, e.ledger_seq DESC",
                        rs -> (StatusChange)
                                EventJson.read(rs.getString(1)).value().payload(),
                        candidates.stream().map(r -> r.item().value()).toArray(String[]::new),
                        candidates.stream().map(r -> r.lot().value()).toArray(String[]::new),
                        recall.asOfSeq()))
                .stream()
                .filter(s -> s.concession() != null)
                .forEach(s -> found.put(new LotRef(s.item(), s.lot()), s.concession()));
        Map<LotRef, String> out = new java.util.LinkedHashMap<>();
        candidates.stream().filter(found::containsKey).forEach(r -> out.put(r, found.get(r)));
        return out;
    }

    static String quantities(List<Quantity> quantities) {
        return quantities == null || quantities.isEmpty()
                ? "-"
                : String.join(" + ", quantities.stream().map(Quantity::toString).toList());
    }

    private static void section(Document doc, String text, Font font) throws DocumentException {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    /** Rows written to the document in slices, so a recall of 100,000 shipment lines never holds its whole table in memory. */
    static final int ROWS_PER_SLICE = 500;

    private static PdfPTable largeTable(float[] widths) {
        PdfPTable t = table(widths);
        t.setComplete(false);
        return t;
    }

    private static void flushEvery(Document doc, PdfPTable t, int rows) throws DocumentException {
        if (rows % ROWS_PER_SLICE == 0) {
            doc.add(t);
        }
    }

    private static void finish(Document doc, PdfPTable t) throws DocumentException {
        t.setComplete(true);
        doc.add(t);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        return t;
    }

    private static void header(PdfPTable t, Font font, String... titles) {
        for (String s : titles) {
            PdfPCell c = new PdfPCell(new Phrase(s, font));
            c.setGrayFill(0.9f);
            t.addCell(c);
        }
    }

    private static void cells(PdfPTable t, Font font, String... values) {
        for (String v : values) {
            t.addCell(new PdfPCell(new Phrase(v == null ? "" : v, font)));
        }
    }

    private static void pair(PdfPTable t, String name, String value, Font bold, Font body) {
        PdfPCell n = new PdfPCell(new Phrase(name, bold));
        n.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.addCell(n);
        t.addCell(new PdfPCell(new Phrase(value, body)));
    }

    static List<LotRef> affected(Views.RecallAnswer recall) {
        return recall.affectedLots().stream()
                .map(a -> LotRef.of(a.item(), a.lot()))
                .toList();
    }
}
