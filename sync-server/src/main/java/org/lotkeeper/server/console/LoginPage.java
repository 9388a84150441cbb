package org.lotkeeper.server.console;

import java.net.URI;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.BearerAuthenticationMechanism;
import org.lotkeeper.server.security.RateLimiter;
import org.lotkeeper.server.security.TokenService;
import org.lotkeeper.server.security.UserService;

/**
 * Console sign-in and sign-out. Signing in goes through {@link UserService#login} (lockout after
 * repeated failures) behind the API's sign-in rate limits, and sets the signed user token as an
 * HttpOnly, SameSite=Strict session cookie scoped to {@code /console}.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginPage extends ConsoleResource {

    @Inject
    UserService users;

    @Inject
    TokenService tokens;

    @Inject
    RateLimiter limiter;

    @GET
    public Response root() {
        return Response.seeOther(URI.create(session.actor().isPresent() ? "/console/dashboard" : "/console/login"))
                .build();
    }

    @GET
    @Path("/login")
    public TemplateInstance form() {
        return Pages.login(Chrome.anonymous("Sign in", null), null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String username, @RestForm String password) {
        session.checkOrigin();
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return page(400, name, "Enter your user name and password.");
        }
        TokenService.IssuedToken token;
        try {
            limiter.signIn(session.clientAddress(), name.length() > 100 ? name.substring(0, 100) : name);
            if (name.length() > 100 || password.length() > 200) {
                throw Refused.unauthenticated("wrong user name or password");
            }
            token = users.login(name, password, session.clientAddress());
        } catch (Refused e) {
            String message = switch (e.code()) {
                case ACCOUNT_LOCKED -> "Sign-in is locked: " + e.getMessage() + ".";
                case RATE_LIMITED -> "Too many sign-in attempts: " + e.getMessage() + ".";
                default -> "Wrong user name or password.";
            };
            return page(HttpStatus.of(e), name.length() > 100 ? "" : name, message);
        }
        // A browser-session cookie; the token inside expires on its own (8 h by default).
        return Response.seeOther(URI.create("/console/dashboard"))
                .cookie(cookie(token.token(), NewCookie.DEFAULT_MAX_AGE))
                .build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        session.post(csrf);
        // the token in the cookie stops working now, not when it would have expired
        session.token().ifPresent(tokens::revoke);
        return Response.seeOther(URI.create("/console/login"))
                .cookie(cookie("", 0))
                .build();
    }

    private Response page(int status, String username, String error) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.login(Chrome.anonymous("Sign in", error), username)
                        .render())
                .build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(BearerAuthenticationMechanism.SESSION_COOKIE)
                .value(value)
                .path("/console")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(session.secure())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
