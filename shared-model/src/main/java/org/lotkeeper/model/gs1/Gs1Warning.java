package org.lotkeeper.model.gs1;

/**
 * Something valid but suspicious in a scan, to show the operator before the data is used.
 *
 * @param code     stable code for machines
 * @param ai       the AI whose value looks wrong
 * @param position zero-based index in the scanned text of the suspicious part; -1 when unknown
 * @param message  one sentence for the operator
 */
public record Gs1Warning(Code code, String ai, int position, String message) {

    /** Kinds of warning. */
    public enum Code {
        /**
         * A variable-length value (lot, serial …) ends with what looks like another AI and its
         * value, e.g. lot {@code ABC12317251231}: a separator was probably lost between them.
         */
        POSSIBLY_LOST_SEPARATOR
    }
}
