package org.lotkeeper.server.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Draws a {@link LabelLayout} on one PDF page of the label's size: text in Helvetica (text stays
 * text: searchable, sharp), each symbol as an image of one pixel a module, scaled to the module
 * size without smoothing.
 */
final class PdfLabels {

    private PdfLabels() {}

    static byte[] pdf(LabelLayout layout, String title) {
        return pdf(List.of(layout), title);
    }

    /** Several labels of one size, a page each (a roll or a sheet of pre-printed labels). */
    static byte[] pdf(List<LabelLayout> layouts, String title) {
        LabelLayout first = layouts.get(0);
        float scale = 72f / first.dpi;
        Rectangle page = new Rectangle(first.width * scale, first.height * scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024 * layouts.size());
        Document document = new Document(page, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("Lotkeeper");
            document.open();
            PdfContentByte cb = writer.getDirectContent();
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            for (LabelLayout layout : layouts) {
                if (layout != first) {
                    document.newPage();
                }
                draw(layout, cb, page, scale, regular, bold);
            }
        } catch (DocumentException | IOException e) {
            throw new UncheckedIOException(new IOException("PDF label failed", e));
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void draw(
            LabelLayout layout, PdfContentByte cb, Rectangle page, float scale, BaseFont regular, BaseFont bold)
            throws DocumentException, IOException {
        for (LabelLayout.Op op : layout.ops) {
            if (op instanceof LabelLayout.Text t) {
                BaseFont font = t.bold() ? bold : regular;
                float size = t.height() * scale;
                float w = font.getWidthPoint(t.text(), size);
                float box = t.width() * scale;
                if (w > box) {
                    size = size * box / w;
                    w = box;
                }
                float x = t.x() * scale + (t.centred() ? (box - w) / 2 : 0);
                // The baseline sits at about 80 % of the line box, as in the PNG.
                float baseline = page.getHeight() - (t.y() + t.height() * 0.8f) * scale;
                cb.beginText();
                cb.setFontAndSize(font, size);
                cb.setTextMatrix(x, baseline);
                cb.showText(t.text());
                cb.endText();
            } else if (op instanceof LabelLayout.Box b) {
                cb.rectangle(
                        b.x() * scale,
                        page.getHeight() - (b.y() + b.height()) * scale,
                        b.width() * scale,
                        b.height() * scale);
                cb.fill();
            } else if (op instanceof LabelLayout.Bars b) {
                BufferedImage bars = MatrixToImageWriter.toBufferedImage(b.matrix());
                Image image = Image.getInstance(bars, null, true);
                image.scaleAbsolute(b.width() * scale, b.height() * scale);
                image.setAbsolutePosition(b.x() * scale, page.getHeight() - (b.y() + b.height()) * scale);
                cb.addImage(image);
            }
        }
    }
}
