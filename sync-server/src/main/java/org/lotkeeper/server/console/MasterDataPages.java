package org.lotkeeper.server.console;

import java.net.URI;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lotkeeper.model.auth.Role;
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
    static final List<String> TABS = List.of("items", "locations", "partners", "users");

    /** One tab of master data, one page of it, and the outcome of an upload. */
    @TemplateData
    public record MasterDataView(
            String tab,
            List<String> tabs,
            List<MasterDataLookup.ItemInfo> items,
            List<MasterDataLookup.LocationInfo> locations,
            List<MasterDataLookup.PartnerInfo> partners,
            List<UserService.UserView> users,
            String nextHref,
            List<String> problems,
            boolean ledgerEmpty,
            List<String> kinds) {}

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
        String k = kind == null || !MasterDataPages.kinds().contains(kind) ? "items" : kind;
        try {
            service.applyCsv(k, Forms.csvText(file, 32), actor);
            return Response.seeOther(
                            URI.create("/console/masterdata?tab=" + (k.equals("sites") ? "items" : k) + "&done=upload"))
                    .build();
        } catch (Refused e) {
            Chrome page = session.chrome(actor, "masterdata", "Master data").error("Nothing of the file was applied.");
            return Forms.html(HttpStatus.of(e), Pages.masterdata(page, view(k, null, Forms.messages(e))));
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
            return Forms.html(409, Pages.masterdata(page, view("items", null, List.of())));
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
        return Forms.html(200, Pages.masterdata(page, view("items", null, List.of())));
    }

    static List<String> kinds() {
        return List.of("sites", "items", "locations", "partners", "users");
    }

    private MasterDataView view(String tab, String after, List<String> problems) {
        String t = tab != null && TABS.contains(tab) ? tab : "items";
        String from = Params.key("page key", after);
        List<MasterDataLookup.ItemInfo> items = t.equals("items") ? lookup.itemPage(from, PAGE) : List.of();
        List<MasterDataLookup.LocationInfo> locations =
                t.equals("locations") ? lookup.locationPage(from, PAGE) : List.of();
        List<MasterDataLookup.PartnerInfo> partners = t.equals("partners") ? lookup.partnerPage(from, PAGE) : List.of();
        List<UserService.UserView> people = t.equals("users") ? users.page(from, PAGE) : List.of();
        String last = switch (t) {
            case "items" -> items.size() == PAGE ? items.get(PAGE - 1).code() : null;
            case "locations" ->
                locations.size() == PAGE ? locations.get(PAGE - 1).code() : null;
            case "partners" -> partners.size() == PAGE ? partners.get(PAGE - 1).code() : null;
            default -> people.size() == PAGE ? people.get(PAGE - 1).userId() : null;
        };
        return new MasterDataView(
                t,
                TABS,
                items,
                locations,
                partners,
                people,
                last == null ? null : "/console/masterdata?tab=" + t + "&after=" + ConsoleLinks.enc(last),
                problems,
                projections.ledgerIsEmpty(),
                kinds());
    }
}
