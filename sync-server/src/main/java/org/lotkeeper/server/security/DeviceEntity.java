package org.lotkeeper.server.security;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "device")
class DeviceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "device_id")
    public String deviceId;

    public String site;
    public String label;
    public String model;
    public String profile;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "pin_salt")
    public String pinSalt;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    @Column(name = "enrolled_by")
    public String enrolledBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** Assigned by the database (a sequence) at insert. */
    @Column(name = "tag_number", insertable = false, updatable = false)
    public Long tagNumber;
}
