package org.lotkeeper.server.ledger;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.Flag;

/** A rule break found at ingest: the flag, the lot it concerns (if one) and a sentence for a supervisor. */
record RaisedFlag(Flag flag, LotRef lot, String detail) {}
