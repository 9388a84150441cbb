package org.lotkeeper.server.masterdata;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A {@link LocationDescription} as the site and partner tables hold it (V26). */
@Embeddable
public class LocationDescriptionColumns {

    public String phone;
    public String street;
    public String city;
    public String region;

    @Column(name = "postal_code")
    public String postalCode;

    public String country;

    /** The columns of {@code d} (a new value each time: Hibernate reads all-empty columns back as no object at all). */
    static LocationDescriptionColumns of(LocationDescription d) {
        LocationDescriptionColumns c = new LocationDescriptionColumns();
        c.set(d);
        return c;
    }

    private void set(LocationDescription d) {
        phone = d.phone();
        street = d.street();
        city = d.city();
        region = d.region();
        postalCode = d.postalCode();
        country = d.country();
    }

    /** What {@code columns} hold, {@link LocationDescription#NONE} for none. */
    static LocationDescription of(LocationDescriptionColumns columns) {
        return columns == null ? LocationDescription.NONE : columns.get();
    }

    private LocationDescription get() {
        return new LocationDescription(phone, street, city, region, postalCode, country);
    }
}
