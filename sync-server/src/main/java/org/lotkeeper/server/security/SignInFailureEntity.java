package org.lotkeeper.server.security;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Failed sign-ins of one user name (as typed) from one client address, and the lock they earned. */
@Entity
@Table(name = "sign_in_failure")
class SignInFailureEntity extends PanacheEntityBase {

    /** SHA-256 of the user name and the client address. */
    @Id
    public String id;

    /** SHA-256 of the user name alone. */
    @Column(name = "user_key")
    public String userKey;

    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
