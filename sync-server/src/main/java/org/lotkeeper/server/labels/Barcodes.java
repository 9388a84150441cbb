package org.lotkeeper.server.labels;

import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;

/** ZXing's symbols for a {@link Symbol}: one pixel a module, no quiet zone. */
final class Barcodes {

    /** ZXing's Code128Writer writes FNC1 for this character. */
    static final char ZXING_FNC1 = '\u00f1';

    private Barcodes() {
    }

    static BitMatrix matrix(Symbol symbol) {
        try {
            return switch (symbol.type()) {
                case GS1_128 -> new Code128Writer().encode(ZXING_FNC1 + symbol.data().replace((char) 29, ZXING_FNC1),
                        BarcodeFormat.CODE_128, 0, 1, margin(0));
                case CODE_128 -> new Code128Writer().encode(symbol.data(), BarcodeFormat.CODE_128, 0, 1, margin(0));
                case GS1_DATAMATRIX -> dataMatrix((char) 29 + symbol.data(), true);
                case DATAMATRIX -> dataMatrix(symbol.data(), false);
            };
        } catch (WriterException | IllegalArgumentException e) {
            throw new LabelException("the barcode data cannot be encoded: " + e.getMessage());
        }
    }

    private static BitMatrix dataMatrix(String data, boolean gs1) throws WriterException {
        Map<EncodeHintType, Object> hints = margin(0);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        if (gs1) {
            // ZXing 3.5 honours GS1_FORMAT only in its compact (minimal) encoder, which then writes
            // each GS of the content as the FNC1 codeword: the leading GS is the GS1 start FNC1.
            hints.put(EncodeHintType.DATA_MATRIX_COMPACT, true);
            hints.put(EncodeHintType.GS1_FORMAT, true);
        }
        return new DataMatrixWriter().encode(data, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
    }

    private static Map<EncodeHintType, Object> margin(int modules) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, modules);
        return hints;
    }
}
