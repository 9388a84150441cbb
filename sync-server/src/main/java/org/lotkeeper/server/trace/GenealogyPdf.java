package org.lotkeeper.server.trace;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.text.Words;

/**
 * The recall report's genealogy, drawn: the starting lots in the first column, each further
 * column one link on, a box per lot (lot code, item, status in words; recalled, rejected and on
 * hold lots shaded), the links between them with their quantities — laid out by
 * {@link LayeredLayout}, scaled to fit the page. A recall reaching more lots than a page can show
 * is drawn for its first lots by item and lot code ({@value #MAX_PER_COLUMN} per column, the
 * first {@value #MAX_COLUMNS} columns) and says so; only the links between the lots drawn are read.
 */
final class GenealogyPdf {

    static final int MAX_PER_COLUMN = 16;
    static final int MAX_COLUMNS = 8;
    /** In points at full scale. */
    static final LayeredLayout.Metrics METRICS = new LayeredLayout.Metrics(118, 34, 62, 8, 9, 2, 8);

    private static final Color LINE = new Color(0x55, 0x5f, 0x6b);
    private static final Color UNUSABLE = new Color(0xfb, 0xe3, 0xe3);
    private static final Color START = new Color(0xe6, 0xef, 0xfb);

    private GenealogyPdf() {}

    /** Draws the genealogy under the current position of {@code doc}, on a page of its own when little room is left. */
    static void draw(
            Document doc,
            PdfWriter writer,
            Views.RecallAnswer recall,
            Function<Collection<LotRef>, List<Views.TraceLink>> linksAmong,
            Font body)
            throws DocumentException {
        Map<String, Views.AffectedLot> lots = new LinkedHashMap<>();
        TreeMap<Integer, List<Views.AffectedLot>> byDepth = new TreeMap<>();
        recall.affectedLots()
                .forEach(a -> byDepth.computeIfAbsent(a.depth(), d -> new ArrayList<>())
                        .add(a));
        Map<String, Integer> column = new LinkedHashMap<>();
        byDepth.headMap(MAX_COLUMNS)
                .forEach((depth, list) -> list.stream()
                        .sorted(Comparator.comparing(Views.AffectedLot::item).thenComparing(Views.AffectedLot::lot))
                        .limit(MAX_PER_COLUMN)
                        .forEach(a -> {
                            lots.put(key(a.item(), a.lot()), a);
                            column.put(key(a.item(), a.lot()), depth);
                        }));
        List<Map.Entry<String, String>> links = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<LotRef> drawn =
                lots.values().stream().map(a -> LotRef.of(a.item(), a.lot())).toList();
        for (Views.TraceLink l : linksAmong.apply(drawn)) {
            links.add(Map.entry(key(l.from().item(), l.from().lot()), key(l.to().item(), l.to().lot())));
            labels.add(l.quantity().toString());
        }
        if (column.size() < recall.affectedLots().size()) {
            doc.add(new Paragraph(
                    "The picture shows " + column.size() + " of the "
                            + recall.affectedLots().size()
                            + " affected lots: the first " + MAX_PER_COLUMN + " by item and lot at each step, up to "
                            + MAX_COLUMNS + " steps from the start.",
                    body));
        }
        LayeredLayout.Drawing drawing = LayeredLayout.layout(column, links, METRICS);
        float width = doc.right() - doc.left();
        float room = writer.getVerticalPosition(true) - doc.bottom() - 6;
        float fullPage = doc.top() - doc.bottom();
        float scale = Math.min(1f, width / drawing.width());
        if (drawing.height() * scale > room && room < fullPage * 0.6f) {
            doc.newPage();
            room = writer.getVerticalPosition(true) - doc.bottom();
        }
        scale = Math.min(scale, room / drawing.height());
        float top = writer.getVerticalPosition(true) - 4;
        new Painter(writer.getDirectContent(), doc.left(), top, scale).paint(drawing, lots, labels);
        // what follows goes below the picture
        Paragraph spacer = new Paragraph(" ", body);
        spacer.setSpacingBefore(drawing.height() * scale);
        doc.add(spacer);
    }

    private static String key(String item, String lot) {
        return item + "/" + lot;
    }

    /** Layout units to page points: x from the left margin, y down from the top. */
    private record Painter(PdfContentByte cb, float left, float top, float scale) {

        float x(int x) {
            return left + x * scale;
        }

        float y(int y) {
            return top - y * scale;
        }

