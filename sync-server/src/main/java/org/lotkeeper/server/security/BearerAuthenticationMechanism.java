package org.lotkeeper.server.security;

import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads {@code Authorization: Bearer <token>}: a user's signed token or a device token. No header
 * means an anonymous caller, which {@code @RolesAllowed} answers with 401.
 *
 * <p>Under {@code /console} only, a user token may also come in the console's session cookie
 * ({@link #SESSION_COOKIE}: HttpOnly, SameSite=Strict). The API never reads the cookie, so a
 * browser's ambient credentials never reach it. A cookie that no longer verifies (expired,
 * user disabled) makes the console caller anonymous, and the console asks them to sign in again.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String BEARER = "bearer ";

    /** The console's session cookie: the same signed user token the API issues. */
    public static final String SESSION_COOKIE = "lk_session";

    /** The path prefix where the session cookie is read. */
    public static final String CONSOLE_PATH = "/console";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && isConsole(context)) {
            Cookie session = context.request().getCookie(SESSION_COOKIE);
            if (session == null
                    || session.getValue().isEmpty()
                    || session.getValue().startsWith(DeviceService.TOKEN_PREFIX)) {
                return Uni.createFrom().optional(java.util.Optional.empty());
            }
            return identities
                    .authenticate(new TokenAuthenticationRequest(new TokenCredential(session.getValue(), "cookie")))
                    .onFailure(AuthenticationFailedException.class)
                    .recoverWithNull();
        }
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String token = header.substring(BEARER.length()).trim();
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
    }

    static boolean isConsole(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(CONSOLE_PATH) || path.startsWith(CONSOLE_PATH + "/");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"lotkeeper\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
