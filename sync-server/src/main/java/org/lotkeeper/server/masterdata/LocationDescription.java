package org.lotkeeper.server.masterdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a site or a partner is, as FSMA 204 describes a location (21 CFR 1.1310): phone, street
 * address, city, state or region, postal code and country (ISO 3166-1 alpha-2, upper case); the
 * business name is the site's or partner's own name. Every part optional; {@link #NONE} for none.
 */
public record LocationDescription(
        String phone, String street, String city, String region, String postalCode, String country) {

    public static final LocationDescription NONE = new LocationDescription(null, null, null, null, null, null);

    static final int MAX_PHONE = 40;
    static final int MAX_STREET = 200;
    static final int MAX_PLACE = 100;
    static final int MAX_POSTAL_CODE = 20;

    /** A phone number as people write it: digits, spaces and + ( ) - . / , with at least 5 digits. */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,40}");

    /** A postal code as countries write them: letters, digits, spaces and dashes. */
    static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,19}");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The description in a row's {@code phone, street, city, region, postal_code, country} columns. */
    public static LocationDescription read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LocationDescription(
                rs.getString("phone"),
                rs.getString("street"),
                rs.getString("city"),
                rs.getString("region"),
                rs.getString("postal_code"),
                rs.getString("country"));
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code (upper case), as the JDK knows them. */
    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /**
     * The parts FSMA 204 asks of a location description that this one lacks, in words: "phone",
     * "street", "city", "postal code", "country". The state or region is not asked for: not every
     * country has one.
     */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        String[][] parts = {
            {phone, "phone"}, {street, "street"}, {city, "city"}, {postalCode, "postal code"}, {country, "country"}
        };
        for (String[] part : parts) {
            if (part[0] == null || part[0].isBlank()) {
                out.add(part[1]);
            }
        }
        return out;
    }

    /** The address on one line as people read it: "1 Dock Road, Springfield, IL 62701, US" (parts left out when absent). */
    public String address() {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {
            street, city, region == null ? postalCode : postalCode == null ? region : region + " " + postalCode, country
        }) {
            if (part != null) {
                out.append(out.isEmpty() ? "" : ", ").append(part);
            }
        }
        return out.toString();
    }
}
