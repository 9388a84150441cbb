package org.lotkeeper.model.event;

/** Why a picker took another lot than the FEFO suggestion. OTHER needs a note. */
public enum DeviationReason {
    DAMAGED_PACKAGING,
    NOT_AT_LOCATION,
    CUSTOMER_REQUEST,
    SUPERVISOR_INSTRUCTION,
    OTHER
}
