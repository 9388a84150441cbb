package org.lotkeeper.server.pallets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.SsccBlock;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;

/**
 * Hands out SSCC numbers in blocks that never overlap (docs/DOMAIN.md, "Containers"): to a device
 * with its pull, so it numbers pallets offline, and to the console for a roll of blank pallet
 * labels. Blocks are numbered per company prefix (sites may share one) under a transaction-scoped
 * advisory lock, so two servers never hand out the same numbers.
 */
@ApplicationScoped
public class SsccBlocks {

    private static final Logger LOG = Logger.getLogger(SsccBlocks.class);

    /** SSCCs in a device's block: a few days of pallets between syncs. */
    public static final int DEVICE_BLOCK = 200;
    /** A device with fewer unused SSCCs than this gets a new block at its next sync. */
    public static final int LOW = 50;
    /** Blocks a device may get per day: a bound on what a stolen or broken device can draw. */
    static final int DEVICE_BLOCKS_PER_DAY = 10;
    /** The most labels of one roll printed in the console. */
    public static final int MAX_ROLL = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    MasterDataLookup masterData;

    @Inject
    Clock clock;

    /**
     * The block a device's pull carries, if any: the device's newest block again when it does not
     * hold it yet (the answer that carried it was lost), else a new one when it runs low. None for a
     * client that did not say what it holds, for a site without a company prefix, or past the
     * device's daily bound.
     *
     * @param known the id of the newest block the device holds (0: none), or null for an older client
     * @param left  how many unused SSCCs it holds
     */
    @Transactional
    public Optional<SsccBlock> forDevice(String deviceId, String site, Long known, int left) {
        if (known == null) {
            return Optional.empty();
        }
        Optional<SsccBlock> newest = Jdbc.withConnection(
                dataSource,
                "newest SSCC block",
                c -> Optional.ofNullable(Jdbc.one(
                        c,
                        "SELECT id, company_prefix, first_number, count FROM sscc_block WHERE device_id = ? "
                                + "ORDER BY id DESC LIMIT 1",
                        SsccBlocks::block,
                        deviceId)));
        if (newest.isPresent() && newest.get().id() > known) {
            return newest;
        }
        if (left >= LOW) {
            return Optional.empty();
        }
        Optional<CompanyPrefix> prefix = prefixOf(site);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        long today = Jdbc.withConnection(
                dataSource,
                "SSCC blocks today",
                c -> Jdbc.one(
                        c,
                        "SELECT count(*) FROM sscc_block WHERE device_id = ? AND issued_at > ?",
                        rs -> rs.getLong(1),
                        deviceId,
                        dayAgo));
        if (today >= DEVICE_BLOCKS_PER_DAY) {
            LOG.warnf(
                    "device %s asked for a %dth SSCC block within a day; it gets none until tomorrow",
                    deviceId, today + 1);
            return Optional.empty();
        }
        return Optional.of(issue(prefix.get(), DEVICE_BLOCK, site, deviceId, null));
    }

    /**
     * A block for a roll of blank pallet labels printed in the console.
     *
     * @throws Refused NO_COMPANY_PREFIX when the site has none, SSCCS_USED_UP when the prefix is full
     */
    @Transactional
    public SsccBlock forRoll(String site, int count, String user) {
        CompanyPrefix prefix = prefixOf(site)
                .orElseThrow(() -> Refused.of(
                        ErrorCode.NO_COMPANY_PREFIX,
                        "site " + site + " has no GS1 company prefix in master data (sites[].gs1CompanyPrefix); "
                                + "an administrator adds it before pallet labels can be numbered",
                        "site"));
        return issue(prefix, count, site, null, user);
    }

    /**
     * The site whose block holds this SSCC (a roll's blank label, a device's New pallet), when one
     * does: its blank label may be printed again before anything is packed on it.
     */
    @Transactional
    public Optional<String> siteOf(Sscc sscc) {
        String v = sscc.value();
        return Optional.ofNullable(Jdbc.withConnection(
                dataSource,
                "SSCC block of an SSCC",
                c -> Jdbc.one(
                        c,
                        "SELECT site FROM sscc_block WHERE company_prefix = substr(?, 2, length(company_prefix)) "
                                + "AND (substr(?, 1, 1) || substr(?, 2 + length(company_prefix), 16 - length(company_prefix)))"
                                + "::bigint BETWEEN first_number AND first_number + count - 1 LIMIT 1",
                        rs -> rs.getString(1),
                        v,
                        v,
                        v)));
    }

    private Optional<CompanyPrefix> prefixOf(String site) {
        return masterData
                .site(site)
                .map(MasterDataLookup.SiteInfo::companyPrefix)
                .map(CompanyPrefix::of);
    }

    private SsccBlock issue(CompanyPrefix prefix, int count, String site, String deviceId, String user) {
        return Jdbc.withConnection(dataSource, "issue SSCC block", c -> {
            Jdbc.one(
                    c,
                    "SELECT pg_advisory_xact_lock(hashtext('sscc_block:' || ?))",
                    rs -> Boolean.TRUE,
                    prefix.value());
            long first = Jdbc.one(
                    c,
                    "SELECT coalesce(max(first_number + count), 0) FROM sscc_block WHERE company_prefix = ?",
                    rs -> rs.getLong(1),
                    prefix.value());
            if (first + count > prefix.ssccCapacity()) {
                throw Refused.of(
                        ErrorCode.SSCCS_USED_UP,
                        "the GS1 company prefix " + prefix + " has " + (prefix.ssccCapacity() - first)
                                + " SSCC numbers left, fewer than " + count);
            }
            long id = Jdbc.one(
                    c,
                    "INSERT INTO sscc_block (company_prefix, first_number, count, site, device_id, issued_by, issued_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    rs -> rs.getLong(1),
                    prefix.value(),
                    first,
                    count,
                    site,
                    deviceId,
                    user,
                    clock.instant());
            return new SsccBlock(id, prefix, first, count);
        });
    }

    private static SsccBlock block(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SsccBlock(rs.getLong(1), CompanyPrefix.of(rs.getString(2)), rs.getLong(3), rs.getInt(4));
    }
}
