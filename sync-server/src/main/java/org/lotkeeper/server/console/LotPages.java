package org.lotkeeper.server.console;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.id.Gs1Digits;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.ShipmentCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.StatusChangeRequest;
import org.lotkeeper.model.lot.StatusDecision;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.labels.LabelChecker;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.quality.CertificatesOfAnalysis;
import org.lotkeeper.server.quality.DocumentKind;
import org.lotkeeper.server.quality.DocumentService;
import org.lotkeeper.server.quality.QualityService;
import org.lotkeeper.server.quality.StatusService;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.Direction;
import org.lotkeeper.server.trace.Fsma204Export;
import org.lotkeeper.server.trace.LotService;
import org.lotkeeper.server.trace.PalletService;
import org.lotkeeper.server.trace.TraceService;
import org.lotkeeper.server.trace.Views;

/**
 * Lot search and the lot page: status with the actions this user may take, expiry, supplier,
 * on hand by location, documents, the timeline a page at a time, and the genealogy picture.
 * Status changes and document uploads go through {@link StatusService} and
 * {@link DocumentService}, exactly as the API's.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LotPages extends ConsoleResource {

    static final int PAGE = 50;
    static final int TIMELINE_PAGE = 50;

    /**
     * Lots in the genealogy picture, nearest first, and shipment rows under it: a popular raw
     * material reaches tens of thousands of lots and hundreds of thousands of shipments, which
     * no picture shows; the page says so and the mock recall lists them all.
     */
    static final int PICTURE_LOTS = 150;

    static final int SHIPMENTS_SHOWN = 500;

    /** A status this user could set the lot to: allowed (maybe with a signature), or refused with the reason. */
    @TemplateData
    public record StatusAction(String status, boolean allowed, boolean signature, String meaning, String refusal) {}

    /** What the status form held when it was refused, shown again so nothing is chosen twice; empty on a fresh page. */
    @TemplateData
    public record StatusForm(String status, String reason, String meaning, String concession) {
        static final StatusForm EMPTY = new StatusForm(null, null, null, null);
    }

    /** What the results grid held when it was refused, shown again so nothing is keyed twice; empty on a fresh page. */
    @TemplateData
    public record ResultsForm(Map<String, String> values, String source, String reason, String retestDate) {
        static final ResultsForm EMPTY = new ResultsForm(Map.of(), null, null, null);

        /** The value keyed for a test, or "". */
        public String value(String test) {
            return values.getOrDefault(test, "");
        }
    }

    /** Everything the lot page shows. */
    @TemplateData
    public record LotView(
            Views.LotDetail lot,
            String itemParam,
            String lotParam,
            Views.Timeline timeline,
            String nextTimeline,
            boolean firstTimelinePage,
            GenealogyPicture picture,
            Views.TraceAnswer trace,
            List<StatusAction> actions,
            boolean coaRequired,
            boolean mayUpload,
            List<String> documentKinds,
            String labelHref,
            String selfHref,
            StatusForm form,
            ResultsForm results,
            String recallHref,
            Views.Page<Views.Shipment> shipments,
            QualityService.LotQuality quality) {

        /** The lot's FSMA 204 spreadsheet (its receipts, shipments and transformations). */
        public String fsmaHref() {
            return "/console/lot/fsma204.xlsx" + selfHref.substring(selfHref.indexOf('?'));
        }

        /** Shipment lines of the lots in the picture, of which {@link #shipments} holds the first {@value #SHIPMENTS_SHOWN}. */
        public long shipmentLines() {
            return trace.shipped().stream().mapToLong(Views.LotShipped::lines).sum();
        }

        /** The lot is measured against a specification that it does not meet: a release needs a concession. */
        public boolean concessionNeeded() {
            return quality != null && quality.specificationVersion() != null && !quality.conforms();
        }

        /** A released lot measured against a specification: a certificate of analysis can be issued for it. */
        public boolean certifiable() {
            return quality != null && quality.specificationVersion() != null && "RELEASED".equals(lot.status());
        }

        /** Whether any change this user may make needs a signature: only then is the signature block shown. */
        public boolean signatureOffered() {
            return actions.stream().anyMatch(a -> a.allowed() && a.signature());
        }

        public int picturedLots() {
            return PICTURE_LOTS;
        }
    }

    /** The search form and one page of its results. */
    @TemplateData
    public record SearchView(
            String q,
            String status,
            String label,
            String labelProblem,
            List<Hit> hits,
            String nextHref,
            boolean searched,
            List<String> statuses,
            String pallet) {

        /** The pallet page of an SSCC typed or pasted into the search, or null. */
        public String palletHref() {
            return pallet == null ? null : "/console/pallet?sscc=" + pallet;
        }
    }

    @TemplateData
    public record Hit(Views.LotHit lot, String href) {}

    @Inject
    PalletService pallets;

    @Inject
    Fsma204Export fsma;

    /** How many of the newest lots an empty search lists. */
    static final int RECENT = 25;

    @Inject
    LotService lots;

    @Inject
    CertificatesOfAnalysis certificates;

    @Inject
    TraceService traces;

    @Inject
    StatusService statuses;

    @Inject
    QualityService quality;

    @Inject
    DocumentService documents;

    @Inject
    MasterDataLookup masterData;

    @Inject
    Clock clock;

    @Inject
    LabelChecker checker;

    @GET
    @Path("/lots")
    public TemplateInstance search(
            @QueryParam("q") String q,
            @QueryParam("status") String statusFilter,
            @QueryParam("label") String label,
            @QueryParam("afterItem") String afterItem,
            @QueryParam("afterLot") String afterLot) {
        Actor actor = session.require();
        String term = Params.text("search", q, 100);
        String state = Params.text("status", statusFilter, 20);
        if (state != null
                && EnumSet.allOf(LotStatus.class).stream()
                        .noneMatch(s -> s.name().equals(state))) {
            throw ConsoleProblem.notFound("No such status: choose one from the list.");
        }
        String gtin = null;
        String lotCode = null;
        String labelProblem = null;
        // an SSCC typed in the search names a pallet
        String pallet = term != null && term.length() == 18 && Gs1Digits.hasValidCheckDigit(term) ? term : null;
        if (!Forms.blank(label)) {
            try {
                LabelChecker.ParseResponse parsed = checker.decode(
                        new LabelChecker.ParseRequest(label.strip().replace("<GS>", "\u001d"), null));
                gtin = parsed.gtin();
                lotCode = parsed.lot();
                pallet = parsed.sscc();
                if (gtin == null && lotCode == null && pallet == null) {
                    labelProblem = "The label holds neither a GTIN (01), a lot (10) nor an SSCC (00).";
                }
            } catch (Refused | Gs1Exception e) {
                labelProblem = "The label could not be read: " + e.getMessage();
            }
        }
        boolean forLots = term != null || state != null || gtin != null || lotCode != null;
        boolean searched = forLots || pallet != null;
        List<Hit> hits = new ArrayList<>();
        String next = null;
        if (forLots && labelProblem == null) {
            List<Views.LotHit> found = lots.search(
                    actor,
                    term,
                    gtin,
                    lotCode,
                    state,
                    Params.key("page key", afterItem),
                    Params.key("page key", afterLot),
                    PAGE);
            found.forEach(h -> hits.add(new Hit(h, ConsoleLinks.lot(h.item(), h.lot()))));
            if (found.size() == PAGE) {
                Views.LotHit last = found.get(found.size() - 1);
                next = "/console/lots?q=" + ConsoleLinks.enc(q) + "&status=" + ConsoleLinks.enc(statusFilter)
                        + "&label=" + ConsoleLinks.enc(label) + "&afterItem=" + ConsoleLinks.enc(last.item())
                        + "&afterLot=" + ConsoleLinks.enc(last.lot());
            }
        }
        if (!searched) {
            lots.recent(actor, RECENT).forEach(h -> hits.add(new Hit(h, ConsoleLinks.lot(h.item(), h.lot()))));
        }
        return Pages.lots(
                session.chrome(actor, "lots", "Lots"),
                new SearchView(
                        q,
                        statusFilter,
                        label,
                        labelProblem,
                        hits,
                        next,
                        searched,
                        EnumSet.allOf(LotStatus.class).stream().map(Enum::name).toList(),
                        pallet != null && pallets.known(pallet) ? pallet : null));
    }

    @GET
    @Path("/lot")
    public TemplateInstance lot(
            @QueryParam("item") String item,
            @QueryParam("lot") String lot,
            @QueryParam("after") String after,
            @QueryParam("done") String done) {
        Actor actor = session.require();
        Chrome page = session.chrome(actor, "lots", "Lot " + lot);
        if ("status".equals(done)) {
            Views.LotDetail now = lots.detail(actor, item, lot);
            page = page.notice("Status changed: the lot is now "
                    + Words.ofCode(now.status(), LotStatus.class, Words::inSentence) + ".");
        } else if ("document".equals(done)) {
            page = page.notice("Document uploaded and linked to this lot.");
        } else if ("results".equals(done)) {
            page = page.notice("Results recorded and judged against the specification.");
        } else if ("retest".equals(done)) {
            page = page.notice(
                    "Retest signed: the results are recorded and the lot may be used until its new retest date.");
        }
        return Pages.lot(
                page,
                view(actor, item, lot, Fields.wholeNumber("after", after, 0, Long.MAX_VALUE, 0), StatusForm.EMPTY));
    }

    @POST
    @Path("/lot/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeStatus(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String item,
            @RestForm String lot,
            @RestForm String status,
            @RestForm String reason,
            @RestForm String password,
            @RestForm String meaning,
            @RestForm String concession) {
        Actor actor = session.post(csrf, Role.QA, Role.SUPERVISOR);
        try {
            LotStatus to;
            try {
                to = LotStatus.valueOf(status == null ? "" : status);
            } catch (IllegalArgumentException e) {
                throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "choose the new status from the list", "status");
            }
            String why = Fields.text("reason", reason, 500);
            if (password != null && password.length() > 200) {
                throw Refused.invalid(ErrorCode.TOO_LONG, "the signature password is too long", "signature.password");
            }
            statuses.change(
                    actor,
                    Fields.code("item", item, org.lotkeeper.model.id.ItemCode::of),
                    Fields.code("lot", lot, org.lotkeeper.model.id.LotCode::of),
                    new StatusService.StatusRequest(
                            to,
                            why,
                            password,
                            Fields.optionalText("meaning", meaning, 200),
                            Fields.optionalText("concession", concession, 500)));
        } catch (Refused e) {
            if (HttpStatus.of(e) == 404) {
                throw e;
            }
            Chrome page = session.chrome(actor, "lots", "Lot " + lot).error(refusal(e));
            return Forms.html(
                    HttpStatus.of(e) == 401 ? 400 : HttpStatus.of(e),
                    Pages.lot(page, view(actor, item, lot, 0, new StatusForm(status, reason, meaning, concession))));
        }
        return Response.seeOther(URI.create(ConsoleLinks.lot(item, lot) + "&done=status"))
                .build();
    }

    /**
     * QA keys a lot's results in the quality grid: one value per test (empty ones are left out),
     * judged and stored as one INSPECT event (docs/QUALITY-CONTROL.md); with a new retest date and
     * the password they are the lot's signed retest.
     */
    @POST
    @Path("/lot/results")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordResults(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String item,
            @RestForm String lot,
            @RestForm String source,
            @RestForm List<String> test,
            @RestForm List<String> value,
            @RestForm String reason,
            @RestForm String retestDate,
            @RestForm String password,
            @RestForm String meaning) {
        Actor actor = session.post(csrf, Role.QA);
        boolean retest = !Forms.blank(retestDate);
        try {
            List<String> tests = test == null ? List.of() : test;
            List<String> values = value == null ? List.of() : value;
            if (tests.size() != values.size() || tests.size() > 100) {
                throw Refused.invalid(
                        ErrorCode.BAD_REQUEST, "the results form was not sent whole: reload the page", null);
            }
            List<QualityService.ResultLine> lines = new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) {
                if (!Forms.blank(values.get(i))) {
                    lines.add(new QualityService.ResultLine(tests.get(i), values.get(i)));
                }
            }
            if (lines.isEmpty()) {
                throw Refused.invalid(ErrorCode.MISSING_FIELD, "key at least one result", "results");
            }
            String itemCode = Fields.code("item", item, org.lotkeeper.model.id.ItemCode::of);
            String lotCode = Fields.code("lot", lot, org.lotkeeper.model.id.LotCode::of);
            String why = Forms.blank(reason) ? null : reason;
            if (retest) {
                // the results are the retest: signed with them, no correction (docs/QUALITY-CONTROL.md)
                quality.retest(
                        actor,
                        itemCode,
                        lotCode,
                        new QualityService.RetestBody(
                                source,
                                null,
                                lines,
                                null,
                                retestDate,
                                why,
                                new org.lotkeeper.server.quality.LotStatusResource.Signature(password, meaning)));
            } else {
                quality.record(actor, itemCode, lotCode, new QualityService.ResultsBody(source, null, lines, why));
            }
        } catch (Refused e) {
            if (HttpStatus.of(e) == 404) {
                throw e;
            }
            Chrome page = session.chrome(actor, "lots", "Lot " + lot)
                    .error((retest ? "Not retested, no result recorded: " : "No result was recorded: ") + e.getMessage()
                            + ".");
            Map<String, String> keyed = new java.util.HashMap<>();
            if (test != null && value != null && test.size() == value.size() && test.size() <= 100) {
                for (int i = 0; i < test.size(); i++) {
                    if (test.get(i) != null && !Forms.blank(value.get(i))) {
                        keyed.put(test.get(i), value.get(i));
                    }
                }
            }
            return Forms.html(
                    HttpStatus.of(e),
                    Pages.lot(
                            page,
                            view(
                                    actor,
                                    item,
                                    lot,
                                    0,
                                    StatusForm.EMPTY,
                                    new ResultsForm(keyed, source, reason, retestDate))));
        }
        return Response.seeOther(URI.create(ConsoleLinks.lot(item, lot) + (retest ? "&done=retest" : "&done=results")))
                .build();
    }

    @POST
    @Path("/lot/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String item,
            @RestForm String lot,
            @RestForm String kind,
            @RestForm("file") FileUpload file) {
        Actor actor = session.post(csrf, Role.QA, Role.SUPERVISOR);
        try {
            LotRef ref = LotRef.of(
                    Fields.code("item", item, org.lotkeeper.model.id.ItemCode::of),
                    Fields.code("lot", lot, org.lotkeeper.model.id.LotCode::of));
            Forms.uploadDocument(documents, actor, kind, file, List.of(ref));
        } catch (Refused e) {
            if (HttpStatus.of(e) == 404) {
                throw e;
            }
            // redirect after POST: the lot page says why, and a reload does not upload again
            return Response.seeOther(URI.create(ConsoleLinks.lot(item, lot)))
                    .cookie(ConsoleFlash.error(
                            session.secure(), "The document was not stored: " + e.getMessage() + "."))
                    .build();
        }
        return Response.seeOther(URI.create(ConsoleLinks.lot(item, lot) + "&done=document"))
                .build();
    }

    /** The lot's certificate of analysis, as the API makes it ({@code ?customer=} for the addressee). */
    @GET
    @Path("/lot/coa.pdf")
    @Produces(Downloads.PDF)
    public Response certificate(
            @QueryParam("item") String item, @QueryParam("lot") String lot, @QueryParam("customer") String customer) {
        Actor reader = session.require(Role.QA, Role.SUPERVISOR);
        return Downloads.attachment(
                certificates.forLot(
                        reader,
                        Fields.code("item", item, ItemCode::of),
                        Fields.code("lot", lot, LotCode::of),
                        customer == null || customer.isBlank()
                                ? null
                                : Fields.code("customer", customer.strip(), PartnerCode::of)),
                Downloads.PDF,
                CertificatesOfAnalysis.fileName(item, lot));
    }

    /** The lot's FSMA 204 spreadsheet, as the API makes it. */
    @GET
    @Path("/lot/fsma204.xlsx")
    @Produces(Downloads.XLSX)
    public Response fsma204(@QueryParam("item") String item, @QueryParam("lot") String lot) {
        Actor reader = session.require(Role.QA, Role.SUPERVISOR);
        LotRef ref = fsma.lot(reader, item, lot);
        return Downloads.attachment(
                (StreamingOutput) out -> fsma.xlsx(ref, reader, out),
                Downloads.XLSX,
                "fsma204-" + ref.item() + "-" + ref.lot() + ".xlsx");
    }

    /** One certificate for every lot of a shipment, to its customer. */
    @GET
    @Path("/shipment/coa.pdf")
    @Produces(Downloads.PDF)
    public Response shipmentCertificate(@QueryParam("shipment") String shipment) {
        Actor reader = session.require(Role.QA, Role.SUPERVISOR);
        String code = Fields.code("shipment", shipment, ShipmentCode::of);
        return Downloads.attachment(
                certificates.forShipment(reader, code), Downloads.PDF, CertificatesOfAnalysis.fileName(code));
    }

    @GET
    @Path("/documents/{id}")
    @Produces(MediaType.WILDCARD)
    public Response document(@jakarta.ws.rs.PathParam("id") String id) {
        Actor reader = session.require();
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ConsoleProblem.notFound("No such document.");
        }
        DocumentService.DocumentFile f =
                documents.download(reader, uuid).orElseThrow(() -> ConsoleProblem.notFound("No such document."));
        return Response.ok(f.content(), f.info().contentType())
                .header(
                        "Content-Disposition",
                        "inline; filename=\"" + f.info().filename().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-SHA256", f.info().sha256())
                .build();
    }

    /** Stores an uploaded file as a document of {@code kind} linked to {@code lotRefs}, with the API's checks. */
    static String refusal(Refused e) {
        return switch (e.code()) {
            case COA_MISSING -> "Release blocked: " + e.getMessage();
            case SIGNATURE_REQUIRED, SIGNATURE_INVALID -> "Not signed: " + e.getMessage() + ".";
            default -> "Not changed: " + e.getMessage();
        };
    }

    private LotView view(Actor actor, String item, String lot, long after, StatusForm form) {
        return view(actor, item, lot, after, form, ResultsForm.EMPTY);
    }

    private LotView view(Actor actor, String item, String lot, long after, StatusForm form, ResultsForm results) {
        Views.LotDetail detail = lots.detail(actor, item, lot);
        session.timesOf(List.of(detail.site()));
        Views.Timeline timeline = lots.timeline(actor, detail.item(), detail.lot(), after, TIMELINE_PAGE);
        String next = null;
        if (timeline.events().size() == TIMELINE_PAGE) {
            next = ConsoleLinks.lot(detail.item(), detail.lot()) + "&after="
                    + timeline.events().get(TIMELINE_PAGE - 1).ledgerSeq() + "#timeline";
        }
        Views.TraceAnswer trace = traces.trace(actor, detail.item(), detail.lot(), Direction.BOTH, PICTURE_LOTS);
        boolean coaRequired = masterData
                .item(detail.item())
                .map(MasterDataLookup.ItemInfo::coaRequired)
                .orElse(false);
        Views.Page<Views.Shipment> shipments = traces.shipments(actor, trace, SHIPMENTS_SHOWN);
        GenealogyPicture picture = GenealogyPicture.of(trace, traces.shippedToCustomers(trace));
        return new LotView(
                detail,
                detail.item(),
                detail.lot(),
                timeline,
                next,
                after <= 0,
                picture,
                trace,
                actions(actor, detail, coaRequired),
                coaRequired,
                actor.hasAnyRole(Set.of(Role.QA, Role.SUPERVISOR)),
                EnumSet.allOf(DocumentKind.class).stream().map(Enum::name).toList(),
                "/console/labels/print/lot?item=" + ConsoleLinks.enc(detail.item()) + "&lot="
                        + ConsoleLinks.enc(detail.lot()),
                ConsoleLinks.lot(detail.item(), detail.lot()),
                form,
                results,
                "/console/recalls?item=" + ConsoleLinks.enc(detail.item()) + "&lot=" + ConsoleLinks.enc(detail.lot()),
                shipments,
                quality(actor, detail));
    }

    /** The lot against its item's specification; null when there is none and no result was recorded. */
    private QualityService.LotQuality quality(Actor actor, Views.LotDetail detail) {
        QualityService.LotQuality q = quality.quality(actor, detail.item(), detail.lot());
        return q.specificationVersion() == null && q.results().isEmpty() ? null : q;
    }

    /** The table's targets from the lot's status (a recall sets RECALLED, not this form), each decided by the shared rules. */
    private List<StatusAction> actions(Actor actor, Views.LotDetail lot, boolean coaRequired) {
        LotStatus from = LotStatus.valueOf(lot.status());
        Set<Role> roles = actor.roles().contains(Role.ADMIN) ? EnumSet.allOf(Role.class) : actor.roles();
        boolean coaLinked =
                QuarkusTransaction.joiningExisting().call(() -> quality.releaseEvidence(lot.item(), lot.lot()));
        List<StatusAction> out = new ArrayList<>();
        for (LotStatus to : LotStatusRules.targetsFrom(from)) {
            if (to == LotStatus.RECALLED) {
                continue;
            }
            StatusDecision d =
                    LotStatusRules.decide(StatusChangeRequest.fromConsole(from, to, roles, coaRequired, coaLinked));
            if (d instanceof StatusDecision.Allowed a) {
                out.add(new StatusAction(
                        to.name(),
                        true,
                        a.signatureRequired(),
                        a.signatureMeaning().orElse(""),
                        null));
            } else if (d instanceof StatusDecision.Refused r) {
                out.add(new StatusAction(to.name(), false, false, "", r.message()));
            }
        }
        return out;
    }
}
