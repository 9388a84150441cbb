package org.lotkeeper.server.masterdata;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "site")
class SiteEntity extends PanacheEntityBase {
    @Id
    public String code;

    public String name;
    public String gln;

    /** An IANA zone name; null: the plant-wide default. */
    @Column(name = "time_zone")
    public String timeZone;

    /** The GS1 company prefix its pallets' SSCCs are numbered under; null: none. */
    @Column(name = "gs1_company_prefix")
    public String companyPrefix;

    /** Where it is (V26): phone, street, city, region, postal code, country; null when none is given. */
    @Embedded
    public LocationDescriptionColumns description;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
