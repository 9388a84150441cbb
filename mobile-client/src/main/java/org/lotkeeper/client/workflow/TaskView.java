package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Optional;

import org.lotkeeper.model.event.Reference;

/** Read port: the work the server sent to this device (pick lists, expected receipts, delivery notes, return authorisations, transfer orders). */
public interface TaskView {

    /** The pick task of an order. */
    Optional<PickTask> pickTask(Reference order);

    /** The expected receipt (purchase order or ASN) with this reference. */
    Optional<ExpectedReceipt> expectedReceipt(Reference reference);

    /** The open expected receipts on this device, by reference. */
    List<ExpectedReceipt> expectedReceipts();

    /** The delivery note, or the transfer order to a sister site, with this reference. */
    Optional<ShipmentTask> shipment(Reference shipment);

    /** A transfer order a sister site sent here, with what is still on its way. */
    Optional<InboundTransfer> inboundTransfer(Reference transfer);

    /** The return authorisation (RMA) with this reference. */
    Optional<ReturnAuthorisation> returnAuthorisation(Reference rma);
}
