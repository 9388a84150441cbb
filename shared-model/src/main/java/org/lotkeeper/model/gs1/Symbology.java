package org.lotkeeper.model.gs1;

/**
 * The barcode symbology, from the AIM symbology identifier the scanner sends before the data
 * ({@code ]C1} …). {@link #NONE} when the scanner sent no identifier.
 */
public enum Symbology {
    /** {@code ]C1}: GS1-128. */
    GS1_128("]C1"),
    /** {@code ]e0}: GS1 DataBar. */
    GS1_DATABAR("]e0"),
    /** {@code ]d2}: GS1 DataMatrix. */
    GS1_DATAMATRIX("]d2"),
    /** {@code ]Q3}: GS1 QR Code. */
    GS1_QR("]Q3"),
    /** {@code ]J1}: GS1 DotCode. */
    GS1_DOTCODE("]J1"),
    /** {@code ]d1}: plain DataMatrix (may carry a GS1 Digital Link URI). */
    DATAMATRIX("]d1"),
    /** {@code ]Q1}: plain QR Code (may carry a GS1 Digital Link URI). */
    QR("]Q1"),
    /** {@code ]E0}, {@code ]E4}: EAN-13, UPC-A, EAN-8. */
    EAN_UPC("]E0"),
    /** {@code ]C0}: plain Code 128. */
    CODE_128("]C0"),
    /** Any other identifier (Code 39 {@code ]A0}, …). */
    OTHER(""),
    /** No identifier was sent. */
    NONE("");

    private final String identifier;

    Symbology(String identifier) {
        this.identifier = identifier;
    }

    /** The usual identifier, e.g. {@code "]C1"}; empty for {@link #OTHER} and {@link #NONE}. */
    public String identifier() {
        return identifier;
    }

    /** True for symbologies whose data is a GS1 element string (FNC1 in first position). */
    public boolean carriesElementString() {
        return this == GS1_128
                || this == GS1_DATABAR
                || this == GS1_DATAMATRIX
                || this == GS1_QR
                || this == GS1_DOTCODE;
    }

    /** The symbology for an identifier's code and modifier characters ({@code 'C', '1'}). */
    static Symbology of(char code, char modifier) {
        return switch (code) {
            case 'C' -> modifier == '1' ? GS1_128 : modifier == '0' ? CODE_128 : OTHER;
            case 'e' -> modifier == '0' ? GS1_DATABAR : OTHER;
            case 'd' -> modifier == '2' ? GS1_DATAMATRIX : modifier == '1' ? DATAMATRIX : OTHER;
            case 'Q' -> modifier == '3' ? GS1_QR : modifier == '1' ? QR : OTHER;
            case 'J' -> modifier == '1' ? GS1_DOTCODE : OTHER;
            case 'E' -> modifier == '0' || modifier == '4' ? EAN_UPC : OTHER;
            default -> OTHER;
        };
    }
}
