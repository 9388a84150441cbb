package org.lotkeeper.client.workflow;

import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.PartnerCode;

/**
 * A return the customer announced (RMA).
 *
 * @param reference the RMA number (the RETURN's {@code reference})
 * @param customer  who returns the goods
 */
public record ReturnAuthorisation(Reference reference, PartnerCode customer) {

    public ReturnAuthorisation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customer, "customer");
    }
}
