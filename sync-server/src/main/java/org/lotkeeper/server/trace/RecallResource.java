package org.lotkeeper.server.trace;

import jakarta.annotation.security.RolesAllowed;
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
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code POST /api/v1/recalls} (mock or real), {@code GET /api/v1/recalls},
 * {@code GET /api/v1/recalls/{id}}, its affected lots and links ({@code lots}, {@code links}, paged), its lines ({@code shipments}, {@code returns}, paged) and exports: {@code report.csv}, {@code report.xlsx}, {@code report.pdf},
 * {@code epcis.jsonld}. QA and SUPERVISOR (and ADMIN).
 */
@Path("/api/v1/recalls")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA", "SUPERVISOR"})
public class RecallResource {

    @Inject
    RecallService recalls;

    @Inject
    RecallReports reports;

    @Inject
    Fsma204Export fsma;

    @Inject
    CurrentActor actor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RecallRequest request) {
        // the bytes the recall was stored as: serialised once, however large
        return Response.ok(recalls.createStored(actor.get(), request).json(), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    public java.util.List<Views.RecallSummary> list(@QueryParam("limit") String limit) {
        return recalls.list(actor.get(), (int) Fields.wholeNumber("limit", limit, 1, 1000, 100));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return Response.ok(recalls.resultJson(actor.get(), id), MediaType.APPLICATION_JSON)
                .build();
    }

    /** {@code GET /api/v1/recalls/{id}/lots?after=&limit=}: the affected lots, in the recall's order, a page at a time. */
    @GET
    @Path("/{id}/lots")
    public Views.Page<Views.AffectedLot> lots(
            @PathParam("id") String id, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return recalls.lots(actor.get(), id, after, limit);
    }

    /** {@code GET /api/v1/recalls/{id}/links?after=&limit=}: the links between the affected lots, a page at a time. */
    @GET
    @Path("/{id}/links")
    public Views.Page<Views.TraceLink> links(
            @PathParam("id") String id, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return recalls.links(actor.get(), id, after, limit);
    }

    /** {@code GET /api/v1/recalls/{id}/shipments?customer=&after=&limit=}: the lines the customers' sums add up, a page at a time. */
    @GET
    @Path("/{id}/shipments")
    public Views.Page<Views.Shipment> shipments(
            @PathParam("id") String id,
            @QueryParam("customer") String customer,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return recalls.shipments(actor.get(), id, customer, after, limit);
    }

    /** {@code GET /api/v1/recalls/{id}/returns?customer=&after=&limit=}. */
    @GET
    @Path("/{id}/returns")
    public Views.Page<Views.ReturnLine> returns(
            @PathParam("id") String id,
            @QueryParam("customer") String customer,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return recalls.returns(actor.get(), id, customer, after, limit);
    }

    @GET
    @Path("/{id}/report.csv")
    @Produces(Downloads.CSV)
    public Response csv(@PathParam("id") String id) {
        Views.RecallAnswer recall = recalls.result(actor.get(), id);
        // streamed from a cursor: a popular lot's spreadsheet has hundreds of thousands of rows
        return Downloads.attachment(
                (StreamingOutput) out -> fsma.csv(recall, out), Downloads.CSV, "recall-" + recall.recallId() + ".csv");
    }

    /** The FDA's electronic sortable spreadsheet of the recall: a sheet per critical tracking event. */
    @GET
    @Path("/{id}/report.xlsx")
    @Produces(Downloads.XLSX)
    public Response xlsx(@PathParam("id") String id) {
        Actor caller = actor.get();
        Views.RecallAnswer recall = recalls.result(caller, id);
        return Downloads.attachment(
                (StreamingOutput) out -> fsma.xlsx(recall, caller, out),
                Downloads.XLSX,
                "recall-" + recall.recallId() + ".xlsx");
    }

    @GET
    @Path("/{id}/report.pdf")
    @Produces(Downloads.PDF)
    public Response pdf(@PathParam("id") String id) {
        Views.RecallAnswer recall = recalls.result(actor.get(), id);
        return Downloads.attachment(reports.pdf(recall), Downloads.PDF, "recall-" + recall.recallId() + ".pdf");
    }

    @GET
    @Path("/{id}/epcis.jsonld")
    @Produces({Downloads.JSON_LD, MediaType.APPLICATION_JSON})
    public Response epcis(@PathParam("id") String id, @Context HttpHeaders headers) {
        Views.RecallAnswer recall = recalls.result(actor.get(), id);
        return Downloads.attachment(
                reports.epcis(recall), Downloads.jsonLd(headers), "recall-" + recall.recallId() + ".jsonld");
    }
}
