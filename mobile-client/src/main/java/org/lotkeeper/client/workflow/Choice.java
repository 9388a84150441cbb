package org.lotkeeper.client.workflow;

import java.util.Objects;

/**
 * One one-tap choice on a screen.
 *
 * @param value what {@link Command.Choose} hands back (a reason code, a kind, the reason's text)
 * @param label what the operator reads on the button
 */
public record Choice(String value, String label) {

    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
