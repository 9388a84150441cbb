package org.lotkeeper.model.event;

import java.util.List;

import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.Sscc;

/**
 * PACK: puts lot quantities into an SSCC container at a location.
 *
 * @param sscc     the container
 * @param location where the container is
 * @param contents what was put in: 1 to {@value EventBounds#MAX_LINES} lines
 */
public record Pack(Sscc sscc, LocationCode location, List<ContainerLine> contents) implements EventPayload {

    /** Checks the invariants; copies the list. */
    public Pack {
        Checks.required(sscc, "sscc");
        Checks.required(location, "location");
        contents = Checks.lines(contents, "contents", EventBounds.MAX_LINES);
    }

    @Override
    public EventType type() {
        return EventType.PACK;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.pack(this);
    }
}
