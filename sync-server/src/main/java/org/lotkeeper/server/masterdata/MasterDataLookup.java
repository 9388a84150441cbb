package org.lotkeeper.server.masterdata;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.ItemUnits;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.KnownSites;

/** Read access to master data for the other packages, as plain records. */
@ApplicationScoped
public class MasterDataLookup implements KnownSites {

    @Inject
    DataSource dataSource;

    public record ItemInfo(
            String code,
            String name,
            String gtin,
            Uom baseUom,
            boolean qcRequired,
            boolean coaRequired,
            Integer shelfLifeDays,
            int minRemainingShelfLifeDays,
            LotNumbering lotNumbering,
            String lotPattern,
            Map<String, BigDecimal> packUnits,
            List<String> suppliers,
            Integer retestIntervalDays) {
        public ItemUnits units() {
            return new ItemUnits(
                    baseUom,
                    packUnits.entrySet().stream()
                            .map(e -> new PackUnit(e.getKey(), e.getValue()))
                            .toList());
        }
    }

    public record LocationInfo(String code, String site, LocationType type, int pickSequence) {}

    public record PartnerInfo(
            String code,
            String name,
            PartnerKind kind,
            String gln,
            int minRemainingShelfLifeDays,
            LocationDescription description) {}

    /** One of a partner's ship-from / ship-to locations (docs/API.md, "Partner locations"). */
    public record PartnerLocationInfo(
            String partner, String code, String name, String gln, LocationDescription description) {}

    /**
     * A site; {@code zone} is the one its times are shown in (its own, else the plant-wide default),
     * {@code ownZone} whether master data names one.
     */
    public record SiteInfo(
            String code,
            String name,
            String gln,
            ZoneId zone,
            boolean ownZone,
            String companyPrefix,
            LocationDescription description) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ItemInfo> items(Collection<String> codes) {
        Map<String, ItemInfo> out = new HashMap<>();
        if (!codes.isEmpty()) {
            ItemEntity.<ItemEntity>list("code in ?1", codes).forEach(e -> out.put(e.code, item(e)));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ItemInfo> item(String code) {
        return Optional.ofNullable(ItemEntity.<ItemEntity>findById(code)).map(MasterDataLookup::item);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, LocationInfo> locations(Collection<String> codes) {
        Map<String, LocationInfo> out = new HashMap<>();
        if (!codes.isEmpty()) {
            LocationEntity.<LocationEntity>list("code in ?1", codes).forEach(e -> out.put(e.code, location(e)));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, PartnerInfo> partners(Collection<String> codes) {
        Map<String, PartnerInfo> out = new HashMap<>();
        if (!codes.isEmpty()) {
            PartnerEntity.<PartnerEntity>list("code in ?1", codes).forEach(e -> out.put(e.code, partner(e)));
        }
        return out;
    }

    /** Items in code order after {@code after} (a page key; "" for the first page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ItemInfo> itemPage(String after, int limit) {
        return ItemEntity.<ItemEntity>find("code > ?1 order by code", after).page(0, limit).list().stream()
                .map(MasterDataLookup::item)
                .toList();
    }

    /** Locations of every site in code order after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocationInfo> locationPage(String after, int limit) {
        return LocationEntity.<LocationEntity>find("code > ?1 order by code", after).page(0, limit).list().stream()
                .map(MasterDataLookup::location)
                .toList();
    }

    /** Partners in code order after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerInfo> partnerPage(String after, int limit) {
        return PartnerEntity.<PartnerEntity>find("code > ?1 order by code", after).page(0, limit).list().stream()
                .map(MasterDataLookup::partner)
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String site) {
        return site(site).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SiteInfo> site(String code) {
        return Optional.ofNullable(SiteEntity.<SiteEntity>findById(code)).map(MasterDataLookup::site);
    }

    /** Sites in code order after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SiteInfo> sitePage(String after, int limit) {
        return SiteEntity.<SiteEntity>find("code > ?1 order by code", after).page(0, limit).list().stream()
                .map(MasterDataLookup::site)
                .toList();
    }

    /**
     * The zone to show times of these sites in (every site when {@code sites} is null): theirs when
     * they share one, else the plant-wide default — a time always names its zone, so a page across
     * plants stays unambiguous.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneId zoneOf(Collection<String> sites) {
        if (sites != null && sites.isEmpty()) {
            return PlantTime.zone();
        }
        List<SiteEntity> found = sites == null ? SiteEntity.listAll() : SiteEntity.list("code in ?1", sites);
        Set<ZoneId> zones = new HashSet<>();
        found.forEach(s -> zones.add(site(s).zone()));
        return zones.size() == 1 ? zones.iterator().next() : PlantTime.zone();
    }

    private static SiteInfo site(SiteEntity s) {
        return new SiteInfo(
                s.code,
                s.name,
                s.gln,
                s.timeZone == null ? PlantTime.zone() : ZoneId.of(s.timeZone),
                s.timeZone != null,
                s.companyPrefix,
                LocationDescriptionColumns.of(s.description));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ItemInfo> allItems() {
        return ItemEntity.<ItemEntity>list("order by code").stream()
                .map(MasterDataLookup::item)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocationInfo> locationsOfSite(String site) {
        return LocationEntity.<LocationEntity>list("site = ?1 order by code", site).stream()
                .map(MasterDataLookup::location)
                .toList();
    }

    /** The locations of these partners, by partner, in code order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<PartnerLocationInfo>> partnerLocations(Collection<String> partners) {
        Map<String, List<PartnerLocationInfo>> out = new HashMap<>();
        if (partners.isEmpty()) {
            return out;
        }
        Jdbc.withConnection(
                        dataSource,
                        "partner locations",
                        c -> Jdbc.query(
                                c,
                                "SELECT * FROM partner_location WHERE partner = ANY (?::varchar[]) ORDER BY partner, code",
                                rs -> new PartnerLocationInfo(
                                        rs.getString("partner"),
                                        rs.getString("code"),
                                        rs.getString("name"),
                                        rs.getString("gln") == null
                                                ? null
                                                : rs.getString("gln").strip(),
                                        LocationDescription.read(rs)),
                                (Object) partners.toArray(String[]::new)))
                .forEach(l ->
                        out.computeIfAbsent(l.partner(), k -> new ArrayList<>()).add(l));
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerInfo> allPartners() {
        return PartnerEntity.<PartnerEntity>list("order by code").stream()
                .map(MasterDataLookup::partner)
                .toList();
    }

    private static ItemInfo item(ItemEntity e) {
        return new ItemInfo(
                e.code,
                e.name,
                e.gtin,
                e.baseUom,
                e.qcRequired,
                e.coaRequired,
                e.shelfLifeDays,
                e.minRemainingShelfLifeDays,
                e.lotNumbering,
                e.lotPattern,
                Map.copyOf(e.packUnits),
                List.copyOf(e.suppliers),
                e.retestIntervalDays);
    }

    private static LocationInfo location(LocationEntity e) {
        return new LocationInfo(e.code, e.site, e.type, e.pickSequence);
    }

    private static PartnerInfo partner(PartnerEntity e) {
        return new PartnerInfo(
                e.code,
                e.name,
                e.kind,
                e.gln,
                e.minRemainingShelfLifeDays,
                LocationDescriptionColumns.of(e.description));
    }
}
