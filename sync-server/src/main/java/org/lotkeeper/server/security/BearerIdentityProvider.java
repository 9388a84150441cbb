package org.lotkeeper.server.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
                .filter(t -> t.length() >= 32)
                .map(t -> java.security.MessageDigest.isEqual(
                        Secrets.sha256(t).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        Secrets.sha256(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private Actor device(String token) {
        String hash = Secrets.sha256(token);
        return QuarkusTransaction.joiningExisting().call(() -> {
            DeviceEntity device = DeviceEntity.find("tokenHash", hash).firstResult();
            if (device == null || device.revokedAt != null) {
                throw new AuthenticationFailedException("unknown or revoked device token");
            }
            return Actor.device(device.deviceId, device.site);
        });
    }

    private Actor user(String token) {
        TokenService.UserClaims claims =
                tokens.verify(token).orElseThrow(() -> new AuthenticationFailedException("invalid or expired token"));
        return QuarkusTransaction.joiningExisting().call(() -> {
            UserEntity user = UserEntity.findById(claims.userId());
            if (user == null || !user.enabled) {
                throw new AuthenticationFailedException("user no longer active");
            }
            // a new password (or a disabled account) moved the version on; a signed-out token is listed
            if (claims.version() != user.tokenVersion || tokens.revoked(claims.tokenId())) {
                throw new AuthenticationFailedException("token signed out or superseded");
            }
            return Actor.user(user.userId, user.roles, user.sites);
        });
    }
}
