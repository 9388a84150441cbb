package org.lotkeeper.model.event;

/** The event types of the wire contract (PROTOCOL.md). */
public enum EventType {
    RECEIVE, MOVE, PICK, COUNT, SHIP, TRANSFORM, STATUS, RETURN, ADJUST, PACK, UNPACK
}
