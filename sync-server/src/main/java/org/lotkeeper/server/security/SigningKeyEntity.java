package org.lotkeeper.server.security;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "signing_key")
class SigningKeyEntity extends PanacheEntityBase {

    @Id
    public String kid;

    public String algorithm;

    @Column(name = "private_key")
    public String privateKey;

    @Column(name = "public_key")
    public String publicKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
