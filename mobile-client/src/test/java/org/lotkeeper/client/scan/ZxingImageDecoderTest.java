package org.lotkeeper.client.scan;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Symbology;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.scan.ScanRecogniser;

import static org.assertj.core.api.Assertions.assertThat;

class ZxingImageDecoderTest {

    private static final char FNC1 = '\u00f1';
    private static final String GS = "\u001d";
    private static final Executor SAME_THREAD = Runnable::run;
    private final ScanRecogniser recogniser = new ScanRecogniser(Gs1Decoder.create());

    private static BufferedImage code128(String contents, int width, int height) {
        BitMatrix m = new Code128Writer()
                .encode(contents, BarcodeFormat.CODE_128, width, height, Map.of(EncodeHintType.MARGIN, 20));
        return MatrixToImageWriter.toBufferedImage(m);
    }

    /** DataMatrixWriter draws no quiet zone; a printed label has one. */
    private static BufferedImage withQuietZone(BufferedImage image) {
        BufferedImage framed =
                new BufferedImage(image.getWidth() + 40, image.getHeight() + 40, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = framed.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        g.drawImage(image, 20, 20, null);
        g.dispose();
        return framed;
    }

    private static Optional<RawScan> decode(BufferedImage image) throws Exception {
        return new ZxingImageDecoder(SAME_THREAD)
                .decode(image, ScanSource.IMAGE)
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void gs1128WithFnc1DecodesToTheRiversideLabelAsAScannerSendsIt() throws Exception {
        BufferedImage image = code128(
                FNC1 + "011061414100001910ACR-778" + FNC1 + "172703313100001000" + FNC1 + "400PO-7780", 800, 120);

        Optional<RawScan> scan = decode(image);

        assertThat(scan).hasValueSatisfying(s -> {
            assertThat(s.text())
                    .isEqualTo("]C1011061414100001910ACR-778" + GS + "172703313100001000" + GS + "400PO-7780");
            assertThat(s.symbology()).isEqualTo(Symbology.GS1_128);
            assertThat(s.source()).isEqualTo(ScanSource.IMAGE);
        });
        assertThat(recogniser.recognise(scan.get().text()))
                .isInstanceOfSatisfying(
                        Scan.Product.class,
                        p -> assertThat(p.data().lot().orElseThrow().value()).isEqualTo("ACR-778"));
    }

    @Test
    void gs1DataMatrixLosesItsLeadingGsAndGetsTheD2Identifier() throws Exception {
        // With GS1_FORMAT, ZXing's writer encodes every GS of the content as FNC1: the first one
        // makes it a GS1 DataMatrix, the second separates the lot from the expiry.
        BitMatrix m = new DataMatrixWriter()
                .encode(
                        GS + "011061414100002610TX-55" + GS + "17280630",
                        BarcodeFormat.DATA_MATRIX,
                        200,
                        200,
                        Map.of(EncodeHintType.GS1_FORMAT, true));

        Optional<RawScan> scan = decode(withQuietZone(MatrixToImageWriter.toBufferedImage(m)));

        assertThat(scan).hasValueSatisfying(s -> {
            assertThat(s.text()).isEqualTo("]d2011061414100002610TX-55" + GS + "17280630");
            assertThat(s.symbology()).isEqualTo(Symbology.GS1_DATAMATRIX);
        });
        assertThat(recogniser.recognise(scan.get().text()))
                .isInstanceOfSatisfying(
                        Scan.Product.class,
                        p -> assertThat(p.data().expiry().orElseThrow()).hasToString("2028-06-30"));
    }

    @Test
    void qrWithADigitalLinkDecodesToAProductWithItsLotAndExpiry() throws Exception {
        String link = "https://id.gs1.org/01/10614141000033/10/SV-12?17=270930";
        BitMatrix m = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 300, 300);

        Optional<RawScan> scan = decode(MatrixToImageWriter.toBufferedImage(m));

        assertThat(scan).hasValueSatisfying(s -> assertThat(s.text()).endsWith(link));
        assertThat(recogniser.recognise(scan.get().text())).isInstanceOfSatisfying(Scan.Product.class, p -> {
            assertThat(p.data().lot().orElseThrow().value()).isEqualTo("SV-12");
            assertThat(p.data().expiry().orElseThrow()).hasToString("2027-09-30");
        });
    }

    @Test
    void ean13DecodesToItsGtin() throws Exception {
        BitMatrix m = new EAN13Writer()
                .encode("9501101530003", BarcodeFormat.EAN_13, 400, 150, Map.of(EncodeHintType.MARGIN, 20));

        Optional<RawScan> scan = decode(MatrixToImageWriter.toBufferedImage(m));

        assertThat(scan).hasValueSatisfying(s -> assertThat(s.symbology()).isEqualTo(Symbology.EAN_UPC));
        assertThat(recogniser.recognise(scan.get().text()))
                .isInstanceOfSatisfying(
                        Scan.Product.class,
                        p -> assertThat(p.data().gtin().orElseThrow().value()).isEqualTo("09501101530003"));
    }

    @Test
    void plainCode128LocationLabelIsRecognisedAsACode() throws Exception {
        Optional<RawScan> scan = decode(code128("RCV-DOCK-1", 400, 100));

        assertThat(scan).isPresent();
        assertThat(recogniser.recognise(scan.get().text())).isEqualTo(new Scan.Code("RCV-DOCK-1"));
    }

    @Test
    void aBarcodeTurnedSidewaysIsFoundByTheTryHarderFallback() throws Exception {
        BufferedImage upright = code128(FNC1 + "0109501101530003", 400, 100);
        @SuppressWarnings("ArgumentSelectionDefectChecker") // turned a quarter: its width is the upright height
        BufferedImage turned = new BufferedImage(upright.getHeight(), upright.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < upright.getWidth(); x++) {
            for (int y = 0; y < upright.getHeight(); y++) {
                turned.setRGB(y, upright.getWidth() - 1 - x, upright.getRGB(x, y));
            }
        }

        assertThat(decode(turned)).hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("]C10109501101530003"));
    }

    @Test
    void anEmptyPictureGivesNoScan() throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);

        assertThat(decode(blank)).isEmpty();
    }

    @Test
    void decodingRunsOnTheGivenExecutorNotOnTheCaller() throws Exception {
        AtomicInteger submitted = new AtomicInteger();
        AtomicReference<Thread> worker = new AtomicReference<>();
        Executor executor = task -> {
            submitted.incrementAndGet();
            Thread t = new Thread(task, "zxing-worker");
            worker.set(t);
            t.start();
        };
        AtomicReference<String> ranOn = new AtomicReference<>();

        Optional<RawScan> scan = new ZxingImageDecoder(executor)
                .decode(code128("WH-A-01", 300, 80), ScanSource.CAMERA)
                .whenComplete((r, e) ->
                        ranOn.compareAndSet(null, Thread.currentThread().getName()))
                .get(5, TimeUnit.SECONDS);

        assertThat(submitted).hasValue(1);
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(scan).hasValueSatisfying(s -> assertThat(s.source()).isEqualTo(ScanSource.CAMERA));
    }
}
