/**
 * The capture workflows, below the UI (no JavaFX): one state machine per job — {@link
 * org.lotkeeper.client.workflow.LoginWorkflow}, {@link org.lotkeeper.client.workflow.ReceiveWorkflow},
 * {@link org.lotkeeper.client.workflow.MoveWorkflow}, {@link org.lotkeeper.client.workflow.PickWorkflow},
 * {@link org.lotkeeper.client.workflow.CountWorkflow}, {@link org.lotkeeper.client.workflow.ShipWorkflow},
 * {@link org.lotkeeper.client.workflow.ProduceWorkflow}, {@link org.lotkeeper.client.workflow.ReturnWorkflow},
 * {@link org.lotkeeper.client.workflow.LookupWorkflow}, {@link org.lotkeeper.client.workflow.HoldWorkflow}.
 * Each is driven through {@link org.lotkeeper.client.workflow.Workflow#handle} by
 * {@link org.lotkeeper.client.workflow.Command}s, shows an immutable
 * {@link org.lotkeeper.client.workflow.Screen}, and ends in the event payloads of docs/PROTOCOL.md,
 * stored through the {@link org.lotkeeper.client.workflow.CapturePort}. What the device knows comes
 * from four read ports: {@link org.lotkeeper.client.workflow.ReferenceData},
 * {@link org.lotkeeper.client.workflow.StockView}, {@link org.lotkeeper.client.workflow.TaskView}
 * and {@link org.lotkeeper.client.workflow.LotHistory}. GS1 parsing, FEFO, availability, status
 * rules and lot numbering are the shared model's; nothing here reimplements them.
 */
package org.lotkeeper.client.workflow;
