/**
 * The JSON wire contract of docs/PROTOCOL.md: the event codec ({@link org.lotkeeper.model.wire.EventJson}),
 * boundary validation with field paths ({@link org.lotkeeper.model.wire.Decoded},
 * {@link org.lotkeeper.model.wire.FieldProblem}, {@link org.lotkeeper.model.wire.ErrorCode}),
 * the push reader ({@link org.lotkeeper.model.wire.PushRequestReader}) and the push/pull/problem
 * records with their configured mapper ({@link org.lotkeeper.model.wire.WireJson}).
 */
package org.lotkeeper.model.wire;
