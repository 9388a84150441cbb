package org.lotkeeper.server.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

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
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.quality.DocumentKind;
import org.lotkeeper.server.quality.DocumentService;
import org.lotkeeper.server.quality.ResultsCsv;
import org.lotkeeper.server.quality.SpecificationService;
import org.lotkeeper.server.quality.SpecificationsCsv;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.LotService;
import org.lotkeeper.server.trace.Views;

/**
 * Quality: the lots waiting for a decision (quarantine, on hold), a page at a time, each opening
 * the lot page where the status is changed and signed; and uploading a COA, SDS or test result
 * linked to several lots at once. QA and SUPERVISOR.
 */
@Path("/console/quality")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class QualityPage extends ConsoleResource {

    static final int PAGE = 50;

    @TemplateData
    public record QualityView(
            String status,
            List<LotPages.Hit> lots,
            String nextHref,
            List<String> documentKinds,
            String lotsText,
            List<String> problems) {}

    /**
     * The specifications page: every item with its newest version, and one item's version with its
     * tests (the one in force, or {@code version}); the CSV upload for QA.
     */
    @TemplateData
    public record SpecificationsView(
            List<SpecificationService.Approved> newest,
            SpecificationService.Approved shown,
            boolean inForce,
            List<Integer> versions,
            List<String> problems) {}

    @Inject
    SpecificationService specifications;

    @Inject
    SpecificationsCsv specificationsCsv;

    @Inject
    LotService lots;

    @Inject
    DocumentService documents;

    @Inject
    ResultsCsv resultsCsv;

    @GET
    public TemplateInstance queue(
            @QueryParam("status") String status,
            @QueryParam("afterItem") String afterItem,
            @QueryParam("afterLot") String afterLot,
            @QueryParam("done") String done) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        Chrome page = session.chrome(actor, "quality", "Quality");
        if ("document".equals(done)) {
            page = page.notice("Document uploaded and linked.");
        } else if ("results".equals(done)) {
            page = page.notice("The lab results were recorded and judged; lots out of specification are on hold.");
        }
        return Pages.quality(page, view(actor, status, afterItem, afterLot, "", List.of()));
    }

    @POST
    @Path("/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String kind,
            @RestForm String lots,
            @RestForm("file") FileUpload file) {
        Actor actor = session.post(csrf, Role.QA, Role.SUPERVISOR);
        List<String> problems = new ArrayList<>();
        List<LotRef> refs = new ArrayList<>();
        for (String[] pair : Forms.pairs(lots, "lots", problems)) {
            try {
                refs.add(LotRef.of(pair[0], pair[1]));
            } catch (InvalidIdentifierException e) {
                problems.add(pair[0] + " " + pair[1] + ": " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                Forms.uploadDocument(documents, actor, kind, file, refs);
                return Response.seeOther(URI.create("/console/quality?done=document"))
                        .build();
            } catch (Refused e) {
                problems.addAll(Forms.messages(e));
            }
        }
        return Forms.html(
                400,
                Pages.quality(
                        session.chrome(actor, "quality", "Quality").error("The document was not stored."),
                        view(actor, null, null, null, lots, problems)));
    }

    /** A laboratory system's results as CSV (docs/QUALITY-CONTROL.md): every lot of the file, or none. */
    @POST
    @Path("/results")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response results(@RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm("file") FileUpload file) {
        Actor actor = session.post(csrf, Role.QA);
        try {
            resultsCsv.apply(actor, Forms.csvText(file, 32));
            return Response.seeOther(URI.create("/console/quality?done=results"))
                    .build();
        } catch (Refused e) {
            return Forms.html(
                    HttpStatus.of(e) == 404 ? 400 : HttpStatus.of(e),
                    Pages.quality(
                            session.chrome(actor, "quality", "Quality").error("No result of the file was recorded."),
                            view(actor, null, null, null, "", Forms.messages(e))));
        }
    }

    @GET
    @Path("/specifications")
    public TemplateInstance specifications(
            @QueryParam("item") String item, @QueryParam("version") String version, @QueryParam("done") String done) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        Chrome page = session.chrome(actor, "quality", "Specifications");
        if ("csv".equals(done)) {
            page = page.notice("The specifications of the file were approved with your signature.");
        }
        return Pages.specifications(page, specificationsView(item, version, List.of()));
    }

    /** Specification versions from a CSV file, approved with the signature given beside it. */
    @POST
    @Path("/specifications/csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response specificationsFile(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm("file") FileUpload file,
            @RestForm String password,
            @RestForm String meaning) {
        Actor actor = session.post(csrf, Role.QA);
        try {
            specificationsCsv.apply(actor, Forms.csvText(file, 8), password, meaning);
            return Response.seeOther(URI.create("/console/quality/specifications?done=csv"))
                    .build();
        } catch (Refused e) {
            return Forms.html(
                    HttpStatus.of(e) == 404 ? 400 : HttpStatus.of(e),
                    Pages.specifications(
                            session.chrome(actor, "quality", "Specifications")
                                    .error("No specification of the file was approved."),
                            specificationsView(null, null, Forms.messages(e))));
        }
    }

    private SpecificationsView specificationsView(String item, String version, List<String> problems) {
        List<SpecificationService.Approved> newest = specifications.newestOfEachItem();
        SpecificationService.Approved shown = null;
        boolean inForce = false;
        List<Integer> versions = List.of();
        if (item != null && !item.isBlank()) {
            String code = Fields.code("item", item, org.lotkeeper.model.id.ItemCode::of);
            Optional<SpecificationService.Approved> current = specifications.inForceToday(code);
            Optional<SpecificationService.Approved> asked = version == null || version.isBlank()
                    ? current
                    : specifications.version(code, (int) Fields.wholeNumber("version", version, 1, 100_000, 1));
            shown = (version == null || version.isBlank() ? asked.or(() -> specifications.version(code, 1)) : asked)
                    .orElseThrow(() -> ConsoleProblem.notFound("Item " + code + " has no such specification."));
            SpecificationService.Approved s = shown;
            inForce = current.map(c ->
                            c.specification().version() == s.specification().version())
                    .orElse(false);
            versions = specifications.versions(code);
        }
        return new SpecificationsView(newest, shown, inForce, versions, problems);
    }

    private QualityView view(
            Actor actor, String status, String afterItem, String afterLot, String lotsText, List<String> problems) {
        String s = "ON_HOLD".equals(status) ? "ON_HOLD" : "QUARANTINE";
        List<Views.LotHit> found = lots.search(
                actor, null, null, null, s, Params.key("page key", afterItem), Params.key("page key", afterLot), PAGE);
        String next = found.size() == PAGE
                ? "/console/quality?status=" + s + "&afterItem="
                        + ConsoleLinks.enc(found.get(PAGE - 1).item()) + "&afterLot="
                        + ConsoleLinks.enc(found.get(PAGE - 1).lot())
                : null;
        return new QualityView(
                s,
                found.stream()
                        .map(h -> new LotPages.Hit(h, ConsoleLinks.lot(h.item(), h.lot())))
                        .toList(),
                next,
                EnumSet.allOf(DocumentKind.class).stream().map(Enum::name).toList(),
                lotsText,
                problems);
    }
}
