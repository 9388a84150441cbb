/**
 * The device's durable store on SQLite: {@link org.lotkeeper.client.store.SqliteStore} opens one
 * file with the {@link org.lotkeeper.client.store.Outbox} (capture: event and local view in one
 * transaction), the {@link org.lotkeeper.client.store.ReferenceCache} (pulled reference data and
 * cursor), the {@link org.lotkeeper.client.store.StoreView} (queries for the workflows) and the
 * {@link org.lotkeeper.client.store.DeviceSettings}.
 */
package org.lotkeeper.client.store;
