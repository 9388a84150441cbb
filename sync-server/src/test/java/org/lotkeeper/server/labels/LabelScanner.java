package org.lotkeeper.server.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

/**
 * Reads a label image as a handheld would: every barcode on it with ZXing (GS1-128 with
 * {@code ASSUME_GS1}, so FNC1 separators come back as GS), answered as scanner output — the
 * symbology identifier ({@code ]C1}, {@code ]d2} …) followed by the data, the leading GS of a
 * GS1 DataMatrix stripped — ready for {@code Gs1Decoder} or {@code ScanRecogniser}.
 */
public final class LabelScanner {

    public record Read(BarcodeFormat format, String scan, int top) {}

    private LabelScanner() {}

    public static BufferedImage image(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Aims the scanner at each symbol of the label in turn, as an operator does: the region of the
     * image where the layout put it, with a margin of white around it, read on its own.
     */
    static List<Read> scanEachSymbol(byte[] png, Label label) {
        BufferedImage image = image(png);
        LabelLayout layout = LabelLayout.of(label, LabelRenderer.PNG_DPI);
        List<Read> out = new ArrayList<>();
        for (LabelLayout.Op op : layout.ops) {
            if (op instanceof LabelLayout.Bars b) {
                int pad = 12 * b.module();
                int x = Math.max(0, b.x() - pad);
                int y = Math.max(0, b.y() - pad);
                int w = Math.min(image.getWidth() - x, b.width() + 2 * pad);
                int h = Math.min(image.getHeight() - y, b.height() + 2 * pad);
                BufferedImage region = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                java.awt.Graphics2D g = region.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
                // only the symbol and its quiet zone: neighbouring text is not in the scanner's aim
                g.drawImage(image.getSubimage(b.x(), b.y(), b.width(), b.height()), b.x() - x, b.y() - y, null);
                g.dispose();
                List<Read> found = scan(region);
                if (found.isEmpty()) {
                    // ZXing's locator misses some well-formed DataMatrix symbols in a busy crop; an aimed
                    // imager sees the symbol alone in its quiet zone, which is what PURE_BARCODE reads
                    found = scanPure(region);
                }
                out.add(
                        found.size() == 1
                                ? new Read(found.get(0).format(), found.get(0).scan(), b.y())
                                : new Read(null, "NOT READ: " + found, b.y()));
            }
        }
        return out;
    }

    /** The one symbol of an image that holds only it and its quiet zone; empty when it does not read. */
    static List<Read> scanPure(BufferedImage image) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.PURE_BARCODE, true);
        hints.put(DecodeHintType.ASSUME_GS1, true);
        try {
            return List.of(read(new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints)));
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** Every barcode on the image, top to bottom; empty when none is found. */
    public static List<Read> scan(BufferedImage image) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.ASSUME_GS1, true);
        hints.put(DecodeHintType.TRY_HARDER, true);
        hints.put(
                DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result[] results;
        try {
            results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints);
        } catch (NotFoundException e) {
            return List.of();
        }
        List<Read> out = new ArrayList<>();
        for (Result r : results) {
            Read read = read(r);
            if (out.stream().noneMatch(o -> o.scan().equals(read.scan()))) {
                out.add(read);
            }
        }
        out.sort(Comparator.comparingInt(Read::top));
        return out;
    }

    /** A result as a scanner hands it over: symbology identifier first, a DataMatrix's leading GS stripped. */
    private static Read read(Result r) {
        String identifier = (String) r.getResultMetadata().getOrDefault(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "");
        String text = r.getText();
        if (r.getBarcodeFormat() == BarcodeFormat.DATA_MATRIX && !text.isEmpty() && text.charAt(0) == 29) {
            text = text.substring(1);
        }
        String scan = text.startsWith("]") ? text : identifier + text;
        int top = r.getResultPoints().length == 0 ? 0 : (int) r.getResultPoints()[0].getY();
        return new Read(r.getBarcodeFormat(), scan, top);
    }
}
