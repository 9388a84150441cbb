package org.lotkeeper.model.event;

import java.util.Objects;

import org.lotkeeper.model.lot.LotRef;

/**
 * A lot named in an event, with where it was named.
 *
 * @param lot   the lot
 * @param field the field path relative to the event, e.g. {@code payload.outputs[0].lot}
 */
public record LotField(LotRef lot, String field) {

    public LotField {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(field, "field");
    }
}
