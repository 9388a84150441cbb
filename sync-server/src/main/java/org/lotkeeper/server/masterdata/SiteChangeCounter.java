package org.lotkeeper.server.masterdata;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.server.db.Jdbc;

/**
 * Each site's change number ({@code site_change}): raised in the transaction that changes what a
 * device pulls whole — a task created, closed or cancelled at the site; any master data — and
 * read by devices every few seconds ({@code GET /api/v1/sync/changes}) to know when to pull.
 * Never on the ingest path: pushed events reach devices through the pull cycle as before.
 */
@ApplicationScoped
public class SiteChangeCounter {

    @Inject
    DataSource dataSource;

    /** Raises the site's number (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String site) {
        Jdbc.withConnection(
                dataSource,
                "site change",
                c -> Jdbc.update(
                        c,
                        "INSERT INTO site_change (site, version) VALUES (?, 1) "
                                + "ON CONFLICT (site) DO UPDATE SET version = site_change.version + 1",
                        site));
    }

    /** Raises every site's number (master data and users belong to all of them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedEverywhere() {
        Jdbc.withConnection(
                dataSource,
                "site change",
                c -> Jdbc.update(
                        c,
                        "INSERT INTO site_change (site, version) SELECT code, 1 FROM site "
                                + "ON CONFLICT (site) DO UPDATE SET version = site_change.version + 1"));
    }

    /** The site's number, 0 before its first change. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long version(String site) {
        Long v = Jdbc.withConnection(
                dataSource,
                "site change",
                c -> Jdbc.one(c, "SELECT version FROM site_change WHERE site = ?", rs -> rs.getLong(1), site));
        return v == null ? 0 : v;
    }
}
