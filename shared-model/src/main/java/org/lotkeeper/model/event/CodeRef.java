package org.lotkeeper.model.event;

/**
 * A master-data code named in an event, with where it was named.
 *
 * @param kind  what the code names
 * @param value the code, as text
 * @param field the field path relative to the event, e.g. {@code payload.inputs[1].item}
 */
public record CodeRef(Kind kind, String value, String field) {

    /** What kind of master data a code names. */
    public enum Kind {
        /** An item code: unknown ones are UNKNOWN_ITEM. */
        ITEM,
        /** A location code: unknown ones (or ones of another site) are UNKNOWN_LOCATION. */
        LOCATION,
        /** A partner code (supplier, customer): unknown ones are UNKNOWN_PARTNER. */
        PARTNER,
        /**
         * Another site (a transfer's sending or receiving site): unknown ones are UNKNOWN_SITE, the
         * event's own site INVALID_FIELD.
         */
        SITE
    }
}
