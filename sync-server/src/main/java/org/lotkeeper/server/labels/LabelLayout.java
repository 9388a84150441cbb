package org.lotkeeper.server.labels;

import java.util.ArrayList;
import java.util.List;

import com.google.zxing.common.BitMatrix;

/**
 * Where everything goes on a 4 × 6 in portrait label at a given resolution, in dots from the top
 * left. The PNG, PDF and ZPL writers draw the same layout, so the three look alike.
 *
 * <p>Top to bottom: the title, the fields (caption left, value right; long values cut with
 * "..."), a rule, the linear symbols stacked (centred, module 0.25 mm, each with its
 * human-readable line centred under it), and the 2D symbol at the bottom left with its
 * {@code (AI)value} lines beside it. Every symbol keeps a quiet zone: 10 modules beside a
 * linear symbol, 4 modules round a DataMatrix (ISO/IEC 15417, 16022 ask for 10 and 1).
 */
final class LabelLayout {

    static final double WIDTH_IN = 4;
    static final double HEIGHT_IN = 6;

    /** Something to draw. */
    sealed interface Op {}

    /** Text whose top is at y; {@code centred} centres it in [x, x + width). */
    record Text(int x, int y, int width, int height, boolean bold, boolean centred, String text) implements Op {}

    /** A filled black rectangle. */
    record Box(int x, int y, int width, int height) implements Op {}

    /**
     * A symbol: {@code matrix} has one pixel a module (one row for a linear symbol); it is drawn
     * {@code module} dots a module and, when linear, {@code barHeight} dots high.
     */
    record Bars(int x, int y, int module, int barHeight, Symbol symbol, BitMatrix matrix) implements Op {
        int width() {
            return matrix.getWidth() * module;
        }

        int height() {
            return symbol.type().linear() ? barHeight : matrix.getHeight() * module;
        }
    }

    final int dpi;
    final int width;
    final int height;
    final List<Op> ops = new ArrayList<>();

    private final int margin;
    private int y;

    private LabelLayout(int dpi) {
        this.dpi = dpi;
        this.width = (int) Math.round(WIDTH_IN * dpi);
        this.height = (int) Math.round(HEIGHT_IN * dpi);
        this.margin = inches(0.12);
        this.y = margin;
    }

    /** Lays out {@code label}; {@link LabelException} when a symbol does not fit the label. */
    static LabelLayout of(Label label, int dpi) {
        LabelLayout l = new LabelLayout(dpi);
        l.title(label.title());
        for (Label.Field f : label.fields()) {
            l.field(f);
        }
        l.y += l.inches(0.04);
        l.ops.add(new Box(l.margin, l.y, l.width - 2 * l.margin, Math.max(1, l.inches(0.015))));
        l.y += l.inches(0.1);
        Symbol matrix = null;
        for (Symbol s : label.symbols()) {
            if (s.type().linear()) {
                l.linear(s);
            } else {
                matrix = s;
            }
        }
        if (matrix != null) {
            l.matrix(matrix);
        }
        if (l.y > l.height - l.margin / 2) {
            throw new LabelException("the label's content does not fit on a 4 x 6 in label");
        }
        return l;
    }

    int inches(double in) {
        return (int) Math.round(in * dpi);
    }

    /** The module width for {@code mm}, in whole dots, at least one. */
    private int module(double mm) {
        return Math.max(1, (int) Math.round(mm * dpi / 25.4));
    }

    private void title(String title) {
        int h = inches(0.14);
        ops.add(new Text(margin, y, width - 2 * margin, h, true, false, title));
        y += h + inches(0.08);
    }

    private void field(Label.Field f) {
        int h = inches(f.large() ? 0.28 : 0.17);
        int captionHeight = inches(0.12);
        int valueX = margin + inches(0.95);
        ops.add(new Text(
                margin, y + (h - captionHeight) * 3 / 4, valueX - margin, captionHeight, false, false, f.caption()));
        ops.add(new Text(
                valueX, y, width - margin - valueX, h, f.large(), false, fit(f.value(), width - margin - valueX, h)));
        y += h + inches(0.07);
    }

    /** Cuts text that would not fit {@code w} dots at {@code h} dots high (estimated; the writers shrink what is still too wide). */
    static String fit(String text, int w, int h) {
        int max = Math.max(4, (int) (w / (0.55 * h)));
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private void linear(Symbol s) {
        BitMatrix m = Barcodes.matrix(s);
        int module = module(0.25);
        int w = m.getWidth() * module;
        if (w + 20 * module > width) {
            throw new LabelException("the barcode " + String.join(" ", s.humanReadable())
                    + " is too long for a 4 in label at a 0.25 mm module");
        }
        int barHeight = inches(0.9);
        ops.add(new Bars((width - w) / 2, y, module, barHeight, s, m));
        y += barHeight + inches(0.05);
        int h = inches(0.13);
        for (String line : s.humanReadable()) {
            ops.add(new Text(margin, y, width - 2 * margin, h, false, true, line));
            y += h + inches(0.03);
        }
        y += inches(0.1);
    }

    private void matrix(Symbol s) {
        BitMatrix m = Barcodes.matrix(s);
        int quiet = 4;
        int available = Math.min(height - margin - y, inches(1.6));
        int module = Math.min(module(1.0), available / (m.getWidth() + 2 * quiet));
        if (module < 1) {
            throw new LabelException("the DataMatrix does not fit on the label");
        }
        int x = margin + quiet * module;
        int top = y + quiet * module;
        ops.add(new Bars(x, top, module, 0, s, m));
        int textX = x + (m.getWidth() + quiet) * module + inches(0.1);
        int h = inches(0.13);
        int ty = top;
        for (String line : s.humanReadable()) {
            ops.add(new Text(textX, ty, width - margin - textX, h, false, false, line));
            ty += h + inches(0.04);
        }
        y = Math.max(top + m.getHeight() * module + quiet * module, ty);
    }
}
