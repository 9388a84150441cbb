package org.lotkeeper.server.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.db.Jdbc;

/**
 * Turns a bearer token into who is calling. Device tokens and partner credentials are looked up
 * on every request, so a revoked one stops at once; user tokens are verified by signature and the user must still
 * exist and be enabled, with the roles and sites they have now.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The {@link SecurityIdentity} attribute that holds the {@link Actor}. */
    public static final String ACTOR = "lotkeeper.actor";

    /** The only role of the configured metrics token: it reads {@code /q/metrics}, nothing else. */
    public static final String METRICS_ROLE = "METRICS";

    @Inject
    SecurityConfig config;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    PartnerCredentials partnerCredentials;

    @Inject
    DataSource dataSource;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        return context.runBlocking(() -> identityFor(token));
    }

    SecurityIdentity identityFor(String token) {
        if (isMetricsToken(token)) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("metrics-scraper"))
                    .addRole(METRICS_ROLE)
                    .build();
        }
        Actor actor = token.startsWith(DeviceService.TOKEN_PREFIX)
                ? device(token)
                : token.startsWith(PartnerCredentials.TOKEN_PREFIX) ? partnerCredentials.actor(token) : user(token);
        Set<String> roles = new HashSet<>();
        if (actor.isDevice()) {
            roles.add(Actor.DEVICE_ROLE);
        } else if (actor.isPartner()) {
            roles.add(Actor.EPCIS_PARTNER_ROLE);
        } else {
            // ADMIN holds every right of the others: @RolesAllowed("QA") admits an ADMIN.
            Set<Role> effective = actor.roles().contains(Role.ADMIN) ? Set.of(Role.values()) : actor.roles();
            effective.forEach(r -> roles.add(r.name()));
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(actor.id()))
                .addRoles(roles)
                .addAttribute(ACTOR, actor)
                .build();
    }

    private boolean isMetricsToken(String token) {
        return config.metricsToken()
                .filter(t -> t.length() >= MetricsTokenCheck.MIN_LENGTH)
                .map(t -> java.security.MessageDigest.isEqual(
                        Secrets.sha256(t).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        Secrets.sha256(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private Actor device(String token) {
        return Jdbc.withConnection(dataSource, "reading who is calling", c -> {
            Actor device = Jdbc.one(
                    c,
                    "SELECT device_id, site FROM device WHERE token_hash = ? AND revoked_at IS NULL",
                    rs -> Actor.device(rs.getString("device_id"), rs.getString("site")),
                    Secrets.sha256(token));
            if (device == null) {
                throw new AuthenticationFailedException("unknown or revoked device token");
            }
            return device;
        });
    }

    /**
     * The user the token names, as they are now: one statement (every request pays for it) that
     * reads whether they are enabled, their token version, roles and sites, and whether this token
     * was signed out.
     */
    private Actor user(String token) {
        TokenService.UserClaims claims =
                tokens.verify(token).orElseThrow(() -> new AuthenticationFailedException("invalid or expired token"));
        return Jdbc.withConnection(dataSource, "reading who is calling", c -> {
            Current user = Jdbc.one(
                    c,
                    "SELECT u.enabled, u.token_version, " + UserService.ROLES_AND_SITES + ", "
                            + "EXISTS (SELECT 1 FROM revoked_token t WHERE t.jti = ?) AS revoked "
                            + "FROM app_user u WHERE u.user_id = ?",
                    rs -> new Current(
                            rs.getBoolean("enabled"),
                            rs.getInt("token_version"),
                            KnownRoles.of(Jdbc.strings(rs, "roles")),
                            Set.copyOf(Jdbc.strings(rs, "sites")),
                            rs.getBoolean("revoked")),
                    // no token id: looked up as the empty id, never stored, and refused below
                    claims.tokenId() == null ? "" : claims.tokenId(),
                    claims.userId());
            if (user == null || !user.enabled()) {
                throw new AuthenticationFailedException("user no longer active");
            }
            // a new password (or a disabled account) moved the version on; a signed-out token is listed
            if (claims.version() != user.tokenVersion() || claims.tokenId() == null || user.revoked()) {
                throw new AuthenticationFailedException("token signed out or superseded");
            }
            return Actor.user(claims.userId(), user.roles(), user.sites());
        });
    }

    /** A user's standing as the database holds it now, and whether the token at hand was signed out. */
    private record Current(boolean enabled, int tokenVersion, Set<Role> roles, Set<String> sites, boolean revoked) {}
}
