package org.lotkeeper.server.console;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.boot.DemoLoader;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.MasterDataService;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.UserService;

/**
 * Master data: browse items, locations, partners and users a page at a time (every signed-in
 * user); upload one kind as CSV with line-numbered problems, and load the Riverside demo into an
 * empty ledger (ADMIN).
 */
@Path("/console/masterdata")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class MasterDataPages extends ConsoleResource {

    static final int PAGE = 50;

    /** The kinds of master data: a tab each, and what a CSV upload holds ({@code key} in URLs and the form). */
    public enum Tab {
        SITES("Sites"),
        ITEMS("Items"),
        LOCATIONS("Locations"),
        PARTNERS("Partners"),
        USERS("Users");

        private final String label;

        Tab(String label) {
            this.label = label;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String label() {
            return label;
        }

        /** The tab a URL or form names; items for anything else. */
        static Tab of(String key) {
            for (Tab t : values()) {
                if (t.key().equals(key)) {
                    return t;
                }
            }
            return ITEMS;
        }
    }

    /** One tab of master data, one page of it, and the outcome of an upload. */
    @TemplateData
    public record MasterDataView(
            Tab tab,
            List<Tab> tabs,
            List<MasterDataLookup.SiteInfo> sites,
            List<MasterDataLookup.ItemInfo> items,
            List<MasterDataLookup.LocationInfo> locations,
            List<MasterDataLookup.PartnerInfo> partners,
            List<UserService.UserView> users,
            String nextHref,
            List<String> problems,
            boolean ledgerEmpty,
            Map<String, List<MasterDataLookup.PartnerLocationInfo>> partnerLocations,
            UserService.UserView confirmDisable) {

        /** A partner's ship-from / ship-to locations, in code order. */
        public List<MasterDataLookup.PartnerLocationInfo> placesOf(String partner) {
            return partnerLocations.getOrDefault(partner, List.of());
        }
    }

    @Inject
    MasterDataLookup lookup;

    @Inject
    MasterDataService service;

    @Inject
    UserService users;

    @Inject
    ProjectionQueries projections;

    @Inject
    DemoLoader demo;

    @GET
    public TemplateInstance browse(
            @QueryParam("tab") String tab, @QueryParam("after") String after, @QueryParam("done") String done) {
        Actor actor = session.require();
        Chrome page = session.chrome(actor, "masterdata", "Master data");
        if ("upload".equals(done)) {
            page = page.notice("The CSV file was applied.");
        }
        return Pages.masterdata(page, view(tab, after, List.of()));
    }

    @POST
    @Path("/csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String kind,
            @RestForm("file") FileUpload file) {
        Actor actor = session.post(csrf, Role.ADMIN);
        // partner locations are shown on the partners tab
        boolean places = "partner-locations".equals(kind);
        Tab k = places ? Tab.PARTNERS : Tab.of(kind);
        try {
            service.applyCsv(places ? kind : k.key(), Forms.csvText(file, 32), actor);
            return Response.seeOther(URI.create("/console/masterdata?tab=" + k.key() + "&done=upload"))
                    .build();
        } catch (Refused e) {
            Chrome page = session.chrome(actor, "masterdata", "Master data").error("Nothing of the file was applied.");
            return Forms.html(HttpStatus.of(e), Pages.masterdata(page, view(k.key(), null, Forms.messages(e))));
        }
    }

    /** Disables or enables a user's account (ADMIN), from the users tab; see the API's disable. */
    @POST
    @Path("/users/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setUserEnabled(
            @PathParam("id") String id,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String enabled,
            @RestForm String confirm) {
        Actor actor = session.post(csrf, Role.ADMIN);
        URI usersTab = URI.create("/console/masterdata?tab=users");
        try {
            if (!"true".equals(enabled) && !"false".equals(enabled)) {
                throw Refused.invalid(ErrorCode.INVALID_FIELD, "enabled must be true or false", "enabled");
            }
            boolean enable = "true".equals(enabled);
            if (!enable && !"yes".equals(confirm)) {
                // first ask: their scans still on a handheld that has not synced will be rejected
                UserService.UserView asked = users.find(id)
                        .filter(u -> u.enabled() && !u.userId().equals(actor.id()))
                        .orElse(null);
                if (asked != null) {
                    return Forms.html(
                            200,
                            Pages.masterdata(
                                    session.chrome(actor, "masterdata", "Master data"),
                                    view(Tab.USERS.key(), null, List.of(), asked)));
                }
            }
            UserService.UserView user = service.setUserEnabled(id, enable, actor);
            return Response.seeOther(usersTab)
                    .cookie(ConsoleFlash.notice(
                            session.secure(),
                            enable
                                    ? user.userId() + " is enabled again: they can sign in with a new session."
                                    : user.userId() + " is disabled: their sessions are ended and the site's"
                                            + " handhelds refuse their PIN after their next sync."))
                    .build();
        } catch (Refused e) {
            return Response.seeOther(usersTab)
                    .cookie(ConsoleFlash.error(session.secure(), "Nothing was changed: " + e.getMessage() + "."))
                    .build();
        }
    }

    @POST
    @Path("/demo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loadDemo(@RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        Actor actor = session.post(csrf, Role.ADMIN);
        if (!projections.ledgerIsEmpty()) {
            Chrome page = session.chrome(actor, "masterdata", "Master data")
                    .error("The demo loads only into an empty ledger.");
            return Forms.html(409, Pages.masterdata(page, view(Tab.ITEMS.key(), null, List.of())));
        }
        DemoLoader.Loaded loaded = demo.load();
        // the generated sign-ins are shown on this answer only (like an enrollment code), never again
        Chrome page = session.chrome(actor, "masterdata", "Master data")
                .notice("The Riverside demo plant is loaded. Its people sign in with (shown only now): "
                        + String.join(
                                "; ",
                                loaded.logins().stream()
                                        .map(DemoLoader.Login::line)
                                        .toList()) + ".");
        return Forms.html(200, Pages.masterdata(page, view(Tab.ITEMS.key(), null, List.of())));
    }

    private MasterDataView view(String tab, String after, List<String> problems) {
        return view(tab, after, problems, null);
    }

    /** A tab's page; with {@code confirmDisable}, the users tab asking whether to disable that user. */
    private MasterDataView view(String tab, String after, List<String> problems, UserService.UserView confirmDisable) {
        Tab t = Tab.of(tab);
        String from = Params.key("page key", after);
        List<MasterDataLookup.SiteInfo> sites = t == Tab.SITES ? lookup.sitePage(from, PAGE) : List.of();
        List<MasterDataLookup.ItemInfo> items = t == Tab.ITEMS ? lookup.itemPage(from, PAGE) : List.of();
        List<MasterDataLookup.LocationInfo> locations =
                t == Tab.LOCATIONS ? lookup.locationPage(from, PAGE) : List.of();
        List<MasterDataLookup.PartnerInfo> partners = t == Tab.PARTNERS ? lookup.partnerPage(from, PAGE) : List.of();
        List<UserService.UserView> people = t == Tab.USERS ? users.page(from, PAGE) : List.of();
        String last = switch (t) {
            case SITES -> sites.size() == PAGE ? sites.get(PAGE - 1).code() : null;
            case ITEMS -> items.size() == PAGE ? items.get(PAGE - 1).code() : null;
            case LOCATIONS -> locations.size() == PAGE ? locations.get(PAGE - 1).code() : null;
            case PARTNERS -> partners.size() == PAGE ? partners.get(PAGE - 1).code() : null;
            case USERS -> people.size() == PAGE ? people.get(PAGE - 1).userId() : null;
        };
        return new MasterDataView(
                t,
                List.of(Tab.values()),
                sites,
                items,
                locations,
                partners,
                people,
                last == null ? null : "/console/masterdata?tab=" + t.key() + "&after=" + ConsoleLinks.enc(last),
                problems,
                projections.ledgerIsEmpty(),
                partners.isEmpty()
                        ? Map.of()
                        : lookup.partnerLocations(partners.stream()
                                .map(MasterDataLookup.PartnerInfo::code)
                                .toList()),
                confirmDisable);
    }
}
