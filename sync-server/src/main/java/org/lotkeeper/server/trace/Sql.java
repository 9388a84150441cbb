package org.lotkeeper.server.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

import org.lotkeeper.model.lot.LotRef;

/** Lots as SQL parameters and columns: {@code unnest(?::varchar[], ?::varchar[])} pairs, (item, lot) columns. */
final class Sql {

    private Sql() {}

    static LotRef lot(ResultSet rs, String itemColumn, String lotColumn) throws SQLException {
        return LotRef.of(rs.getString(itemColumn), rs.getString(lotColumn));
    }

    /** Item codes of these lots, for {@code unnest(?::varchar[], ?::varchar[])}. */
    static String[] items(Collection<LotRef> lots) {
        return lots.stream().map(l -> l.item().value()).toArray(String[]::new);
    }

    /** Lot codes of these lots, in the same order as {@link #items}. */
    static String[] lots(Collection<LotRef> lots) {
        return lots.stream().map(l -> l.lot().value()).toArray(String[]::new);
    }
}
