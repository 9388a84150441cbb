package org.lotkeeper.server.security;

import java.time.Instant;
import java.util.List;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/** Sign-in for console users and integrations. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record TokenRequest(String username, String password) {}

    public record TokenResponse(String token, Instant expiresAt, List<String> roles) {}

    @Inject
    UserService users;

    @Inject
    TokenService tokens;

    @Inject
    RateLimiter limiter;

    @Context
    HttpServerRequest http;

    @POST
    @Path("/token")
    @PermitAll
    public TokenResponse token(TokenRequest request) {
        if (request == null || request.username() == null || request.username().isBlank()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "username is required", "username");
        }
        if (request.password() == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "password is required", "password");
        }
        limiter.signIn(
                http.remoteAddress().hostAddress(),
                request.username().length() > 100 ? request.username().substring(0, 100) : request.username());
        if (request.username().length() > 100 || request.password().length() > 200) {
            throw Refused.unauthenticated("wrong user name or password");
        }
        TokenService.IssuedToken issued = users.login(
                request.username(), request.password(), http.remoteAddress().hostAddress());
        TokenService.UserClaims claims = tokens.verify(issued.token()).orElseThrow();
        return new TokenResponse(
                issued.token(),
                issued.expiresAt(),
                claims.roles().stream().map(Enum::name).sorted().toList());
    }

    /**
     * Signs the calling token out: it is refused from the next request on, on every instance. A
     * device signs out by being revoked ({@code DELETE /api/v1/devices/{id}}).
     */
    @POST
    @Path("/logout")
    @RolesAllowed({"OPERATOR", "RECEIVER", "QA", "SUPERVISOR", "ADMIN"})
    public java.util.Map<String, Boolean> logout() {
        String header = http.getHeader("Authorization");
        String token = header == null
                ? ""
                : header.substring(Math.min(header.length(), "Bearer ".length()))
                        .trim();
        return java.util.Map.of("signedOut", tokens.revoke(token));
    }
}
