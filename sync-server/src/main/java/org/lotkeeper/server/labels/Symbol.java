package org.lotkeeper.server.labels;

import java.util.List;
import java.util.Objects;

/**
 * One barcode on a label.
 *
 * @param type          how it is drawn
 * @param data          what it encodes; for the GS1 types the element string with GS (ASCII 29)
 *                      where FNC1 separates a field, without the leading FNC1 (the writer adds it)
 * @param humanReadable the text printed with it, one entry a line: {@code (01)09501101530003(10)ABC123}
 *                      under a GS1-128 symbol, one {@code (AI)value} a line beside a DataMatrix
 */
public record Symbol(Type type, String data, List<String> humanReadable) {

    /** The symbologies a Lotkeeper label uses. */
    public enum Type {
        /** GS1-128: Code 128 starting with FNC1. */
        GS1_128,
        /** GS1 DataMatrix: ECC 200 starting with FNC1. */
        GS1_DATAMATRIX,
        /** Plain Code 128: one of the plant's own codes (ScanRecogniser's internal barcodes). */
        CODE_128,
        /** Plain DataMatrix: one of the plant's own codes. */
        DATAMATRIX;

        public boolean gs1() {
            return this == GS1_128 || this == GS1_DATAMATRIX;
        }

        public boolean linear() {
            return this == GS1_128 || this == CODE_128;
        }
    }

    public Symbol {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        humanReadable = List.copyOf(humanReadable);
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            boolean separator = c == 29 && type.gs1();
            if (!separator && (c < '!' || c > '~' || c == '^' || c == '~' || c == '\\')) {
                // GS1 set 82 and the internal code rule are subsets of this; nothing else goes in a barcode.
                throw new IllegalArgumentException("a barcode on a label may not contain the character U+"
                        + String.format("%04X", (int) c) + " (position " + (i + 1) + ")");
            }
        }
    }
}
