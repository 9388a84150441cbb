/**
 * Talking to the server: {@link org.lotkeeper.client.sync.SyncClient} (one OkHttpClient, one
 * Retrofit, {@link org.lotkeeper.client.sync.SyncApi} and {@link org.lotkeeper.client.sync.EnrollApi}),
 * {@link org.lotkeeper.client.sync.ApiCalls} (every outcome classified once), and the
 * {@link org.lotkeeper.client.sync.SyncEngine} (push the outbox, pull reference data, retry with
 * backoff, report {@link org.lotkeeper.client.sync.SyncStatus}).
 */
package org.lotkeeper.client.sync;
