package org.lotkeeper.server.labels;

import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as PNG, e.g. a device enrollment code for the handheld to scan. */
public final class QrCodes {

    /** Longest text accepted: enough for any code or URL the console shows, far below QR's limit. */
    public static final int MAX_TEXT = 1000;

    private QrCodes() {}

    /**
     * A black-on-white PNG of {@code size} × {@code size} pixels (whole pixels a module, a 4-module
     * quiet zone, error correction M, UTF-8).
     *
     * @throws IllegalArgumentException for empty or too long text, or a size outside 64–2048
     */
    public static byte[] png(String text, int size) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("QR text must have 1 to " + MAX_TEXT + " characters");
        }
        if (size < 64 || size > 2048) {
            throw new IllegalArgumentException("QR size must be 64 to 2048 pixels, not " + size);
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
            return PngLabels.encode(MatrixToImageWriter.toBufferedImage(matrix));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text cannot be a QR code: " + e.getMessage(), e);
        }
    }
}
