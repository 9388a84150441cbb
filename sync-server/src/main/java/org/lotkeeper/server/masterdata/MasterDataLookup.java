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
import java.util.function.Function;

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

    /**
     * What one request names, read in one round trip: its items (with pack units and approved
     * suppliers), locations and partners by code, and which of its sites exist. Codes not in
     * master data are simply absent.
     */
    public record Named(
            Map<String, ItemInfo> items,
            Map<String, LocationInfo> locations,
            Map<String, PartnerInfo> partners,
            Set<String> sites) {}

    private static final String BY_CODE = "code = ANY (?::varchar[])";
    private static final String PAGE = "code > ? ORDER BY code LIMIT ?";
    private static final String ALL = "true ORDER BY code";

    /** The items, locations, partners and sites of these codes, in one round trip (see {@link Named}). */
    public Named named(
            Collection<String> itemCodes,
            Collection<String> locationCodes,
            Collection<String> partnerCodes,
            Collection<String> siteCodes) {
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<ItemInfo> items = addItems(q, BY_CODE, array(itemCodes));
        Jdbc.Rows<LocationInfo> locations = addLocations(q, BY_CODE, array(locationCodes));
        Jdbc.Rows<PartnerInfo> partners = addPartners(q, BY_CODE, array(partnerCodes));
        Jdbc.Rows<String> sites =
                q.add("SELECT code FROM site WHERE " + BY_CODE, rs -> rs.getString(1), array(siteCodes));
        run(q);
        return new Named(
                byCode(items.get(), ItemInfo::code),
                byCode(locations.get(), LocationInfo::code),
                byCode(partners.get(), PartnerInfo::code),
                Set.copyOf(sites.get()));
    }

    public Map<String, ItemInfo> items(Collection<String> codes) {
        return codes.isEmpty()
                ? new HashMap<>()
                : byCode(rows(q -> addItems(q, BY_CODE, array(codes))), ItemInfo::code);
    }

    public Optional<ItemInfo> item(String code) {
        return Optional.ofNullable(items(List.of(code)).get(code));
    }

    public Map<String, LocationInfo> locations(Collection<String> codes) {
        return codes.isEmpty()
                ? new HashMap<>()
                : byCode(rows(q -> addLocations(q, BY_CODE, array(codes))), LocationInfo::code);
    }

    public Map<String, PartnerInfo> partners(Collection<String> codes) {
        return codes.isEmpty()
                ? new HashMap<>()
                : byCode(rows(q -> addPartners(q, BY_CODE, array(codes))), PartnerInfo::code);
    }

    /** Items in code order after {@code after} (a page key; "" for the first page). */
    public List<ItemInfo> itemPage(String after, int limit) {
        return rows(q -> addItems(q, PAGE, after, limit));
    }

    /** Locations of every site in code order after {@code after}. */
    public List<LocationInfo> locationPage(String after, int limit) {
        return rows(q -> addLocations(q, PAGE, after, limit));
    }

    /** Partners in code order after {@code after}. */
    public List<PartnerInfo> partnerPage(String after, int limit) {
        return rows(q -> addPartners(q, PAGE, after, limit));
    }

    public List<ItemInfo> allItems() {
        return rows(q -> addItems(q, ALL));
    }

    public List<LocationInfo> locationsOfSite(String site) {
        return rows(q -> addLocations(q, "site = ? ORDER BY code", site));
    }

    public List<PartnerInfo> allPartners() {
        return rows(q -> addPartners(q, ALL));
    }

    /** The rows of one query list built by {@code add}, in one round trip. */
    private <T> List<T> rows(Function<Jdbc.Queries, Jdbc.Rows<T>> add) {
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<T> rows = add.apply(q);
        run(q);
        return rows.get();
    }

    private void run(Jdbc.Queries q) {
        Jdbc.withConnection(dataSource, "master data lookup", c -> {
            q.run(c);
            return null;
        });
    }

    private static Object array(Collection<String> codes) {
        return codes.toArray(String[]::new);
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        Map<String, T> out = new HashMap<>();
        rows.forEach(r -> out.put(code.apply(r), r));
        return out;
    }

    /**
     * Items chosen by {@code where} (a condition on {@code item}, with its order and limit), each
     * with its pack units and approved suppliers (in code order): three queries of one round trip,
     * the item rows last, so that their mapper finds the other two read.
     */
    private static Jdbc.Rows<ItemInfo> addItems(Jdbc.Queries q, String where, Object... params) {
        String chosen = "item_code IN (SELECT code FROM item WHERE " + where + ")";
        PacksAndSuppliers of = new PacksAndSuppliers(
                q.add(
                        "SELECT item_code, code, factor FROM item_pack_unit WHERE " + chosen,
                        rs -> new PacksAndSuppliers.Pack(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)),
                        params),
                q.add(
                        "SELECT item_code, partner_code FROM item_supplier WHERE " + chosen
                                + " ORDER BY item_code, partner_code",
                        rs -> new PacksAndSuppliers.Supplier(rs.getString(1), rs.getString(2)),
                        params));
        return q.add(
                "SELECT code, name, gtin, base_uom, qc_required, coa_required, shelf_life_days,"
                        + " min_remaining_shelf_life_days, lot_numbering, lot_pattern, retest_interval_days"
                        + " FROM item WHERE " + where,
                rs -> new ItemInfo(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("gtin"),
                        Uom.valueOf(rs.getString("base_uom")),
                        rs.getBoolean("qc_required"),
                        rs.getBoolean("coa_required"),
                        rs.getObject("shelf_life_days", Integer.class),
                        rs.getInt("min_remaining_shelf_life_days"),
                        LotNumbering.valueOf(rs.getString("lot_numbering")),
                        rs.getString("lot_pattern"),
                        of.packUnits(rs.getString("code")),
                        of.suppliers(rs.getString("code")),
                        rs.getObject("retest_interval_days", Integer.class)),
                params);
    }

    /** The pack units and approved suppliers of the items of one query, by item, once read. */
    private static final class PacksAndSuppliers {

        record Pack(String item, String code, BigDecimal factor) {}

        record Supplier(String item, String partner) {}

        private final Jdbc.Rows<Pack> packRows;
        private final Jdbc.Rows<Supplier> supplierRows;
        private Map<String, Map<String, BigDecimal>> packs;
        private Map<String, List<String>> suppliers;

        PacksAndSuppliers(Jdbc.Rows<Pack> packRows, Jdbc.Rows<Supplier> supplierRows) {
            this.packRows = packRows;
            this.supplierRows = supplierRows;
        }

        Map<String, BigDecimal> packUnits(String item) {
            if (packs == null) {
                packs = new HashMap<>();
                packRows.get()
                        .forEach(p -> packs.computeIfAbsent(p.item(), k -> new HashMap<>())
                                .put(p.code(), p.factor()));
            }
            return Map.copyOf(packs.getOrDefault(item, Map.of()));
        }

        List<String> suppliers(String item) {
            if (suppliers == null) {
                suppliers = new HashMap<>();
                supplierRows
                        .get()
                        .forEach(s -> suppliers
                                .computeIfAbsent(s.item(), k -> new ArrayList<>())
                                .add(s.partner()));
            }
            return List.copyOf(suppliers.getOrDefault(item, List.of()));
        }
    }

    private static Jdbc.Rows<LocationInfo> addLocations(Jdbc.Queries q, String where, Object... params) {
        return q.add(
                "SELECT code, site, type, pick_sequence FROM location WHERE " + where,
                rs -> new LocationInfo(
                        rs.getString("code"),
                        rs.getString("site"),
                        LocationType.valueOf(rs.getString("type")),
                        rs.getInt("pick_sequence")),
                params);
    }

    private static Jdbc.Rows<PartnerInfo> addPartners(Jdbc.Queries q, String where, Object... params) {
        return q.add(
                "SELECT code, name, kind, gln, min_remaining_shelf_life_days,"
                        + " phone, street, city, region, postal_code, country FROM partner WHERE " + where,
                rs -> new PartnerInfo(
                        rs.getString("code"),
                        rs.getString("name"),
                        PartnerKind.valueOf(rs.getString("kind")),
                        rs.getString("gln"),
                        rs.getInt("min_remaining_shelf_life_days"),
                        LocationDescription.read(rs)),
                params);
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
}