        void paint(LayeredLayout.Drawing drawing, Map<String, Views.AffectedLot> lots, List<String> labels) {
            BaseFont regular;
            BaseFont bold;
            try {
                regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
                bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new UncheckedIOException(new IOException("the PDF fonts are missing", e));
            }
            cb.saveState();
            cb.setLineWidth(0.6f * scale);
            cb.setColorStroke(LINE);
            for (LayeredLayout.Route r : drawing.routes()) {
                route(r);
            }
            for (LayeredLayout.Box b : drawing.boxes().values()) {
                box(b, lots.get(b.key()), regular, bold);
            }
            cb.setColorFill(Color.BLACK);
            for (LayeredLayout.Route r : drawing.routes()) {
                text(
                        regular,
                        6.5f,
                        labels.get(r.link()),
                        x(r.label().x()),
                        y(r.label().y()),
                        true,
                        METRICS.columnGap());
            }
            cb.restoreState();
        }

        private void route(LayeredLayout.Route r) {
            List<LayeredLayout.Point> p = r.points();
            cb.moveTo(x(p.get(0).x()), y(p.get(0).y()));
            for (LayeredLayout.Segment s : r.segments()) {
                if (s.straight()) {
                    cb.lineTo(x(s.to().x()), y(s.to().y()));
                } else {
                    cb.curveTo(
                            x(s.c1().x()), y(s.c1().y()), x(s.c2().x()), y(s.c2().y()), x(s.to().x()), y(s.to().y()));
                }
            }
            cb.stroke();
            LayeredLayout.Point end = p.get(p.size() - 1);
            if (!r.back()) { // an arrowhead into the target's left side
                float ex = x(end.x());
                float ey = y(end.y());
                cb.setColorFill(LINE);
                cb.moveTo(ex, ey);
                cb.lineTo(ex - 5 * scale, ey + 2.5f * scale);
                cb.lineTo(ex - 5 * scale, ey - 2.5f * scale);
                cb.closePath();
                cb.fill();
            }
        }

        private void box(LayeredLayout.Box b, Views.AffectedLot lot, BaseFont regular, BaseFont bold) {
            String status = lot.status();
            boolean unusable = LotStatus.RECALLED.name().equals(status)
                    || LotStatus.REJECTED.name().equals(status)
                    || LotStatus.ON_HOLD.name().equals(status);
            Color fill = unusable ? UNUSABLE : lot.depth() == 0 ? START : Color.WHITE;
            float w = METRICS.nodeWidth() * scale;
            float h = METRICS.nodeHeight() * scale;
            cb.setColorFill(fill);
            cb.rectangle(x(b.x()), y(b.y()) - h, w, h);
            cb.fillStroke();
            cb.setColorFill(Color.BLACK);
            float inner = METRICS.nodeWidth() - 8;
            float tx = x(b.x() + 4);
            text(bold, 8f, lot.lot(), tx, y(b.y() + 11), false, inner);
            text(
                    regular,
                    6.5f,
                    lot.item() + (lot.itemName() == null ? "" : " " + lot.itemName()),
                    tx,
                    y(b.y() + 21),
                    false,
                    inner);
            text(
                    regular,
                    6.5f,
                    Words.ofCode(lot.status(), LotStatus.class, Words::of),
                    tx,
                    y(b.y() + 30),
                    false,
                    inner);
        }

        /** One line, cut with an ellipsis to {@code room} layout units; centred on x or starting there. */
        private void text(BaseFont font, float size, String s, float x, float baseline, boolean centred, float room) {
            float pts = size * scale;
            float max = room * scale;
            String shown = s;
            while (shown.length() > 1 && font.getWidthPoint(shown, pts) > max) {
                shown = shown.substring(0, shown.length() - 2) + "\u2026";
            }
            float w = font.getWidthPoint(shown, pts);
            float start = centred ? x - w / 2 : x;
            if (centred) { // a link's label: on white, so the line under it does not cross the figures
                cb.setColorFill(Color.WHITE);
                cb.rectangle(start - pts * 0.2f, baseline - pts * 0.25f, w + pts * 0.4f, pts * 1.1f);
                cb.fill();
                cb.setColorFill(Color.BLACK);
            }
            cb.beginText();
            cb.setFontAndSize(font, pts);
            cb.setTextMatrix(start, baseline);
            cb.showText(shown);
            cb.endText();
        }
    }
}
