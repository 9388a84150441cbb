package org.lotkeeper.server.masterdata;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.lotkeeper.model.lot.LocationType;

@Entity
@Table(name = "location")
class LocationEntity extends PanacheEntityBase {
    @Id
    public String code;

    public String site;

    @Enumerated(EnumType.STRING)
    public LocationType type;

    @Column(name = "pick_sequence")
    public int pickSequence;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
