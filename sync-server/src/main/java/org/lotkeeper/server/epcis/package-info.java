/**
 * EPCIS 2.0 capture (docs/INTEROP.md): a partner's documents checked against GS1's schema, each
 * event stored once (by its eventID, else GS1's CBV 2.0 event hash), a supplier's shipping events
 * turned into expected receipts and its TransformationEvents into upstream genealogy, kept apart
 * from the plant's own ledger.
 */
package org.lotkeeper.server.epcis;
