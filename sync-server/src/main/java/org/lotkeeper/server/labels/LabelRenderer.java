package org.lotkeeper.server.labels;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.google.zxing.common.BitMatrix;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1ElementString;
import org.lotkeeper.model.gs1.Gs1Encoder;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.quantity.Dimension;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.scan.ScanRecogniser;

/**
 * Lot and pallet labels: what goes on them ({@link #lotLabel}, {@link #ssccLabel}) and the
 * label as PNG, PDF or ZPL ({@link #render}). The GS1 data is built and encoded by shared-model
 * ({@link Gs1Data#builder(Clock)}, {@link Gs1Encoder}), so what a scanner reads back from a label
 * is exactly what {@link Gs1Decoder} accepts. Thread-safe; no framework in it.
 *
 * <h2>Lot label</h2>
 * Item code and name, lot, expiry, quantity as text; for an item with a GTIN the GS1 data
 * (01) GTIN, (10) lot, (17) expiry and the quantity — a net measure 310n/315n/316n/320n/361n for
 * mass and volume, (30) for a count — as GS1-128 (one symbol, or two when one would be too long
 * for the label: (01)(10) and (01)(17)(quantity)) and as one GS1 DataMatrix with everything. A
 * quantity GS1 cannot hold (more than 6 digits with its decimals; a count with decimals) stays
 * text only. An item without a GTIN cannot have GS1 lot data (AI 10 needs 01): its label carries
 * the lot code as the plant's own plain barcode, which the handheld's {@link ScanRecogniser}
 * reads as a code and resolves as a lot — refused when the lot code would not read back as
 * itself (e.g. it contains {@code &} or looks like GS1 data).
 *
 * <h2>Pallet label</h2>
 * SSCC and contents as text; the SSCC as its own GS1-128 symbol (00) at the bottom, as on the
 * GS1 logistic label. When the pallet holds one lot of an item with a GTIN and a whole count of
 * it, a second GS1-128 symbol above carries (02) GTIN, (37) count, (10) lot, (17) expiry and the
 * net measure where known — left out when it would be too long for the label.
 */
public final class LabelRenderer {

    /** The resolution of PNG labels (PDF images too). */
    public static final int PNG_DPI = 300;

    private final Clock clock;
    private final ScanRecogniser recogniser;

    public LabelRenderer(Clock clock) {
        this.clock = clock;
        this.recogniser = new ScanRecogniser(Gs1Decoder.create().withClock(clock));
    }

    /** What an internal lot label says, with the barcodes {@code symbology} asks for. */
    public Label lotLabel(LotLabelData lot, LabelSymbology symbology) {
        List<Label.Field> fields = new ArrayList<>();
        fields.add(new Label.Field("ITEM", lot.item().value(), true));
        if (lot.description() != null && !lot.description().isBlank()) {
            fields.add(new Label.Field("", lot.description().strip(), false));
        }
        fields.add(new Label.Field("LOT", lot.lot().value(), true));
        if (lot.gtin() != null) {
            fields.add(new Label.Field("GTIN", lot.gtin().value(), false));
        }
        if (lot.expiry() != null) {
            fields.add(new Label.Field("EXPIRY", lot.expiry().toString(), false));
        }
        if (lot.retestDate() != null) {
            fields.add(new Label.Field("RETEST BY", lot.retestDate().toString(), false));
        }
        if (lot.quantity() != null) {
            fields.add(new Label.Field("QUANTITY", quantityText(lot.quantity()), false));
        }
        List<Symbol> symbols = new ArrayList<>();
        if (lot.gtin() == null) {
            internalLotCode(lot);
            if (symbology.linear()) {
                symbols.add(new Symbol(
                        Symbol.Type.CODE_128,
                        lot.lot().value(),
                        List.of(lot.lot().value())));
            }
            if (symbology.matrix()) {
                symbols.add(new Symbol(
                        Symbol.Type.DATAMATRIX,
                        lot.lot().value(),
                        List.of("Lot " + lot.lot().value())));
            }
            return new Label("LOT  " + lot.item().value(), fields, symbols);
        }
        try {
            symbols.addAll(gs1Symbols(lot, symbology, lot.retestDate()));
        } catch (LabelException tooLong) {
            if (lot.retestDate() == null) {
                throw tooLong;
            }
            // the retest date goes into the barcodes where they fit; it is always printed as text
            symbols.addAll(gs1Symbols(lot, symbology, null));
        }
        return new Label("LOT  " + lot.item().value(), fields, symbols);
    }

