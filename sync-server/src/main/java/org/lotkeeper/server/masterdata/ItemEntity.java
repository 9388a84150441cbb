package org.lotkeeper.server.masterdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.quantity.Uom;

@Entity
@Table(name = "item")
class ItemEntity extends PanacheEntityBase {
    @Id
    public String code;

    public String name;
    public String gtin;

    @Column(name = "base_uom")
    @Enumerated(EnumType.STRING)
    public Uom baseUom;

    @Column(name = "qc_required")
    public boolean qcRequired;

    @Column(name = "coa_required")
    public boolean coaRequired;

    @Column(name = "shelf_life_days")
    public Integer shelfLifeDays;

    @Column(name = "retest_interval_days")
    public Integer retestIntervalDays;

    @Column(name = "min_remaining_shelf_life_days")
    public int minRemainingShelfLifeDays;

    @Column(name = "lot_numbering")
    @Enumerated(EnumType.STRING)
    public LotNumbering lotNumbering;

    @Column(name = "lot_pattern")
    public String lotPattern;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_pack_unit", joinColumns = @JoinColumn(name = "item_code"))
    @MapKeyColumn(name = "code")
    @Column(name = "factor")
    @OrderBy
    public Map<String, BigDecimal> packUnits = new LinkedHashMap<>();

    /** Its approved suppliers, by partner code. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_supplier", joinColumns = @JoinColumn(name = "item_code"))
    @Column(name = "partner_code")
    @OrderBy
    public Set<String> suppliers = new LinkedHashSet<>();
}
