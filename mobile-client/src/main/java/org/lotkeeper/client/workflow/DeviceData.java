package org.lotkeeper.client.workflow;

/**
 * All the workflows' read ports at once, as one device's local data implements them (the SQLite
 * store's adapter, the tests' in-memory view). Workflows see the parts through
 * {@link WorkflowContext}; only wiring names this type.
 */
public interface DeviceData extends ReferenceData, StockView, TaskView, LotHistory {}
