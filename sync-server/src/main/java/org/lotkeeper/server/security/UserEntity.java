package org.lotkeeper.server.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class UserEntity extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    public String name;
    public String badge;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "pin_hash")
    public String pinHash;

    public boolean enabled = true;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Tokens carry the version they were issued under; a new password or disabling moves it on. */
    @Column(name = "token_version")
    public int tokenVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    public Set<String> roles = new HashSet<>(); // names; read through KnownRoles

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_site", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "site")
    public Set<String> sites = new HashSet<>();
}
