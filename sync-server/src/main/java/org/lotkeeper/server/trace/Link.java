package org.lotkeeper.server.trace;

import java.time.Instant;
import java.util.UUID;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;

/**
 * One genealogy edge as the {@code lot_link} projection holds it: input lot {@code from} fed
 * output lot {@code to} in a TRANSFORM. The quantity is what the projection records (the input
 * quantity; for a split with one input, the output quantity); see docs/TRACE.md.
 */
public record Link(
        long id,
        LotRef from,
        LotRef to,
        Quantity quantity,
        String kind,
        String batch,
        UUID eventId,
        Instant occurredAt) {}
