package org.lotkeeper.model.lot;

/**
 * Why a status change was refused: a stable code for machines (problem+json, device messages).
 * The sentence for people travels beside it in {@link StatusDecision.Refused#message()}.
 */
public enum StatusRefusal {
    /**
     * The change is not in the status table (docs/DOMAIN.md), the lot already has that status, the lot
     * is REJECTED or RECALLED (final), RECALLED was asked outside a real recall, or a device asked
     * for anything but ON_HOLD. The status endpoint answers 409; a pushed STATUS event is REJECTED.
     */
    INVALID_TRANSITION,
    /** The change is in the table, but none of the actor's roles may make it (403). */
    ROLE_NOT_ALLOWED,
    /**
     * A release from QUARANTINE of an item that requires a COA, while no COA or test result is
     * linked to the lot (409).
     */
    COA_MISSING
}
