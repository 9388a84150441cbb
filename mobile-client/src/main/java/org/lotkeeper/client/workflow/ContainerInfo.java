package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.Sscc;

/**
 * What the device knows of a container (pallet, case).
 *
 * @param sscc     the container
 * @param location where it is
 * @param contents what it holds, one line per lot
 */
public record ContainerInfo(Sscc sscc, LocationCode location, List<ContainerLine> contents) {

    public ContainerInfo {
        Objects.requireNonNull(sscc, "sscc");
        Objects.requireNonNull(location, "location");
        contents = List.copyOf(contents);
    }
}
