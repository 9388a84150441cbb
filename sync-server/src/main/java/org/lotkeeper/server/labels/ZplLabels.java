package org.lotkeeper.server.labels;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link LabelLayout} (laid out at {@value #DPI} dpi) as ZPL II for a Zebra printer.
 *
 * <ul>
 *   <li>Text: {@code ^A0} (the scalable font) in a one-line {@code ^FB} block, with {@code ^FH}
 *       so that every character but letters, digits, space and the harmless punctuation is sent
 *       as {@code _XX} hex of its UTF-8 bytes ({@code ^CI28}): a {@code ^} or {@code ~} in an
 *       item name cannot start a command.</li>
 *   <li>GS1-128: {@code ^BC} without interpretation line (the layout prints its own), data with
 *       the invocation codes {@code >;} (start C), {@code >:} (start B), {@code >5}/{@code >6}
 *       (switch to C/B), {@code >8} (FNC1, first and as separator) and {@code ><} for a
 *       {@code >} in the data.</li>
 *   <li>GS1 DataMatrix: {@code ^BX} quality 200 with {@code _} as the escape character,
 *       {@code _1} for FNC1 (first and as separator), {@code __} for an underscore in the data;
 *       rows and columns as ZXing chose them, so print and preview have the same size.</li>
 * </ul>
 * Barcode data is digits and GS1 set 82 ({@link Symbol} refuses anything else), so it holds no
 * {@code ^} or {@code ~}.
 */
final class ZplLabels {

    static final int DPI = 203;

    private ZplLabels() {}

    static String zpl(LabelLayout layout) {
        StringBuilder z = new StringBuilder(1024);
        z.append("^XA\n^CI28\n^PW")
                .append(layout.width)
                .append("\n^LL")
                .append(layout.height)
                .append("\n^LH0,0\n");
        for (LabelLayout.Op op : layout.ops) {
            if (op instanceof LabelLayout.Text t) {
                z.append("^FO")
                        .append(t.x())
                        .append(',')
                        .append(t.y())
                        .append("^A0N,")
                        .append(t.height())
                        .append(',')
                        .append(t.bold() ? t.height() : t.height() * 4 / 5)
                        .append("^FB")
                        .append(t.width())
                        .append(",1,0,")
                        .append(t.centred() ? 'C' : 'L')
                        .append("^FH^FD")
                        .append(text(t.text()))
                        .append("^FS\n");
            } else if (op instanceof LabelLayout.Box b) {
                int thickness = Math.min(b.width(), b.height());
                z.append("^FO")
                        .append(b.x())
                        .append(',')
                        .append(b.y())
                        .append("^GB")
                        .append(b.width())
                        .append(',')
                        .append(b.height())
                        .append(',')
                        .append(thickness)
                        .append("^FS\n");
            } else if (op instanceof LabelLayout.Bars b) {
                z.append("^FO").append(b.x()).append(',').append(b.y());
                switch (b.symbol().type()) {
                    case GS1_128, CODE_128 ->
                        z.append("^BY")
                                .append(b.module())
                                .append("^BCN,")
                                .append(b.barHeight())
                                .append(",N,N,N")
                                .append("^FD")
                                .append(code128(b.symbol().data(), b.symbol().type() == Symbol.Type.GS1_128))
                                .append("^FS\n");
                    case GS1_DATAMATRIX, DATAMATRIX ->
                        z.append("^BXN,")
                                .append(b.module())
                                .append(",200,")
                                .append(b.matrix().getWidth())
                                .append(',')
                                .append(b.matrix().getHeight())
                                .append(",,_")
                                .append("^FD")
                                .append(dataMatrix(b.symbol().data(), b.symbol().type() == Symbol.Type.GS1_DATAMATRIX))
                                .append("^FS\n");
                }
            }
        }
        return z.append("^PQ1\n^XZ\n").toString();
    }

    /** Text for a {@code ^FH} field: only letters, digits, space and {@code - . , : / ( ) + %} go as they are. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || " -.,:/()+%".indexOf(c) >= 0;
            if (plain) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('_').append(String.format("%02X", b & 0xFF));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /**
     * Code 128 field data with explicit subsets: C for runs of four or more digits (pairs), B for
     * the rest; GS becomes FNC1 ({@code >8}).
     */
    static String code128(String data, boolean gs1) {
        StringBuilder out = new StringBuilder(data.length() + 16);
        char set = 0;
        int i = 0;
        if (gs1) {
            set = digitRun(data, 0) >= 2 ? 'C' : 'B';
            out.append(set == 'C' ? ">;" : ">:").append(">8");
        }
        while (i < data.length()) {
            char c = data.charAt(i);
            int run = digitRun(data, i);
            if (c == 29) {
                out.append(">8");
                i++;
            } else if (run >= 4 || (set == 'C' && run >= 2)) {
                if (set != 'C' && run % 2 == 1) {
                    set = switchTo(out, set, 'B');
                    out.append(c);
                    i++;
                    continue;
                }
                set = switchTo(out, set, 'C');
                while (digitRun(data, i) >= 2) {
                    out.append(data, i, i + 2);
                    i += 2;
                }
            } else {
                set = switchTo(out, set, 'B');
                out.append(c == '>' ? "><" : String.valueOf(c));
                i++;
            }
        }
        return out.toString();
    }

    private static char switchTo(StringBuilder out, char from, char to) {
        if (from != to) {
            out.append(from == 0 ? (to == 'C' ? ">;" : ">:") : (to == 'C' ? ">5" : ">6"));
        }
        return to;
    }

    private static int digitRun(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** DataMatrix field data for {@code ^BX...,_}: {@code _1} for FNC1, {@code __} for an underscore. */
    static String dataMatrix(String data, boolean gs1) {
        StringBuilder out = new StringBuilder(data.length() + 8);
        if (gs1) {
            out.append("_1");
        }
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            out.append(c == 29 ? "_1" : c == '_' ? "__" : String.valueOf(c));
        }
        return out.toString();
    }
}
