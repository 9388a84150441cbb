package org.lotkeeper.server.labels;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample labels of docs/LABELS.md, with Riverside data: each is read back, then written as
 * PNG (and the lot label as PDF and ZPL) to {@code target/label-samples}, or to the directory in
 * {@code -Dlotkeeper.label-samples=...}:
 * {@code ./mvnw -B -pl sync-server test -Dtest=LabelSamplesTest -Dlotkeeper.label-samples=$PWD/docs/labels}.
 */
class LabelSamplesTest {

    final LabelRenderer renderer = new LabelRenderer(LabelRendererTest.CLOCK);

    @Test
    void samplesReadBackAndAreWritten() throws IOException {
        Path out = Path.of(System.getProperty("lotkeeper.label-samples", "target/label-samples"));
        Files.createDirectories(out);
        Label lot = renderer.lotLabel(
                new LotLabelData(
                        ItemCode.of("RM-RESIN"),
                        "Acrylic resin",
                        Gtin.of("10614141000019"),
                        LotCode.of("R-2401"),
                        LocalDate.of(2027, 5, 31),
                        Quantity.of(new BigDecimal("200"), Uom.KGM)),
                LabelSymbology.BOTH);
        Label noGtin = renderer.lotLabel(
                new LotLabelData(
                        ItemCode.of("RM-WATER"),
                        "Demineralised process water",
                        null,
                        LotCode.of("W-2611-07"),
                        null,
                        Quantity.of(new BigDecimal("1000"), Uom.LTR)),
                LabelSymbology.GS1_128);
        Label pallet = renderer.ssccLabel(new SsccLabelData(
                Sscc.of("006141410000000012"),
                List.of(new SsccLabelData.Content(
                        ItemCode.of("FG-PRIMER"),
                        "Grey primer, 20 L pail",
                        Gtin.of("10614141000101"),
                        LotCode.of("PR-1001"),
                        LocalDate.of(2028, 11, 30),
                        Quantity.of(new BigDecimal("40"), Uom.H87),
                        40L))));
        for (var sample : List.of(
                List.of("lot-label", lot),
                List.of("lot-label-without-gtin", noGtin),
                List.of("sscc-pallet-label", pallet))) {
            Label label = (Label) sample.get(1);
            byte[] png = renderer.render(label, LabelFormat.PNG);
            assertThat(LabelScanner.scanEachSymbol(png, label))
                    .hasSize(label.symbols().size())
                    .allSatisfy(r -> assertThat(r.format()).as(r.scan()).isNotNull());
            Files.write(out.resolve(sample.get(0) + ".png"), png);
        }
        Files.write(out.resolve("lot-label.pdf"), renderer.render(lot, LabelFormat.PDF));
        Files.write(out.resolve("lot-label.zpl"), renderer.render(lot, LabelFormat.ZPL));
        assertThat(out.resolve("lot-label.zpl")).content().startsWith("^XA");
    }
}
