package org.lotkeeper.model.event;

import java.util.List;

import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.Sscc;

/**
 * UNPACK: takes lot quantities out of an SSCC container at a location.
 *
 * @param sscc     the container
 * @param location where the container is
 * @param contents what was taken out: 1 to {@value EventBounds#MAX_LINES} lines
 */
public record Unpack(Sscc sscc, LocationCode location, List<ContainerLine> contents) implements EventPayload {

    /** Checks the invariants; copies the list. */
    public Unpack {
        Checks.required(sscc, "sscc");
        Checks.required(location, "location");
        contents = Checks.lines(contents, "contents", EventBounds.MAX_LINES);
    }

    @Override
    public EventType type() {
        return EventType.UNPACK;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.unpack(this);
    }
}
