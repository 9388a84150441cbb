package org.lotkeeper.server.labels;

import java.util.List;
import java.util.Objects;

/**
 * What goes on one label, before it is laid out: a title, lines of text for people, and the
 * barcodes. {@link LabelRenderer} makes it and turns it into PNG, PDF or ZPL.
 *
 * @param title   the kind of label, printed small at the top ("LOT", "PALLET  SSCC")
 * @param fields  the text block, top to bottom
 * @param symbols the barcodes: the linear ones stacked full width, the 2D one at the bottom left
 */
public record Label(String title, List<Field> fields, List<Symbol> symbols) {

    /**
     * One line of text: a caption and a value; {@code large} values are printed big (item, lot).
     * The value may come from master data or a barcode: every backend escapes it.
     */
    public record Field(String caption, String value, boolean large) {
        public Field {
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(value, "value");
        }
    }

    public Label {
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        symbols = List.copyOf(symbols);
    }
}
