package org.lotkeeper.server.masterdata;

import java.math.BigDecimal;
import java.util.List;

/**
 * The upsert bundle of {@code PUT /api/v1/masterdata} (docs/PROTOCOL.md). Fields are bound leniently
 * (strings, boxed numbers) and checked by {@link MasterDataService}, so every error names its
 * entry and field.
 */
public record MasterDataBundle(
        List<Site> sites,
        List<Item> items,
        List<Location> locations,
        List<Partner> partners,
        List<User> users,
        List<PartnerLocation> partnerLocations) {

    /** A bundle without partner locations. */
    public MasterDataBundle(
            List<Site> sites, List<Item> items, List<Location> locations, List<Partner> partners, List<User> users) {
        this(sites, items, locations, partners, users, null);
    }

    /**
     * One of a partner's ship-from / ship-to locations: its code (unique within the partner), name
     * (default: the partner's), GLN and location description as flat, optional fields.
     */
    public record PartnerLocation(
            String partner,
            String code,
            String name,
            String gln,
            String phone,
            String street,
            String city,
            String region,
            String postalCode,
            String country) {}

    /** A site; its location description (FSMA 204's KDEs) as flat, optional fields. */
    public record Site(
            String code,
            String name,
            String gln,
            String timeZone,
            String gs1CompanyPrefix,
            String phone,
            String street,
            String city,
            String region,
            String postalCode,
            String country) {

        public Site(String code, String name, String gln, String timeZone, String gs1CompanyPrefix) {
            this(code, name, gln, timeZone, gs1CompanyPrefix, null, null, null, null, null, null);
        }

        public Site(String code, String name, String gln, String timeZone) {
            this(code, name, gln, timeZone, null);
        }
    }

    public record Item(
            String code,
            String name,
            String gtin,
            String baseUom,
            Boolean qcRequired,
            Boolean coaRequired,
            Integer shelfLifeDays,
            Integer minRemainingShelfLifeDays,
            String lotNumbering,
            String lotPattern,
            List<PackUnit> packUnits,
            List<String> suppliers,
            Integer retestIntervalDays) {}

    public record PackUnit(String code, BigDecimal factor) {}

    public record Location(String code, String site, String type, Integer pickSequence) {}

    /** A supplier or customer; its location description (FSMA 204's KDEs) as flat, optional fields. */
    public record Partner(
            String code,
            String name,
            String kind,
            String gln,
            Integer minRemainingShelfLifeDays,
            String phone,
            String street,
            String city,
            String region,
            String postalCode,
            String country) {

        public Partner(String code, String name, String kind, String gln, Integer minRemainingShelfLifeDays) {
            this(code, name, kind, gln, minRemainingShelfLifeDays, null, null, null, null, null, null);
        }
    }

    public record User(
            String userId,
            String name,
            List<String> roles,
            List<String> sites,
            String badge,
            String pin,
            String password) {}

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
