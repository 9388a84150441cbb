package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import org.lotkeeper.model.lot.LotRef;

/** Walks the genealogy ({@code lot_link}) from some lots, forward to descendants or backward to ancestors. */
public interface GenealogyWalk {

    Walk walk(Connection c, Collection<LotRef> starts, boolean forward) throws SQLException;
}
