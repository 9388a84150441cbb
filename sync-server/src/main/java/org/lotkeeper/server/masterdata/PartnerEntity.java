package org.lotkeeper.server.masterdata;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.lotkeeper.model.master.PartnerKind;

@Entity
@Table(name = "partner")
class PartnerEntity extends PanacheEntityBase {
    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public PartnerKind kind;

    public String gln;

    @Column(name = "min_remaining_shelf_life_days")
    public int minRemainingShelfLifeDays;

    /** Where it is (V26): phone, street, city, region, postal code, country; null when none is given. */
    @Embedded
    public LocationDescriptionColumns description;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
