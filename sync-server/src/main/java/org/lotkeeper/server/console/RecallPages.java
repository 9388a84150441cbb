package org.lotkeeper.server.console;

import java.net.URI;
import java.util.ArrayList;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestForm;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.Fsma204Export;
import org.lotkeeper.server.trace.LotService;
import org.lotkeeper.server.trace.RecallReports;
import org.lotkeeper.server.trace.RecallRequest;
import org.lotkeeper.server.trace.RecallService;
import org.lotkeeper.server.trace.Views;

/**
 * Mock recalls: pick lots or supplier lots, see the affected lots, the stock to contain, the
 * customers with what they were shipped and returned, and how long the answer took; download it
 * as CSV, PDF or EPCIS; start the real recall from it with an electronic signature. All through
 * {@link RecallService} and {@link RecallReports}. QA and SUPERVISOR (and ADMIN).
 */
@Path("/console/recalls")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class RecallPages extends ConsoleResource {

    /** The form as typed, the problems with it, and the latest recalls. */
    @TemplateData
    public record RecallForm(
            String lots, String supplierLots, String reason, List<String> problems, List<Recent> recent) {}

    @TemplateData
    public record Recent(Views.RecallSummary recall, String href) {}

    /** A stored recall's answer with the links the page needs. */
    @TemplateData
    public record RecallView(
            Views.RecallAnswer answer,
            String base,
            List<Lot> affected,
            List<Stock> stock,
            List<CustomerLine> customers,
            List<ItemLine> byItem,
            String startedFrom,
            int customerCount,
            long shippedLines) {

        public int shown() {
            return SHOWN;
        }

        /** Whether any table shows only its first {@value #SHOWN} rows (the downloads hold them all). */
        public boolean cut() {
            return customerCount > customers.size()
                    || answer.affectedLots().size() > affected.size()
                    || answer.stockToContain().size() > stock.size();
        }
    }

    /**
     * Rows shown per table: a popular raw material's recall reaches tens of thousands of lots and
     * hundreds of thousands of shipment lines; the page shows the first ones and the counts, the
     * CSV, PDF and EPCIS downloads hold every row.
     */
    static final int SHOWN = 500;

    @TemplateData
    public record Lot(Views.AffectedLot lot, String href, String onHand) {}

    @TemplateData
    public record Stock(Views.StockToContain stock, String href) {}

    /** Affected lots of one item, status and site, counted, with their stock on hand summed. */
    @TemplateData
    public record ItemLine(Views.AffectedItem item, String onHand) {}

    /** One row per customer: what it was shipped (gross) and sent back, summed, and the link to its lines. */
    @TemplateData
    public record CustomerLine(Views.Customer customer, String name, String shipped, String returned, String href) {}

    /** One page of a recall's shipment lines (of one customer, or all) and its return lines on the first page. */
    @TemplateData
    public record LinesView(
            Views.RecallAnswer answer,
            String base,
            String customer,
            String customerName,
            Views.Page<Views.Shipment> shipments,
            Views.Page<Views.ReturnLine> returns,
            String nextHref,
            boolean firstPage) {}

    @Inject
    RecallService recalls;

    @Inject
    RecallReports reports;

    @Inject
    Fsma204Export fsma;

    @Inject
    LotService lotService;

    @GET
    public TemplateInstance form(@QueryParam("item") String item, @QueryParam("lot") String lot) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        String lots = item != null && lot != null ? item + " " + lot : "";
        return Pages.recalls(
                session.chrome(actor, "recalls", "Recall"), new RecallForm(lots, "", "", List.of(), recent(actor)));
    }

    /**
     * The lots box with a bare lot code completed by its item when only one item has a lot of that
     * code; when several have, a problem asks which.
     */
    private String withItems(Actor actor, String text, List<String> problems) {
        return completed(text, code -> {
            List<String> items = lotService.byCode(actor, code).stream()
                    .filter(h -> h.lot().equalsIgnoreCase(code))
                    .map(h -> h.item() + " " + h.lot())
                    .distinct()
                    .toList();
            if (items.isEmpty()) {
                problems.add("No lot " + code + " in your sites: " + elsewhere(actor, code) + ".");
            } else if (items.size() > 1) {
                problems.add("Lot " + code + " is a lot of "
                        + String.join(
                                " and of ",
                                items.stream()
                                        .map(i -> i.substring(0, i.indexOf(' ')))
                                        .toList()) + ": write the item before it, e.g. " + items.get(0) + ".");
            }
            return items.size() == 1 ? items.get(0) : ""; // "": said above
        });
    }

    /** What to do about a code none of the user's lots has: look elsewhere, or check the code. */
    private String elsewhere(Actor actor, String code) {
        long n = lotService.elsewhere(actor, code);
        return n > 0
                ? n + (n == 1 ? " lot" : " lots") + " with this code " + (n == 1 ? "is" : "are")
                        + " at another site (transferred there, or received there): a user of that site or an admin"
                        + " recalls it"
                : "check the code on the supplier's label or COA, or search it under Lots";
    }

    /**
     * The supplier lots box with a bare supplier lot code completed by its supplier when one
     * supplier sent it; when several did, or none, a problem says so.
     */
    private String withSuppliers(Actor actor, String text, List<String> problems) {
        return completed(text, code -> {
            List<Views.LotHit> hits = lotService.byCode(actor, code).stream()
                    .filter(h -> code.equalsIgnoreCase(h.supplierLot()) && h.supplier() != null)
                    .toList();
            List<String> suppliers =
                    hits.stream().map(Views.LotHit::supplier).distinct().toList();
            if (suppliers.isEmpty()) {
                problems.add(
                        "No lot of your sites came with supplier lot " + code + ": " + elsewhere(actor, code) + ".");
            } else if (suppliers.size() > 1) {
                problems.add("Supplier lot " + code + " came from " + String.join(" and from ", suppliers)
                        + ": write the supplier's code before it, e.g. " + suppliers.get(0) + " " + code + ".");
            }
            return suppliers.size() == 1 ? suppliers.get(0) + " " + hits.get(0).supplierLot() : ""; // "": said above
        });
    }

    /**
     * Each line of one bare code replaced by what {@code complete} makes of it: kept as it was when
     * null (the pairs' own check then names it), left out when empty (a problem already says why).
     */
    private static String completed(String text, java.util.function.Function<String, String> complete) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\\R", -1);
        if (lines.length > 1000) {
            return text; // too many: the pairs' check says so, before any lookup
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String code = line.strip();
            String whole = code.isEmpty() || code.contains(" ") || code.length() > 40 ? null : complete.apply(code);
            out.add(whole == null ? line : whole);
        }
        return String.join("\n", out);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response mock(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String lots,
            @RestForm String supplierLots,
            @RestForm String reason) {
        Actor actor = session.post(csrf, Role.QA, Role.SUPERVISOR);
        List<String> problems = new ArrayList<>();
        List<RecallRequest.LotBody> lotBodies = new ArrayList<>();
        List<RecallRequest.SupplierLotBody> supplierBodies = new ArrayList<>();
        Forms.pairs(withItems(actor, lots, problems), "lots", problems)
                .forEach(p -> lotBodies.add(new RecallRequest.LotBody(p[0], p[1])));
        Forms.pairs(withSuppliers(actor, supplierLots, problems), "supplier lots", problems)
                .forEach(p -> supplierBodies.add(new RecallRequest.SupplierLotBody(p[0], p[1])));
        if (problems.isEmpty()) {
            try {
                Views.RecallAnswer answer = recalls.create(
                        actor,
                        new RecallRequest(true, lotBodies, supplierBodies, Forms.blank(reason) ? null : reason, null));
                return Response.seeOther(URI.create("/console/recalls/" + answer.recallId()))
                        .build();
            } catch (Refused e) {
                problems.addAll(Forms.messages(e));
            }
        }
        return Forms.html(
                400,
                Pages.recalls(
                        session.chrome(actor, "recalls", "Recall"),
                        new RecallForm(lots, supplierLots, reason, problems, recent(actor))));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        Views.RecallAnswer answer = recalls.result(actor, id);
        session.timesOf(answer.startSites());
        Chrome page =
                session.chrome(actor, "recalls", (answer.mock() ? "Mock recall " : "Recall ") + answer.recallId());
        return Pages.recall(page, view(answer));
    }

    /** The lines a customer's sums (or the whole recall's) add up, a page at a time, as the API's {@code …/shipments}. */
    @GET
    @Path("/{id}/shipments")
    public TemplateInstance lines(
            @PathParam("id") String id, @QueryParam("customer") String customer, @QueryParam("after") String after) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        Views.RecallAnswer answer = recalls.result(actor, id);
        String who = Forms.blank(customer) ? null : customer;
        Views.Page<Views.Shipment> page = recalls.shipments(actor, id, who, after, Integer.toString(SHOWN));
        boolean first = Forms.blank(after);
        Views.Page<Views.ReturnLine> returns = first
                ? recalls.returns(actor, id, who, null, Integer.toString(SHOWN))
                : new Views.Page<>(List.of(), null);
        String base = "/console/recalls/" + answer.recallId();
        String self = base + "/shipments?" + (who == null ? "" : "customer=" + ConsoleLinks.enc(who) + "&");
        String name = who == null
                ? null
                : answer.customers().stream()
                        .filter(c -> c.customer().equals(who))
                        .findFirst()
                        .map(c -> c.name() == null ? c.customer() : c.name())
                        .orElse(who);
        session.timesOf(answer.startSites());
        Chrome chrome = session.chrome(actor, "recalls", "Shipments of recall " + answer.recallId());
        return Pages.recallLines(
                chrome,
                new LinesView(
                        answer,
                        base,
                        who,
                        name,
                        page,
                        returns,
                        page.next() == null ? null : self + "after=" + ConsoleLinks.enc(page.next()),
                        first));
    }

    @POST
    @Path("/{id}/real")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response real(
            @PathParam("id") String id,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String reason,
            @RestForm String password,
            @RestForm String meaning) {
        Actor actor = session.post(csrf, Role.QA, Role.SUPERVISOR);
        Views.RecallAnswer mock = recalls.result(actor, id);
        try {
            if (password != null && password.length() > 200) {
                throw Refused.invalid(ErrorCode.TOO_LONG, "the signature password is too long", "signature.password");
            }
            Views.RecallAnswer answer = recalls.create(
                    actor,
                    new RecallRequest(
                            false,
                            mock.startingLots().stream()
                                    .map(l -> new RecallRequest.LotBody(l.item(), l.lot()))
                                    .toList(),
                            mock.supplierLots().stream()
                                    .map(s -> new RecallRequest.SupplierLotBody(s.supplier(), s.supplierLot()))
                                    .toList(),
                            reason,
                            new RecallRequest.SignatureBody(password, Forms.blank(meaning) ? null : meaning)));
            return Response.seeOther(URI.create("/console/recalls/" + answer.recallId()))
                    .build();
        } catch (Refused e) {
            session.timesOf(mock.startSites());
            Chrome page = session.chrome(actor, "recalls", "Mock recall " + mock.recallId())
                    .error("The real recall was not started: " + e.getMessage() + ".");
            return Forms.html(HttpStatus.of(e) == 401 ? 400 : HttpStatus.of(e), Pages.recall(page, view(mock)));
        }
    }

    @GET
    @Path("/{id}/report.csv")
    @Produces(Downloads.CSV)
    public Response csv(@PathParam("id") String id) {
        // streamed: a popular lot's spreadsheet has hundreds of thousands of rows
        return export(id, Downloads.CSV, "csv", r -> (StreamingOutput) out -> fsma.csv(r, out));
    }

    @GET
    @Path("/{id}/report.xlsx")
    @Produces(Downloads.XLSX)
    public Response xlsx(@PathParam("id") String id) {
        Actor asker = session.require(Role.QA, Role.SUPERVISOR);
        return export(id, Downloads.XLSX, "xlsx", r -> (StreamingOutput) out -> fsma.xlsx(r, asker, out));
    }

    @GET
    @Path("/{id}/report.pdf")
    @Produces(Downloads.PDF)
    public Response pdf(@PathParam("id") String id) {
        return export(id, Downloads.PDF, "pdf", reports::pdf);
    }

    @GET
    @Path("/{id}/epcis.jsonld")
    @Produces({Downloads.JSON_LD, MediaType.APPLICATION_JSON})
    public Response epcis(@PathParam("id") String id, @Context HttpHeaders headers) {
        return export(id, Downloads.jsonLd(headers), "jsonld", reports::epcis);
    }

    /** A stored recall as a download, made by the same {@link RecallReports} as the API's. */
    private Response export(
            String id, String type, String extension, java.util.function.Function<Views.RecallAnswer, Object> render) {
        Views.RecallAnswer r = recalls.result(session.require(Role.QA, Role.SUPERVISOR), id);
        return Response.ok(render.apply(r), type)
                .header("Content-Disposition", "attachment; filename=\"recall-" + r.recallId() + "." + extension + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private List<Recent> recent(Actor actor) {
        return recalls.list(actor, 20).stream()
                .map(r -> new Recent(r, "/console/recalls/" + r.recallId()))
                .toList();
    }

    static RecallView view(Views.RecallAnswer a) {
        List<Lot> affected = a.affectedLots().stream()
                .limit(SHOWN)
                .map(l -> new Lot(
                        l,
                        ConsoleLinks.lot(l.item(), l.lot()),
                        String.join(
                                ", ",
                                l.onHand().stream()
                                        .map(h -> ConsoleFormat.text(h.quantity())
                                                + (h.active() == null
                                                        ? ""
                                                        : " (" + ConsoleFormat.text(h.active()) + " active)")
                                                + " at " + h.location())
                                        .toList())))
                .toList();
        List<Stock> stock = a.stockToContain().stream()
                .limit(SHOWN)
                .map(s -> new Stock(s, ConsoleLinks.lot(s.item(), s.lot())))
                .toList();
        String base = "/console/recalls/" + a.recallId();
        List<CustomerLine> customers = a.customers().stream()
                .limit(SHOWN)
                .map(c -> new CustomerLine(
                        c,
                        c.name() == null ? c.customer() : c.name(),
                        RecallPages.sum(c.shippedQuantity()),
                        RecallPages.sum(c.returnedQuantity()),
                        base + "/shipments?customer=" + ConsoleLinks.enc(c.customer())))
                .toList();
        long shippedLines =
                a.customers().stream().mapToLong(Views.Customer::shippedLines).sum();
        String from = String.join(
                        ", ",
                        a.startingLots().stream()
                                .map(l -> l.item() + " " + l.lot())
                                .toList())
                + (a.startingLots().isEmpty() || a.supplierLots().isEmpty() ? "" : "; ")
                + String.join(
                        ", ",
                        a.supplierLots().stream()
                                .map(s -> "supplier lot " + s.supplierLot() + " of " + s.supplier())
                                .toList());
        List<ItemLine> byItem = a.affectedByItem().stream()
                .map(i -> new ItemLine(i, RecallPages.sum(i.onHand())))
                .toList();
        return new RecallView(
                a, base, affected, stock, customers, byItem, from, a.customers().size(), shippedLines);
    }

    private static String sum(List<org.lotkeeper.model.quantity.Quantity> qs) {
        if (qs == null || qs.isEmpty()) {
            return "";
        }
        Map<org.lotkeeper.model.quantity.Uom, org.lotkeeper.model.quantity.Quantity> byUnit =
                new java.util.LinkedHashMap<>();
        qs.forEach(q -> byUnit.merge(q.uom(), q, org.lotkeeper.model.quantity.Quantity::plus));
        return String.join(
                " + ", byUnit.values().stream().map(ConsoleFormat::text).toList());
    }
}
