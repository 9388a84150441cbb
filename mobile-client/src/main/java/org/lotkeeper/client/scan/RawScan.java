package org.lotkeeper.client.scan;

import java.util.Objects;

import org.lotkeeper.model.gs1.Symbology;

/**
 * One scan as it enters the workflows, whatever its source: the text exactly as the decoder should
 * read it (a GS1 symbology identifier such as {@code ]C1} kept in front, separators as GS, ASCII
 * 29), the symbology that identifier names, and the source.
 *
 * @param text      the scanned text; never null (may be empty: the workflows answer with an error)
 * @param symbology the symbology named by the text's identifier, {@link Symbology#NONE} without one
 * @param source    where the text came from
 */
public record RawScan(String text, Symbology symbology, ScanSource source) {

    /** Checks that nothing is null. */
    public RawScan {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(source, "source");
    }

    /** A scan whose symbology is read from the identifier at the start of {@code text}. */
    public static RawScan of(String text, ScanSource source) {
        return new RawScan(text, symbologyOf(text), source);
    }

    /** Text typed by a person (a keypad, a text field): source {@link ScanSource#MANUAL}. */
    public static RawScan manual(String text) {
        return of(text == null ? "" : text.strip(), ScanSource.MANUAL);
    }

    /**
     * The symbology named by an AIM identifier ({@code ]C1}, {@code ]d2} …) at the start of the
     * text; {@link Symbology#OTHER} for an identifier Lotkeeper does not name, {@link Symbology#NONE}
     * without one.
     */
    public static Symbology symbologyOf(String text) {
        if (text == null || text.length() < 3 || text.charAt(0) != ']') {
            return Symbology.NONE;
        }
        String id = text.substring(0, 3);
        if (id.equals("]E4")) {
            return Symbology.EAN_UPC;
        }
        for (Symbology s : Symbology.values()) {
            if (!s.identifier().isEmpty() && s.identifier().equals(id)) {
                return s;
            }
        }
        return Symbology.OTHER;
    }
}
