package org.lotkeeper.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;

/**
 * Partners' credentials for the EPCIS capture: an administrator issues one for a partner and the
 * sites its documents may address; the token is shown once (only its SHA-256 is kept), is looked
 * up on every request, admits nothing but the capture, and stops at once when revoked.
 */
@ApplicationScoped
public class PartnerCredentials {

    public static final String TOKEN_PREFIX = "lkp_";

    /** A credential as listed (never its token). */
    public record Credential(
            UUID id,
            String partner,
            String label,
            List<String> sites,
            String createdBy,
            Instant createdAt,
            String revokedBy,
            Instant revokedAt) {}

    /** A credential just issued, with its token: the only time it is shown. */
    public record Issued(Credential credential, String token) {}

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Issues a credential; the caller has checked the partner and the sites against master data. */
    @Transactional
    public Issued issue(Actor by, String partner, String label, Set<String> sites) {
        String token = TOKEN_PREFIX + Secrets.random(32);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<String> siteList = List.copyOf(new TreeSet<>(sites));
        Jdbc.withConnection(
                dataSource,
                "partner credential",
                c -> Jdbc.update(
                        c,
                        "INSERT INTO partner_credential (id, partner, label, sites, token_hash, created_by, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        id,
                        partner,
                        label,
                        siteList.toArray(String[]::new),
                        Secrets.sha256(token),
                        by.id(),
                        now));
        audit.record(
                by.id(),
                "PARTNER_CREDENTIAL_ISSUED",
                id.toString(),
                null,
                "EPCIS capture for " + partner + " into " + String.join(", ", siteList) + ": " + label);
        return new Issued(new Credential(id, partner, label, siteList, by.id(), now, null, null), token);
    }

    /** A partner's credentials, newest first. */
    @Transactional
    public List<Credential> of(String partner) {
        return Jdbc.withConnection(
                dataSource,
                "partner credential",
                c -> Jdbc.query(
                        c,
                        "SELECT * FROM partner_credential WHERE partner = ? ORDER BY created_at DESC, id",
                        rs -> new Credential(
                                rs.getObject("id", UUID.class),
                                rs.getString("partner"),
                                rs.getString("label"),
                                Jdbc.strings(rs, "sites"),
                                rs.getString("created_by"),
                                Jdbc.instant(rs, "created_at"),
                                rs.getString("revoked_by"),
                                Jdbc.instant(rs, "revoked_at")),
                        partner));
    }

    /** Revokes a credential of {@code partner}: 404 for another's or an unknown one; revoking twice changes nothing. */
    @Transactional
    public void revoke(Actor by, String partner, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refused.notFound("no credential " + id + " of " + partner);
        }
        int changed = Jdbc.withConnection(dataSource, "partner credential", c -> {
            if (Jdbc.query(c, "SELECT 1 FROM partner_credential WHERE id = ? AND partner = ?", rs -> 1, uuid, partner)
                    .isEmpty()) {
                throw Refused.notFound("no credential " + id + " of " + partner);
            }
            return Jdbc.update(
                    c,
                    "UPDATE partner_credential SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    by.id(),
                    clock.instant(),
                    uuid);
        });
        if (changed > 0) {
            audit.record(by.id(), "PARTNER_CREDENTIAL_REVOKED", id, null, "EPCIS capture for " + partner);
        }
    }

    /** The caller a token names, or an authentication failure for an unknown or revoked one. */
    Actor actor(String token) {
        List<Actor> found = Jdbc.withConnection(
                dataSource,
                "partner credential",
                c -> Jdbc.query(
                        c,
                        "SELECT partner, sites FROM partner_credential WHERE token_hash = ? AND revoked_at IS NULL",
                        rs -> Actor.partner(rs.getString("partner"), Set.copyOf(Jdbc.strings(rs, "sites"))),
                        Secrets.sha256(token)));
        if (found.isEmpty()) {
            throw new AuthenticationFailedException("unknown or revoked partner credential");
        }
        return found.get(0);
    }
}
