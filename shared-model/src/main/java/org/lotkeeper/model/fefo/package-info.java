/**
 * FEFO-guided picking (docs/DOMAIN.md), as pure functions shared by the device (guidance, offline) and
 * the server (pick lists, validation at ingest): {@link org.lotkeeper.model.fefo.Fefo#allocate}
 * plans which lots to pick for an order line, {@link org.lotkeeper.model.fefo.Fefo#checkScan}
 * judges a scanned lot, and {@link org.lotkeeper.model.fefo.DeviationJustification} says whether a
 * deviation carries an acceptable reason.
 */
package org.lotkeeper.model.fefo;
