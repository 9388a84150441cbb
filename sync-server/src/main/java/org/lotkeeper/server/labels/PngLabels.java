package org.lotkeeper.server.labels;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.common.BitMatrix;

/** Draws a {@link LabelLayout} as a greyscale PNG, one pixel a dot. */
final class PngLabels {

    private PngLabels() {}

    static byte[] png(LabelLayout layout) {
        return encode(draw(layout));
    }

    static BufferedImage draw(LabelLayout layout) {
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (LabelLayout.Op op : layout.ops) {
                if (op instanceof LabelLayout.Text t) {
                    text(g, t);
                } else if (op instanceof LabelLayout.Box b) {
                    g.fillRect(b.x(), b.y(), b.width(), b.height());
                } else if (op instanceof LabelLayout.Bars b) {
                    bars(g, b);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void text(Graphics2D g, LabelLayout.Text t) {
        // A font's ascent + descent is about 1.17 em: this size fills the text's line box.
        Font font = new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, Math.round(t.height() * 0.85f));
        FontMetrics fm = g.getFontMetrics(font);
        int w = fm.stringWidth(t.text());
        if (w > t.width()) {
            font = font.deriveFont(font.getSize2D() * t.width() / w);
            fm = g.getFontMetrics(font);
            w = fm.stringWidth(t.text());
        }
        g.setFont(font);
        int x = t.centred() ? t.x() + (t.width() - w) / 2 : t.x();
        g.drawString(t.text(), x, t.y() + fm.getAscent());
    }

    private static void bars(Graphics2D g, LabelLayout.Bars b) {
        BitMatrix m = b.matrix();
        boolean linear = b.symbol().type().linear();
        int rowHeight = linear ? b.barHeight() : b.module();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    g.fillRect(b.x() + col * b.module(), b.y() + row * rowHeight, b.module(), rowHeight);
                }
            }
        }
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
