package org.lotkeeper.server.labels;

import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;

/** ZXing's symbols for a {@link Symbol}: one pixel a module, no quiet zone. */
final class Barcodes {

    /** ZXing's Code128Writer writes FNC1 for this character. */
    static final char ZXING_FNC1 = '\u00f1';

    private Barcodes() {}

    static BitMatrix matrix(Symbol symbol) {
        try {
            return switch (symbol.type()) {
                case GS1_128 ->
                    new Code128Writer()
                            .encode(
                                    ZXING_FNC1 + symbol.data().replace((char) 29, ZXING_FNC1),
                                    BarcodeFormat.CODE_128,
                                    0,
                                    1,
                                    margin(0));
                case CODE_128 -> new Code128Writer().encode(symbol.data(), BarcodeFormat.CODE_128, 0, 1, margin(0));
                case GS1_DATAMATRIX -> dataMatrix(symbol.data(), true);
                case DATAMATRIX -> dataMatrix(symbol.data(), false);
            };
        } catch (IllegalArgumentException e) {
            throw new LabelException("the barcode data cannot be encoded: " + e.getMessage());
        }
    }

    /**
     * ECC 200 in ASCII encodation, square: digit pairs as one codeword (130 + pair), other
     * characters as {@code c + 1}, FNC1 (first, and for each GS) as 232. ZXing's own writer
     * honours GS1 only in its compact encoder, which trips over FNC1 in C40 for some data
     * (an AssertionError under {@code -ea}, possibly wrong codewords without); ASCII
     * encodation is never wrong and small enough for a label's 30 to 60 characters. ZXing does
     * the rest: symbol size, Reed-Solomon, module placement.
     */
    static BitMatrix dataMatrix(String data, boolean gs1) {
        StringBuilder codewords = new StringBuilder(data.length() + 2);
        if (gs1) {
            codewords.append((char) 232);
        }
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (isDigit(c) && i + 1 < data.length() && isDigit(data.charAt(i + 1))) {
                codewords.append((char) (130 + (c - '0') * 10 + (data.charAt(i + 1) - '0')));
                i++;
            } else if (c == 29 && gs1) {
                codewords.append((char) 232);
            } else if (c < 128) {
                codewords.append((char) (c + 1));
            } else {
                throw new LabelException("a DataMatrix on a label holds ASCII only");
            }
        }
        SymbolInfo symbol = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE);
        int data0 = codewords.length();
        for (int position = data0 + 1; codewords.length() < symbol.getDataCapacity(); position++) {
            if (position == data0 + 1) {
                codewords.append((char) 129);
            } else {
                int pad = 129 + ((149 * position) % 253) + 1;
                codewords.append((char) (pad <= 254 ? pad : pad - 254));
            }
        }
        DefaultPlacement placement = new DefaultPlacement(
                ErrorCorrection.encodeECC200(codewords.toString(), symbol),
                symbol.getSymbolDataWidth(),
                symbol.getSymbolDataHeight());
        placement.place();
        return finderPatterns(placement, symbol);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The data regions with their finder (solid) and clock (alternating) edges, as ISO/IEC 16022 draws them. */
    private static BitMatrix finderPatterns(DefaultPlacement placement, SymbolInfo symbol) {
        BitMatrix matrix = new BitMatrix(symbol.getSymbolWidth(), symbol.getSymbolHeight());
        int matrixY = 0;
        for (int y = 0; y < symbol.getSymbolDataHeight(); y++) {
            if (y % symbol.matrixHeight == 0) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    set(matrix, x, matrixY, x % 2 == 0);
                }
                matrixY++;
            }
            int matrixX = 0;
            for (int x = 0; x < symbol.getSymbolDataWidth(); x++) {
                if (x % symbol.matrixWidth == 0) {
                    set(matrix, matrixX++, matrixY, true);
                }
                set(matrix, matrixX++, matrixY, placement.getBit(x, y));
                if (x % symbol.matrixWidth == symbol.matrixWidth - 1) {
                    set(matrix, matrixX++, matrixY, y % 2 == 0);
                }
            }
            matrixY++;
            if (y % symbol.matrixHeight == symbol.matrixHeight - 1) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    set(matrix, x, matrixY, true);
                }
                matrixY++;
            }
        }
        return matrix;
    }

    private static void set(BitMatrix matrix, int x, int y, boolean black) {
        if (black) {
            matrix.set(x, y);
        }
    }

    private static Map<EncodeHintType, Object> margin(int modules) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, modules);
        return hints;
    }
}
