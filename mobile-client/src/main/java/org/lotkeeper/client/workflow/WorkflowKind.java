package org.lotkeeper.client.workflow;

/** The workflows a device offers (a device profile names which). */
public enum WorkflowKind {
    LOGIN,
    RECEIVE,
    MOVE,
    PICK,
    COUNT,
    SHIP,
    PRODUCE,
    RETURN,
    LOOKUP,
    HOLD,
    PACK,
    /** Receiving a transfer from a sister site. */
    TRANSFER_IN
}
