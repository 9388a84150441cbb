package org.lotkeeper.client.workflow;

import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.PartnerCode;

/**
 * A shipment (delivery note) to load.
 *
 * @param shipment the shipment reference (the SHIP's {@code shipment})
 * @param customer who receives it
 */
public record ShipmentTask(Reference shipment, PartnerCode customer) {

    public ShipmentTask {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(customer, "customer");
    }
}
