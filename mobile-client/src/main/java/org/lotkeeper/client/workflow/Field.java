package org.lotkeeper.client.workflow;

import java.util.Objects;

/**
 * One filled-in value shown on the screen, e.g. {@code Lot: R-2401}.
 *
 * @param label what it is
 * @param value its value as shown
 */
public record Field(String label, String value) {

    public Field {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
