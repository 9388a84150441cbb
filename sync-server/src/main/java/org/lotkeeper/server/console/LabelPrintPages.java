package org.lotkeeper.server.console;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.labels.Label;
import org.lotkeeper.server.labels.LabelFormat;
import org.lotkeeper.server.labels.LabelService;
import org.lotkeeper.server.labels.LabelSymbology;
import org.lotkeeper.server.security.Actor;

/**
 * Printing labels from the console: a lot's internal label and a pallet's SSCC label as PNG, PDF
 * or ZPL, through the same {@link LabelService} as {@code /api/v1/labels}, for the same roles
 * (RECEIVER, QA, SUPERVISOR; ADMIN). Read-only GETs: the lot page and the label page link here.
 */
@Path("/console/labels/print")
@PermitAll
public class LabelPrintPages extends ConsoleResource {

    @Inject
    LabelService labels;

    /** What was typed in the print forms, shown again when a label is refused. */
    @io.quarkus.qute.TemplateData
    public record PrintForm(
            String item,
            String lot,
            String sscc,
            String blockItem,
            String first,
            String count,
            String rollSite,
            String rollCount) {
        /** Nothing typed yet; the roll's site is the user's own when they have one. */
        static PrintForm of(Actor actor) {
            String site = actor.sites().size() == 1 ? actor.sites().iterator().next() : null;
            return new PrintForm(null, null, null, null, null, null, site, null);
        }

        PrintForm(String item, String lot, String sscc, String blockItem, String first, String count) {
            this(item, lot, sscc, blockItem, first, count, null, null);
        }
    }

    @GET
    @Path("/lot")
    public Response lot(
            @QueryParam("item") String item,
            @QueryParam("lot") String lot,
            @QueryParam("format") @DefaultValue("png") String format,
            @QueryParam("symbology") @DefaultValue("both") String symbology) {
        Actor actor = session.require(Role.RECEIVER, Role.QA, Role.SUPERVISOR);
        try {
            Label label = labels.lotLabel(actor, item, lot, null, LabelSymbology.parameter(symbology));
            return labels.download(label, LabelFormat.parameter(format), "lot-" + item + "-" + lot);
        } catch (Refused e) {
            return refused(actor, e, new PrintForm(item, lot, null, null, null, null));
        }
    }

    /**
     * A block of pre-printed internal lot labels for an item numbered by hand (the labels page's
     * form; a POST: the codes printed are recorded).
     */
    @POST
    @Path("/block")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String item,
            @RestForm String first,
            @RestForm String count,
            @RestForm @DefaultValue("pdf") String format,
            @RestForm String reprint) {
        Actor actor = session.post(csrf, Role.RECEIVER, Role.QA, Role.SUPERVISOR);
        try {
            return labels.lotLabelBlock(actor, item, first, count, format, "yes".equals(reprint), LabelSymbology.BOTH);
        } catch (Refused e) {
            return refused(actor, e, new PrintForm(null, null, null, item, first, count));
        }
    }

    /** A roll of blank pallet labels with new SSCCs of a site (the labels page's form; a POST: numbers are drawn). */
    @POST
    @Path("/sscc-roll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ssccRoll(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String site,
            @RestForm String count,
            @RestForm @DefaultValue("pdf") String format) {
        Actor actor = session.post(csrf, Role.RECEIVER, Role.QA, Role.SUPERVISOR);
        try {
            return labels.ssccRoll(actor, site, count, format);
        } catch (Refused e) {
            return refused(actor, e, new PrintForm(null, null, null, null, null, null, site, count));
        }
    }

    @GET
    @Path("/sscc")
    public Response sscc(@QueryParam("sscc") String sscc, @QueryParam("format") @DefaultValue("png") String format) {
        Actor actor = session.require(Role.RECEIVER, Role.QA, Role.SUPERVISOR);
        try {
            Label label = labels.ssccLabel(actor, sscc == null ? "" : sscc.strip());
            return labels.download(label, LabelFormat.parameter(format), "sscc-" + sscc);
        } catch (Refused e) {
            return refused(actor, e, new PrintForm(null, null, sscc, null, null, null));
        }
    }

    /** A label that cannot be printed: the label page again, saying why, with its forms to try another. */
    private Response refused(Actor actor, Refused e, PrintForm typed) {
        return Forms.html(
                HttpStatus.of(e),
                Pages.labels(
                        session.chrome(actor, "labels", "Labels")
                                .error("No label printed: " + ConsoleProblemMapper.sentence(e.getMessage())),
                        LabelCheckPage.CheckView.empty(),
                        typed));
    }
}
