/**
 * The sync server: {@code ledger}, {@code sync}, {@code masterdata}, {@code trace},
 * {@code quality}, {@code tasks}, {@code security}, {@code console}. Resources are thin, logic
 * lives in services, persistence stays inside its package.
 */
package org.lotkeeper.server;
