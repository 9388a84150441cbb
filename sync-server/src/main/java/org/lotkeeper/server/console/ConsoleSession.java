package org.lotkeeper.server.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.PlantTime;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.BearerAuthenticationMechanism;
import org.lotkeeper.server.security.BearerIdentityProvider;
import org.lotkeeper.server.security.UserService;

/**
 * The console's side of a request: who is signed in (through the session cookie, read by
 * {@link BearerAuthenticationMechanism} under {@code /console} only), the role check every page
 * and action starts with, and the cross-site request checks of every POST: the request must
 * come from the console's own origin ({@code Origin}, else {@code Referer}) and carry this
 * session's CSRF token, a hash of the session token that a page of another site cannot know.
 */
@RequestScoped
public class ConsoleSession {

    static final String CSRF_FIELD = "_csrf";

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    UserService users;

    @Inject
    MasterDataLookup masterData;

    private ZoneId zone;

    /** The signed-in user, if any (a device token never signs in to the console). */
    public Optional<Actor> actor() {
        Actor actor = identity.isAnonymous() ? null : identity.getAttribute(BearerIdentityProvider.ACTOR);
        // the console is for people: a device or a partner's EPCIS credential is not signed in here
        return actor == null || actor.kind() != Actor.Kind.USER ? Optional.empty() : Optional.of(actor);
    }

    /** The signed-in user holding one of {@code anyOf} (none named: any user), or the sign-in page / a 403 page. */
    public Actor require(Role... anyOf) {
        Actor actor = actor().orElseThrow(ConsoleProblem::signIn);
        checkRoles(actor, anyOf);
        return actor;
    }

    /**
     * The checks of every state-changing request: same origin, a signed-in session, this
     * session's CSRF token, then the roles. Anything else is refused with a 403 page.
     */
    public Actor post(String csrf, Role... anyOf) {
        checkOrigin();
        Actor actor = actor().orElseThrow(
                        () -> ConsoleProblem.forbidden(
                                "Refused: this form was not sent from a signed-in console page (your session may have expired). Sign in and try again."));
        if (csrf == null
                || !MessageDigest.isEqual(
                        csrf.getBytes(StandardCharsets.UTF_8), csrf().getBytes(StandardCharsets.UTF_8))) {
            throw ConsoleProblem.forbidden(
                    "Refused: the form's security token is missing or wrong, so it may come from another site. "
                            + "Reload the page and try again.");
        }
        checkRoles(actor, anyOf);
        return actor;
    }

    /** Refuses a request whose {@code Origin} (or, without one, {@code Referer}) is another site. */
    public void checkOrigin() {
        HttpServerRequest http = request.getCurrent().request();
        // scheme() and authority() follow X-Forwarded-* when quarkus.http.proxy is configured (docs/CONSOLE.md)
        var authority = http.authority();
        String host = authority == null
                ? http.getHeader("Host")
                : authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
        String expected = http.scheme() + "://" + host;
        String origin = http.getHeader("Origin");
        if (origin != null) {
            if (!origin.equalsIgnoreCase(expected)) {
                throw ConsoleProblem.forbidden("Refused: this request came from another site (" + origin + ").");
            }
            return;
        }
        String referer = http.getHeader("Referer");
        if (referer != null
                && !(referer.equalsIgnoreCase(expected)
                        || referer.regionMatches(true, 0, expected + "/", 0, expected.length() + 1))) {
            throw ConsoleProblem.forbidden("Refused: this request came from another page than the console.");
        }
    }

    /** The session's token, as its cookie holds it; empty without one. */
    public Optional<String> token() {
        Cookie cookie = request.getCurrent().request().getCookie(BearerAuthenticationMechanism.SESSION_COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    /** This session's CSRF token: a hash of the session cookie, empty without a session. */
    public String csrf() {
        Cookie cookie = request.getCurrent().request().getCookie(BearerAuthenticationMechanism.SESSION_COOKIE);
        if (cookie == null || actor().isEmpty()) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(
                            ("lotkeeper console csrf\n" + cookie.getValue()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** This page is about these sites' lots, devices or recalls: its times in their zone. */
    public void timesOf(Collection<String> sites) {
        zone = masterData.zoneOf(sites);
    }

    /**
     * The zone this page's times are shown in ({@code {instant.text}}): set by {@link #timesOf},
     * else the zone the signed-in user's sites share, else the plant-wide one.
     */
    public ZoneId zone() {
        if (zone == null) {
            zone = actor().map(a -> masterData.zoneOf(a.allSites() ? null : a.sites()))
                    .orElseGet(PlantTime::zone);
        }
        return zone;
    }

    /** The zone of the page being rendered; the plant-wide one outside a request. */
    static ZoneId currentZone() {
        ArcContainer arc = Arc.container();
        return arc != null && arc.requestContext().isActive()
                ? arc.instance(ConsoleSession.class).get().zone()
                : PlantTime.zone();
    }

    /** The frame of a page for the signed-in user. */
    public Chrome chrome(Actor actor, String nav, String title) {
        zone(); // read now, on the request's thread: rendering only looks it up
        String name = users.find(actor.id()).map(UserService.UserView::name).orElse(actor.id());
        Chrome page = Chrome.of(actor, name, csrf(), nav, title);
        // what the POST before the redirect had to say (ConsoleFlash)
        Cookie flash = request.getCurrent().request().getCookie(ConsoleFlash.MESSAGE);
        return ConsoleFlash.read(flash == null ? null : flash.getValue())
                .map(m -> m.error() ? page.error(m.text()) : page.notice(m.text()))
                .orElse(page);
    }

    /** A cookie of this request, decoded; empty when absent. */
    Optional<String> cookie(String name) {
        Cookie c = request.getCurrent().request().getCookie(name);
        return c == null || c.getValue().isEmpty() ? Optional.empty() : Optional.of(ConsoleFlash.decode(c.getValue()));
    }

    /** Whether the request came over HTTPS (the cookie is then marked Secure). */
    boolean secure() {
        return "https".equalsIgnoreCase(request.getCurrent().request().scheme());
    }

    /** The client's address, for the sign-in rate limit. */
    String clientAddress() {
        var address = request.getCurrent().request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    private static void checkRoles(Actor actor, Role... anyOf) {
        if (anyOf.length > 0 && !actor.hasAnyRole(Set.copyOf(Arrays.asList(anyOf)))) {
            throw ConsoleProblem.forbidden("This needs the role "
                    + Arrays.stream(anyOf).map(Words::of).collect(Collectors.joining(" or "))
                    + "; you are signed in as " + actor.id() + ".");
        }
    }
}
