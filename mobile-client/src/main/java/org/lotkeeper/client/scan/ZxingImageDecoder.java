package org.lotkeeper.client.scan;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.lotkeeper.model.gs1.Symbology;

/**
 * Decodes a camera frame or a still image with ZXing into a {@link RawScan}, off the caller's
 * thread (never on the UI thread).
 *
 * <p>Decoding uses {@code ASSUME_GS1} (so GS1-128 keeps its FNC1 separators as GS) and only the
 * formats a plant meets ({@link #FORMATS}). A fast pass runs first; {@code TRY_HARDER} runs only
 * when the fast pass finds nothing. The text is normalised the way a wedge scanner with
 * symbology identifiers on would send it:
 * <ul>
 *   <li>GS1 DataMatrix: ZXing's leading GS (the first FNC1) is stripped and {@code ]d2} put in front;</li>
 *   <li>GS1-128: {@code ]C1} in front (ZXing 3.5 already writes it with {@code ASSUME_GS1});</li>
 *   <li>GS1 QR: {@code ]Q3}; other formats: the identifier ZXing reports ({@code ]Q1}, {@code ]C0},
 *       {@code ]E0} …), so the recogniser strips it as it strips a scanner's;</li>
 *   <li>DataBar Expanded comes back in the {@code (01)…} form and is passed on unchanged; DataBar
 *       Omnidirectional (a bare GTIN-14) becomes {@code ]e001} + the GTIN.</li>
 * </ul>
 */
public final class ZxingImageDecoder {

    /** The formats looked for. */
    public static final List<BarcodeFormat> FORMATS = List.of(
            BarcodeFormat.CODE_128,
            BarcodeFormat.DATA_MATRIX,
            BarcodeFormat.QR_CODE,
            BarcodeFormat.EAN_13,
            BarcodeFormat.EAN_8,
            BarcodeFormat.UPC_A,
            BarcodeFormat.RSS_14,
            BarcodeFormat.RSS_EXPANDED);

    private static final char GS = 29;

    private final Executor executor;
    private final Map<DecodeHintType, Object> fastHints;
    private final Map<DecodeHintType, Object> hardHints;

    /**
     * @param executor where decoding runs (a worker pool; a same-thread executor in tests)
     */
    public ZxingImageDecoder(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, FORMATS);
        hints.put(DecodeHintType.ASSUME_GS1, true);
        this.fastHints = Map.copyOf(hints);
        hints.put(DecodeHintType.TRY_HARDER, true);
        this.hardHints = Map.copyOf(hints);
    }

    /**
     * Decodes the image on the executor.
     *
     * @param image  the picture
     * @param source {@link ScanSource#CAMERA} or {@link ScanSource#IMAGE}
     * @return the scan, or empty when no barcode was found; completes exceptionally only when the
     *         executor rejects the work
     */
    public CompletableFuture<Optional<RawScan>> decode(BufferedImage image, ScanSource source) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(source, "source");
        return CompletableFuture.supplyAsync(() -> decodeNow(image, source), executor);
    }

    /** Decodes on the calling thread; for callers already on a worker. */
    public Optional<RawScan> decodeNow(BufferedImage image, ScanSource source) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        MultiFormatReader reader = new MultiFormatReader();
        Result result = attempt(reader, bitmap, fastHints);
        if (result == null) {
            result = attempt(reader, bitmap, hardHints);
        }
        return result == null ? Optional.empty() : Optional.of(toRawScan(result, source));
    }

    private static Result attempt(MultiFormatReader reader, BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return reader.decode(bitmap, hints);
        } catch (ReaderException e) {
            return null;
        } finally {
            reader.reset();
        }
    }

    /** The text as a wedge scanner with identifiers on would send it (see the class comment). */
    static RawScan toRawScan(Result result, ScanSource source) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object identifier = metadata == null ? null : metadata.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        return RawScan.of(
                normalise(result.getText(), result.getBarcodeFormat(), identifier instanceof String s ? s : null),
                source);
    }

    static String normalise(String text, BarcodeFormat format, String identifier) {
        String t = text == null ? "" : text;
        Symbology named = RawScan.symbologyOf(t);
        if (named != Symbology.OTHER && named != Symbology.NONE) {
            return t;
        }
        if (!t.isEmpty() && t.charAt(0) == GS) {
            String rest = t.substring(1);
            return switch (format) {
                case DATA_MATRIX -> "]d2" + rest;
                case QR_CODE -> "]Q3" + rest;
                case CODE_128 -> "]C1" + rest;
                default -> rest;
            };
        }
        if (format == BarcodeFormat.RSS_14 && t.length() == 14 && t.chars().allMatch(Character::isDigit)) {
            return "]e001" + t;
        }
        if (format == BarcodeFormat.RSS_EXPANDED || t.startsWith("(")) {
            return t;
        }
        if (identifier != null && identifier.length() == 3 && identifier.charAt(0) == ']') {
            return identifier + t;
        }
        return t;
    }
}