    /** The GS1 barcodes of a lot label with a GTIN, the retest date (AI 7011) in them unless null. */
    private List<Symbol> gs1Symbols(LotLabelData lot, LabelSymbology symbology, LocalDate testBy) {
        List<Symbol> symbols = new ArrayList<>();
        UnaryOperator<Gs1Data.Builder> identity = b -> b.gtin(lot.gtin());
        UnaryOperator<Gs1Data.Builder> lotPart = b -> b.lot(lot.lot());
        UnaryOperator<Gs1Data.Builder> datesAndAmount = b -> {
            Gs1Data.Builder dated = withExpiry(b, lot.expiry());
            return testBy == null ? dated : dated.testBy(testBy);
        };
        Gs1Data all = build(identity, lotPart, datesAndAmount, lot.quantity());
        if (symbology.linear()) {
            symbols.addAll(linearSymbols(
                    all,
                    List.of(
                            () -> build(identity, lotPart, b -> b, null),
                            () -> build(identity, b -> b, datesAndAmount, lot.quantity()))));
        }
        if (symbology.matrix()) {
            symbols.add(gs1DataMatrix(all));
        }
        return symbols;
    }

    /** What a pallet label says. */
    public Label ssccLabel(SsccLabelData pallet) {
        List<Label.Field> fields = new ArrayList<>();
        fields.add(new Label.Field("SSCC", pallet.sscc().value(), true));
        List<SsccLabelData.Content> contents = pallet.contents();
        if (contents.size() == 1) {
            SsccLabelData.Content c = contents.get(0);
            fields.add(new Label.Field("ITEM", c.item().value(), true));
            if (c.description() != null && !c.description().isBlank()) {
                fields.add(new Label.Field("", c.description().strip(), false));
            }
            fields.add(new Label.Field("LOT", c.lot().value(), true));
            if (c.expiry() != null) {
                fields.add(new Label.Field("EXPIRY", c.expiry().toString(), false));
            }
            if (c.quantity() != null) {
                fields.add(new Label.Field(
                        "QUANTITY",
                        quantityText(c.quantity())
                                + (c.count() != null && c.quantity().dimension() != Dimension.COUNT
                                        ? "  (" + c.count() + " packs)"
                                        : ""),
                        false));
            }
        } else {
            int shown = Math.min(contents.size(), 6);
            for (int i = 0; i < shown; i++) {
                SsccLabelData.Content c = contents.get(i);
                fields.add(new Label.Field(
                        i == 0 ? "CONTENTS" : "",
                        c.item().value() + "  " + c.lot().value()
                                + (c.quantity() == null ? "" : "  " + quantityText(c.quantity())),
                        false));
            }
            if (contents.size() > shown) {
                fields.add(new Label.Field("", "and " + (contents.size() - shown) + " more lots", false));
            }
            if (contents.isEmpty()) {
                fields.add(new Label.Field("CONTENTS", "empty", false));
            }
        }
        List<Symbol> symbols = new ArrayList<>();
        if (contents.size() == 1
                && contents.get(0).gtin() != null
                && contents.get(0).count() != null) {
            SsccLabelData.Content c = contents.get(0);
            Gs1Data content = build(
                    b -> b.contentGtin(c.gtin()).count(c.count()),
                    b -> b.lot(c.lot()),
                    b -> withExpiry(b, c.expiry()),
                    c.quantity() != null && c.quantity().dimension() != Dimension.COUNT ? c.quantity() : null);
            Symbol symbol = gs1_128(content);
            if (fits(symbol)) {
                symbols.add(symbol);
            }
        }
        symbols.add(gs1_128(Gs1Data.builder(clock).sscc(pallet.sscc()).build()));
        return new Label("PALLET  SSCC", fields, symbols);
    }

