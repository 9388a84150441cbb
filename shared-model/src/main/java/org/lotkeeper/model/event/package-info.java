/**
 * The event model: every change to stock or status is an immutable {@link org.lotkeeper.model.event.Event}
 * with a typed {@link org.lotkeeper.model.event.EventPayload}. No JSON here: the wire form lives in
 * {@code org.lotkeeper.model.wire}.
 */
package org.lotkeeper.model.event;
