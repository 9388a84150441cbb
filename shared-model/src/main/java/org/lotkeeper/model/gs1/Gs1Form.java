package org.lotkeeper.model.gs1;

/** How the GS1 data was written in the scanned text. */
public enum Gs1Form {
    /** AIs and values run together, FNC1 sent as GS (or the device's replacement character). */
    ELEMENT_STRING,
    /** Human-readable text with AIs in parentheses: {@code (01)09501101530003(10)ABC123}. */
    HUMAN_READABLE,
    /** A GS1 Digital Link URI: {@code https://id.gs1.org/01/09501101530003/10/ABC123}. */
    DIGITAL_LINK,
    /** An EAN-13, UPC-A or EAN-8 number: a GTIN alone. */
    EAN_UPC,
    /** Built in code with {@link Gs1Data#builder()}. */
    BUILT
}
