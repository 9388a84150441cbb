package org.lotkeeper.server.labels;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1Element;
import org.lotkeeper.model.gs1.Symbology;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.scan.ScanRecogniser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lot and pallet labels rendered, then read back from the PNG with ZXing exactly as a handheld
 * would, and parsed with shared-model's decoder: the same GS1 data as the lot's.
 */
class LabelRendererTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    static final Gtin RESIN_GTIN = Gtin.of("10614141000019");
    static final Sscc PALLET = Sscc.of("006141411234567890");

    final LabelRenderer renderer = new LabelRenderer(CLOCK);

    static LotLabelData resin(String lot, LocalDate expiry, Quantity quantity) {
        return new LotLabelData(
                ItemCode.of("RM-RESIN"), "Alkyd resin, 200 kg drum", RESIN_GTIN, LotCode.of(lot), expiry, quantity);
    }

    static Quantity kg(String value) {
        return Quantity.of(new BigDecimal(value), Uom.KGM);
    }

    /** Reads every symbol of the label's PNG and decodes each as GS1 data. */
    List<Gs1Data> readBack(Label label) {
        List<Gs1Data> out = new ArrayList<>();
        for (LabelScanner.Read read : LabelScanner.scanEachSymbol(renderer.render(label, LabelFormat.PNG), label)) {
            assertThat(read.format()).as(read.scan()).isNotNull();
            out.add(Gs1Decoder.create().withClock(CLOCK).decode(read.scan()));
        }
        return out;
    }

    static List<Gs1Element> union(List<Gs1Data> symbols) {
        List<Gs1Element> out = new ArrayList<>();
        for (Gs1Data d : symbols) {
            for (Gs1Element e : d.elements()) {
                if (!out.contains(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    @Test
    void lotLabelPngReadsBackAsTheLotsGs1DataInGs1128AndGs1DataMatrix() {
        Label label = renderer.lotLabel(resin("R-2401", LocalDate.of(2027, 3, 31), kg("200")), LabelSymbology.BOTH);

        List<Gs1Data> read = readBack(label);

        assertThat(read).extracting(Gs1Data::symbology).containsExactly(Symbology.GS1_128, Symbology.GS1_DATAMATRIX);
        for (Gs1Data d : read) {
            assertThat(d.gtin()).contains(RESIN_GTIN);
            assertThat(d.lot()).contains(LotCode.of("R-2401"));
            assertThat(d.expiry()).contains(LocalDate.of(2027, 3, 31));
            assertThat(d.quantity()).contains(kg("200"));
        }
        assertThat(label.symbols().get(0).humanReadable())
                .containsExactly("(01)10614141000019(17)270331(3100)000200(10)R-2401");
        assertThat(label.symbols().get(1).humanReadable())
                .containsExactly("(01)10614141000019", "(10)R-2401", "(17)270331", "(3100)000200");
    }

    @Test
    void aRetestDateIsPrintedAndCarriedInAi7011WhereTheBarcodesHoldIt() {
        LotLabelData data = new LotLabelData(
                ItemCode.of("RM-RESIN"),
                "Alkyd resin, 200 kg drum",
                RESIN_GTIN,
                LotCode.of("R-2401"),
                LocalDate.of(2027, 3, 31),
                kg("200"),
                LocalDate.of(2027, 1, 15));
        Label label = renderer.lotLabel(data, LabelSymbology.BOTH);

        assertThat(label.fields()).anySatisfy(f -> assertThat(f.value()).isEqualTo("2027-01-15"));
        List<Gs1Data> read = readBack(label);
        assertThat(read).isNotEmpty().allSatisfy(d -> assertThat(d.lot()).contains(LotCode.of("R-2401")));
        assertThat(read).anySatisfy(d -> assertThat(d.testBy()).contains(LocalDate.of(2027, 1, 15)));
        assertThat(read).anySatisfy(d -> assertThat(d.expiry()).contains(LocalDate.of(2027, 3, 31)));
    }

    @Test
    void theWholeLabelScannedAtOnceFindsTheGs1128() {
        Label label = renderer.lotLabel(resin("R-2401", LocalDate.of(2027, 3, 31), kg("200")), LabelSymbology.BOTH);

        List<LabelScanner.Read> reads = LabelScanner.scan(LabelScanner.image(renderer.render(label, LabelFormat.PNG)));

        assertThat(reads)
                .filteredOn(r -> r.format() == BarcodeFormat.CODE_128)
                .extracting(LabelScanner.Read::scan)
                .containsExactly("]C1011061414100001917270331310000020010R-2401");
    }

    @Test
    void aLotCodeTooLongForOneSymbolSplitsTheGs1128InTwoThatTogetherHoldTheData() {
        Label label = renderer.lotLabel(
                resin("ABCDEFGHIJKLMNOPQRST", LocalDate.of(2027, 3, 31), kg("12.5")), LabelSymbology.GS1_128);

        List<Gs1Data> read = readBack(label);

        assertThat(read).hasSize(2);
        assertThat(read.get(0).lot()).contains(LotCode.of("ABCDEFGHIJKLMNOPQRST"));
        assertThat(read.get(1).expiry()).contains(LocalDate.of(2027, 3, 31));
        assertThat(read.get(1).quantity()).contains(kg("12.5"));
        assertThat(read).allSatisfy(d -> assertThat(d.gtin()).contains(RESIN_GTIN));
    }

    @Test
    void aCountedItemCarriesItsCountInAi30AndAQuantityGs1CannotHoldStaysText() {
        Label pails = renderer.lotLabel(
                new LotLabelData(
                        ItemCode.of("PK-PAIL"),
                        "Pail",
                        Gtin.of("10614141000026"),
                        LotCode.of("P-1"),
                        null,
                        Quantity.of(new BigDecimal("24"), Uom.H87)),
                LabelSymbology.DATAMATRIX);
        assertThat(readBack(pails).get(0).elements())
                .containsExactly(
                        new Gs1Element("01", "10614141000026"),
                        new Gs1Element("10", "P-1"),
                        new Gs1Element("30", "24"));

        Label huge = renderer.lotLabel(resin("R-1", null, kg("1234567.891")), LabelSymbology.DATAMATRIX);
        assertThat(readBack(huge).get(0).elements()).extracting(Gs1Element::ai).containsExactly("01", "10");
        assertThat(huge.fields()).contains(new Label.Field("QUANTITY", "1234567.891 kg", false));
    }

    @Test
    void aLotOfAnItemWithoutGtinCarriesThePlainLotCodeThatTheHandheldReadsAsThatLot() {
        Label label = renderer.lotLabel(
                new LotLabelData(
                        ItemCode.of("RM-WATER"),
                        "Process water",
                        null,
                        LotCode.of("W-2026/11.07"),
                        null,
                        Quantity.of(new BigDecimal("1000"), Uom.LTR)),
                LabelSymbology.BOTH);
        ScanRecogniser recogniser = new ScanRecogniser(Gs1Decoder.create().withClock(CLOCK));

        List<LabelScanner.Read> reads = LabelScanner.scanEachSymbol(renderer.render(label, LabelFormat.PNG), label);

        assertThat(reads)
                .extracting(LabelScanner.Read::format)
                .containsExactly(BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX);
        assertThat(reads)
                .allSatisfy(r -> assertThat(recogniser.recognise(r.scan())).isEqualTo(new Scan.Code("W-2026/11.07")));
    }

    @Test
    void aLotCodeThatWouldNotReadBackAsItselfFromAPlainBarcodeIsRefused() {
        for (String hostile : List.of("A&B", "<script>", "0109501101530003", "-LEADING")) {
            LotLabelData lot = new LotLabelData(ItemCode.of("RM-WATER"), null, null, LotCode.of(hostile), null, null);
            assertThatThrownBy(() -> renderer.lotLabel(lot, LabelSymbology.BOTH))
                    .as(hostile)
                    .isInstanceOf(LabelException.class)
                    .hasMessageContaining("has no GTIN");
        }
    }

    @Test
    void ssccLabelReadsBackAsTheSsccAndOneLotsContent() {
        SsccLabelData pallet = new SsccLabelData(
                PALLET,
                List.of(new SsccLabelData.Content(
                        ItemCode.of("FG-PRIMER"),
                        "Primer, 20 L pail",
                        Gtin.of("10614141000101"),
                        LotCode.of("PR-2411"),
                        LocalDate.of(2028, 5, 31),
                        Quantity.of(new BigDecimal("40"), Uom.H87),
                        40L)));
        Label label = renderer.ssccLabel(pallet);

        List<Gs1Data> read = readBack(label);

        assertThat(read).hasSize(2);
        assertThat(read.get(0).elements())
                .containsExactly(
                        new Gs1Element("02", "10614141000101"),
                        new Gs1Element("17", "280531"),
                        new Gs1Element("37", "40"),
                        new Gs1Element("10", "PR-2411"));
        assertThat(read.get(1).elements()).containsExactly(new Gs1Element("00", "006141411234567890"));
        assertThat(read.get(1).sscc()).contains(PALLET);
    }

    @Test
    void aMixedPalletsLabelCarriesOnlyTheSsccAndListsItsLots() {
        List<SsccLabelData.Content> lots = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            lots.add(new SsccLabelData.Content(
                    ItemCode.of("FG-PRIMER"),
                    null,
                    Gtin.of("10614141000101"),
                    LotCode.of("PR-" + i),
                    null,
                    Quantity.of(new BigDecimal(i), Uom.H87),
                    (long) i));
        }
        Label label = renderer.ssccLabel(new SsccLabelData(PALLET, lots));

        assertThat(readBack(label))
                .singleElement()
                .satisfies(d -> assertThat(d.sscc()).contains(PALLET));
        assertThat(label.fields()).extracting(Label.Field::value).contains("FG-PRIMER  PR-1  1 pc", "and 2 more lots");
    }

    @Test
    void aDataMatrixWithASeparatorAmongPunctuationReadsBack() {
        // jqwik found this one: ZXing's compact DataMatrix encoder fails on FNC1 in C40 mode here
        Label label = renderer.lotLabel(
                new LotLabelData(
                        ItemCode.of("PK-PAIL"),
                        null,
                        Gtin.of("10614141000026"),
                        LotCode.of("!!!!!!!!!!_!XH38P8KP"),
                        LocalDate.of(2076, 12, 31),
                        Quantity.of(new BigDecimal("27"), Uom.H87)),
                LabelSymbology.DATAMATRIX);

        assertThat(readBack(label).get(0).elements())
                .containsExactly(
                        new Gs1Element("01", "10614141000026"),
                        new Gs1Element("17", "761231"),
                        new Gs1Element("10", "!!!!!!!!!!_!XH38P8KP"),
                        new Gs1Element("30", "27"));
    }

    @Test
    void anExpiryOutsideTheGs1CenturyWindowIsRefusedNotPrintedAsAnotherDate() {
        assertThatThrownBy(() -> renderer.lotLabel(resin("R-1", LocalDate.of(2099, 1, 31), null), LabelSymbology.BOTH))
                .isInstanceOf(LabelException.class)
                .hasMessageContaining("2099");
    }

    // ---------------------------------------------------------------- PDF

    @Test
    void pdfIsOneFourBySixInchPageWithTheTextAsTextAndEachSymbolAsAnImage() throws Exception {
        Label label = renderer.lotLabel(resin("R-2401", LocalDate.of(2027, 3, 31), kg("200")), LabelSymbology.BOTH);

        com.lowagie.text.pdf.PdfReader pdf =
                new com.lowagie.text.pdf.PdfReader(renderer.render(label, LabelFormat.PDF));

        assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        assertThat(pdf.getPageSize(1).getWidth()).isEqualTo(288f);
        assertThat(pdf.getPageSize(1).getHeight()).isEqualTo(432f);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(pdf).getTextFromPage(1);
        assertThat(text)
                .contains(
                        "RM-RESIN",
                        "Alkyd resin, 200 kg drum",
                        "R-2401",
                        "2027-03-31",
                        "200 kg",
                        "(01)10614141000019(17)270331(3100)000200(10)R-2401",
                        "(10)R-2401");
        com.lowagie.text.pdf.PdfDictionary resources =
                pdf.getPageN(1).getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES);
        com.lowagie.text.pdf.PdfDictionary images = resources.getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT);
        assertThat(images.getKeys()).hasSize(label.symbols().size());
        for (com.lowagie.text.pdf.PdfName name : images.getKeys()) {
            com.lowagie.text.pdf.PdfObject image = com.lowagie.text.pdf.PdfReader.getPdfObject(images.get(name));
            assertThat(((com.lowagie.text.pdf.PdfDictionary) image).get(com.lowagie.text.pdf.PdfName.SUBTYPE))
                    .isEqualTo(com.lowagie.text.pdf.PdfName.IMAGE);
        }
        pdf.close();
    }

    // ---------------------------------------------------------------- ZPL

    @Test
    void zplHasTheExactCommandsForBothSymbolsAndReadsBackAsTheSameData() {
        Label label = renderer.lotLabel(resin("R-2401", LocalDate.of(2027, 3, 31), kg("200")), LabelSymbology.BOTH);

        String zpl = renderer.zpl(label);

        assertThat(zpl).startsWith("^XA\n^CI28\n^PW812\n^LL1218\n^LH0,0\n").endsWith("^PQ1\n^XZ\n");
        assertThat(zpl).contains("^BY2^BCN,183,N,N,N^FD>;>8011061414100001917270331310000020010>6R->52401^FS\n");
        assertThat(zpl)
                .containsPattern(
                        "\\^BXN,\\d+,200,(\\d+),\\1,,_\\^FD_1011061414100001917270331310000020010R-2401\\^FS\n");
        assertThat(zpl).contains("^FH^FD(01)10614141000019(17)270331(3100)000200(10)R-2401^FS");
        Gs1Decoder decoder = Gs1Decoder.create().withClock(CLOCK);
        assertThat(decoder.decode("]C1" + ZplCode128.decode(field(zpl, "\\^BCN[^F]*\\^FD")))
                        .elements())
                .isEqualTo(decoder.decode("]C1" + label.symbols().get(0).data()).elements());
    }

    @Test
    void zplEscapesEverythingThatCouldBreakOutOfAFieldOrChangeTheBarcode() {
        LotLabelData lot = new LotLabelData(
                ItemCode.of("RM-RESIN"), "Caustic ^XA~JA_50% <b>", RESIN_GTIN, LotCode.of("A>B_C"), null, null);

        String zpl = renderer.zpl(renderer.lotLabel(lot, LabelSymbology.BOTH));

        assertThat(zpl).contains("^FH^FDCaustic _5EXA_7EJA_5F50% _3Cb_3E^FS");
        assertThat(zpl).doesNotContain("~").containsOnlyOnce("^XA").containsOnlyOnce("^XZ");
        assertThat(field(zpl, "\\^BCN[^F]*\\^FD")).isEqualTo(">;>8011061414100001910>6A><B_C");
        assertThat(ZplCode128.decode(field(zpl, "\\^BCN[^F]*\\^FD"))).isEqualTo("0110614141000019" + "10A>B_C");
        assertThat(field(zpl, "\\^BXN[^F]*\\^FD")).isEqualTo("_10110614141000019" + "10A>B__C");
    }

    @Test
    void zplCode128SwitchesToCodeCForDigitRunsAndWritesGsAsFnc1() {
        String data = "0110614141000019" + "10AB12345" + (char) 29 + "3024";
        String field = ZplLabels.code128(data, true);
        assertThat(field).isEqualTo(">;>80110614141000019" + "10>6AB1>52345>8" + "3024");
        assertThat(ZplCode128.decode(field)).isEqualTo(data);
    }

    private static String field(String zpl, String before) {
        Matcher m = Pattern.compile(before + "(.*?)\\^FS").matcher(zpl);
        assertThat(m.find()).as("a field after " + before).isTrue();
        return m.group(1);
    }

    // ---------------------------------------------------------------- QR

    @Test
    void qrCodeReadsBackAsItsText() {
        byte[] png = QrCodes.png("LKE-7Q2M-91XD", 240);

        assertThat(LabelScanner.image(png).getWidth()).isEqualTo(240);
        assertThat(LabelScanner.scan(LabelScanner.image(png)))
                .extracting(LabelScanner.Read::scan)
                .containsExactly("]Q1LKE-7Q2M-91XD");
        assertThatThrownBy(() -> QrCodes.png("", 240)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.png("x", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