    /** The label as a file. */
    public byte[] render(Label label, LabelFormat format) {
        return switch (format) {
            case PNG -> PngLabels.png(LabelLayout.of(label, PNG_DPI));
            case PDF -> PdfLabels.pdf(LabelLayout.of(label, PNG_DPI), label.title());
            case ZPL -> zpl(label).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    /** Several labels as one file: a PDF page or a ZPL format each; PNG holds one label only. */
    public byte[] render(List<Label> labels, LabelFormat format) {
        return switch (format) {
            case PNG -> throw new LabelException("a block of labels is printed as PDF or ZPL, not PNG");
            case PDF ->
                PdfLabels.pdf(
                        labels.stream().map(l -> LabelLayout.of(l, PNG_DPI)).toList(),
                        labels.get(0).title());
            case ZPL ->
                String.join("", labels.stream().map(this::zpl).toList())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    /** The label as ZPL II for a 203 dpi Zebra printer. */
    public String zpl(Label label) {
        return ZplLabels.zpl(LabelLayout.of(label, ZplLabels.DPI));
    }

    // ---------------------------------------------------------------- GS1 data

    private Gs1Data build(
            UnaryOperator<Gs1Data.Builder> key,
            UnaryOperator<Gs1Data.Builder> lot,
            UnaryOperator<Gs1Data.Builder> more,
            Quantity quantity) {
        try {
            if (quantity != null
                    && quantity.isPositive()
                    && !(quantity.dimension() == Dimension.COUNT && !whole(quantity))) {
                try {
                    return withQuantity(more.apply(lot.apply(key.apply(Gs1Data.builder(clock)))), quantity)
                            .build();
                } catch (Gs1Exception e) {
                    // GS1 cannot hold this quantity (too many digits, a fractional count): text only.
                }
            }
            return more.apply(lot.apply(key.apply(Gs1Data.builder(clock)))).build();
        } catch (Gs1Exception e) {
            throw new LabelException(e.getMessage());
        }
    }

    private static Gs1Data.Builder withExpiry(Gs1Data.Builder b, LocalDate expiry) {
        return expiry == null ? b : b.expiry(expiry);
    }

    private static Gs1Data.Builder withQuantity(Gs1Data.Builder b, Quantity q) {
        if (q.dimension() == Dimension.COUNT) {
            return b.variableCount(q.inBase().value().longValueExact());
        }
        return b.netQuantity(Quantity.of(q.value().stripTrailingZeros(), q.uom()));
    }

    private static boolean whole(Quantity q) {
        BigDecimal v = q.inBase().value().stripTrailingZeros();
        return v.scale() <= 0 && v.compareTo(BigDecimal.valueOf(99_999_999)) <= 0;
    }

    /** One GS1-128 symbol with everything when it fits, else the symbols the fallbacks make. */
    private static List<Symbol> linearSymbols(Gs1Data all, List<java.util.function.Supplier<Gs1Data>> split) {
        Symbol one = gs1_128(all);
        if (fits(one)) {
            return List.of(one);
        }
        List<Symbol> out = new ArrayList<>();
        for (java.util.function.Supplier<Gs1Data> part : split) {
            Symbol s = gs1_128(part.get());
            if (!fits(s)) {
                throw new LabelException(
                        "the GS1-128 barcode " + s.humanReadable().get(0) + " is too long for a 4 in label");
            }
            out.add(s);
        }
        return out;
    }

    /** Whether a linear symbol fits the label width with its quiet zones at a 0.25 mm module (3 dots at 300 dpi, 2 at 203). */
    static boolean fits(Symbol s) {
        BitMatrix m = Barcodes.matrix(s);
        return (m.getWidth() + 20) * 3 <= LabelLayout.WIDTH_IN * PNG_DPI;
    }

    private static Symbol gs1_128(Gs1Data data) {
        Gs1ElementString text = Gs1Encoder.elementString(data);
        return new Symbol(Symbol.Type.GS1_128, text.barcodeData(), List.of(text.humanReadable()));
    }

    private static Symbol gs1DataMatrix(Gs1Data data) {
        Gs1ElementString text = Gs1Encoder.elementString(data);
        return new Symbol(
                Symbol.Type.GS1_DATAMATRIX,
                text.barcodeData(),
                data.elements().stream()
                        .map(e -> "(" + e.ai() + ")" + e.value())
                        .toList());
    }

    /** Refuses a lot code that the handheld would not read back as that code from a plain barcode. */
    private void internalLotCode(LotLabelData lot) {
        Scan scan = recogniser.recognise(lot.lot().value());
        if (!(scan instanceof Scan.Code c) || !c.value().equals(lot.lot().value())) {
            throw new LabelException("item " + lot.item() + " has no GTIN, and lot code " + lot.lot()
                    + " cannot be printed as a plain lot barcode: a scanner would not read it back as that lot"
                    + " (plain codes are letters, digits and - _ . /, starting with a letter or digit, and must not look like GS1 data)."
                    + " Give the item a GTIN in master data to print a GS1 label");
        }
    }

    static String quantityText(Quantity q) {
        return q.toString();
    }
}
