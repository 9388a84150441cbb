package org.lotkeeper.server.security;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user token signed out before it expired: refused until {@code expiresAt}. */
@Entity
@Table(name = "revoked_token")
class RevokedTokenEntity extends PanacheEntityBase {

    @Id
    public String jti;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
