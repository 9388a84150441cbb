package org.lotkeeper.server.console;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.TaskKind;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.PlantTime;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.tasks.TaskCsv;
import org.lotkeeper.server.tasks.TaskService;

/**
 * Work for the floor, one page per kind: delivery notes (what to ship, what is shipped and what is
 * still missing), return authorisations, orders to pick, expected receipts and counts. A
 * supervisor creates a task with a short form (one line of text per task line), makes a delivery
 * note from an order, closes or cancels one. Every change redirects back to the list, so a reload
 * never posts again. Through {@link TaskService}; SUPERVISOR, of their sites.
 */
@Path("/console/tasks")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class TaskPages extends ConsoleResource {

    /** A kind of task as the page shows it. */
    @TemplateData
    public record KindTab(String kind, String title, boolean active) {}

    /** One task on the list, with its lines in words. */
    @TemplateData
    public record TaskItem(
            TaskService.TaskView task, String partnerName, List<LineItem> lines, String state, boolean open) {}

    /** A line: what is asked, and for delivery notes and RMAs what is done and what is missing. */
    @TemplateData
    public record LineItem(TaskRow.Line line, String asked, String done, String missing) {}

    @TemplateData
    public record TasksView(
            String kind,
            String title,
            String lineHelp,
            List<KindTab> kinds,
            List<TaskItem> open,
            List<TaskItem> ended,
            List<String> sites,
            List<MasterDataLookup.PartnerInfo> partners,
            boolean needsPartner,
            boolean hasShipTo,
            List<MasterDataLookup.SiteInfo> toSites,
            Typed typed) {}

    /** What was typed into the new-task form, shown again when the task was refused; empty otherwise. */
    @TemplateData
    public record Typed(
            String id,
            String site,
            String partner,
            String shipTo,
            String toSite,
            String lines,
            String partnerLocation) {
        static final Typed NONE = new Typed("", "", "", "", "", "", "");

        /** Whether {@code option} is the partner that was chosen. */
        public boolean chosePartner(String option) {
            return option.equals(partner);
        }

        /** Whether {@code option} is the receiving site that was chosen. */
        public boolean choseToSite(String option) {
            return option.equals(toSite);
        }

        /** Whether {@code option} is the site that was chosen. */
        public boolean choseSite(String option) {
            return option.equals(site);
        }
    }

    @Inject
    TaskCsv csv;

    @Inject
    TaskService tasks;

    @Inject
    MasterDataLookup masterData;

    @GET
    public TemplateInstance list(@QueryParam("kind") String kind, @QueryParam("done") String done) {
        Actor actor = session.require(Role.SUPERVISOR);
        TaskKind k = kind(kind);
        Chrome page = session.chrome(actor, "tasks", title(k));
        if (done != null
                && List.of("created", "closed", "cancelled", "imported").contains(done)) {
            page = page.notice(
                    done.equals("imported")
                            ? "Imported: the file's tasks are listed under their kinds."
                            : "Done: the task was " + done + ".");
        }
        return Pages.tasks(page, view(actor, k));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String kind,
            @RestForm String id,
            @RestForm String site,
            @RestForm String partner,
            @RestForm String shipTo,
            @RestForm String toSite,
            @RestForm String lines,
            @RestForm String partnerLocation) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        TaskKind k = kind(kind);
        try {
            tasks.create(
                    actor,
                    new TaskService.TaskRequest(
                            Fields.text("id", id, 64),
                            site,
                            k.name(),
                            Forms.blank(partner) ? null : partner.strip(),
                            Forms.blank(shipTo) ? null : shipTo,
                            parseLines(k, lines),
                            Forms.blank(toSite) ? null : toSite.strip(),
                            Forms.blank(partnerLocation) ? null : partnerLocation.strip()));
        } catch (Refused e) {
            return refused(
                    actor,
                    k,
                    e,
                    "The task was not created",
                    new Typed(
                            Forms.blank(id) ? "" : id,
                            Forms.blank(site) ? "" : site,
                            Forms.blank(partner) ? "" : partner,
                            Forms.blank(shipTo) ? "" : shipTo,
                            Forms.blank(toSite) ? "" : toSite,
                            lines == null ? "" : lines,
                            Forms.blank(partnerLocation) ? "" : partnerLocation));
        }
        return back(k, "created");
    }

    /** Open orders from an ERP as a CSV file (docs/API.md "Tasks CSV"): every task of the file, or none. */
    @POST
    @Path("/csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCsv(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String kind,
            @RestForm("file") FileUpload file) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        TaskKind k = kind(kind);
        try {
            csv.apply(actor, Forms.csvText(file, 8));
        } catch (Refused e) {
            return refused(actor, k, e, "Nothing of the file was imported");
        }
        return back(k, "imported");
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") String id, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        return ended(actor, id, "closed", () -> tasks.close(actor, id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(
            @PathParam("id") String id, @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String reason) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        // a cancel takes a reason: one click on the wrong row does not end a customer's order
        return ended(actor, id, "cancelled", () -> tasks.cancel(actor, id, Fields.text("reason", reason, 500)));
    }

    /** A delivery note from an order to pick: its customer and lines; the handheld offers what was picked for it. */
    @POST
    @Path("/{id}/delivery-note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deliveryNote(
            @PathParam("id") String id,
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @RestForm String note,
            @RestForm String shipTo) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        try {
            tasks.deliveryNoteFrom(
                    actor, id, Forms.blank(note) ? null : note, Forms.blank(shipTo) ? null : shipTo, null);
        } catch (Refused e) {
            if (HttpStatus.of(e) == 404) {
                throw e;
            }
            return refused(actor, TaskKind.PICK, e, "No delivery note was made");
        }
        return back(TaskKind.SHIP, "created");
    }

    private Response ended(Actor actor, String id, String done, Runnable change) {
        TaskService.TaskView task = tasks.find(actor, id);
        try {
            change.run();
        } catch (Refused e) {
            return refused(actor, task.kind(), e, "Not " + done);
        }
        return back(task.kind(), done);
    }

    private Response refused(Actor actor, TaskKind kind, Refused e, String what) {
        return refused(actor, kind, e, what, Typed.NONE);
    }

    private Response refused(Actor actor, TaskKind kind, Refused e, String what, Typed typed) {
        Chrome page =
                session.chrome(actor, "tasks", title(kind)).error(what + ": " + String.join(" ", Forms.messages(e)));
        return Forms.html(
                HttpStatus.of(e) == 401 ? 400 : HttpStatus.of(e), Pages.tasks(page, view(actor, kind, typed)));
    }

    private static Response back(TaskKind kind, String done) {
        return Response.seeOther(URI.create("/console/tasks?kind=" + kind + "&done=" + done))
                .build();
    }

    private TasksView view(Actor actor, TaskKind kind) {
        return view(actor, kind, Typed.NONE);
    }

    private TasksView view(Actor actor, TaskKind kind, Typed typed) {
        List<TaskItem> open = new ArrayList<>();
        List<TaskItem> ended = new ArrayList<>();
        for (TaskService.TaskView t : tasks.list(actor, kind, null)) {
            TaskItem item = item(t);
            (item.open() ? open : ended).add(item);
        }
        PartnerKind partnerKind = switch (kind) {
            case PICK, SHIP, RETURN -> PartnerKind.CUSTOMER;
            case RECEIPT -> PartnerKind.SUPPLIER;
            case COUNT, TRANSFER -> null;
        };
        List<MasterDataLookup.PartnerInfo> partners = partnerKind == null
                ? List.of()
                : masterData.allPartners().stream()
                        .filter(p -> p.kind() == partnerKind)
                        .toList();
        List<String> sites =
                actor.allSites() ? List.of() : actor.sites().stream().sorted().toList();
        List<KindTab> tabs = Arrays.stream(TaskKind.values())
                .map(k -> new KindTab(k.name(), title(k), k == kind))
                .toList();
        return new TasksView(
                kind.name(),
                title(kind),
                lineHelp(kind),
                tabs,
                open,
                ended,
                sites,
                partners,
                partnerKind != null,
                kind == TaskKind.SHIP,
                kind == TaskKind.TRANSFER ? toSites(actor) : List.of(),
                typed);
    }

    /** The sites a transfer may go to: every site but the user's own when they work at one site only. */
    private List<MasterDataLookup.SiteInfo> toSites(Actor actor) {
        return masterData.sitePage("", 1000).stream()
                .filter(s -> actor.allSites()
                        || actor.sites().size() != 1
                        || !actor.sites().contains(s.code()))
                .toList();
    }

    /** What doing a task of this kind is called: "shipped", "returned", "received". */
    private static String done(TaskKind kind) {
        return switch (kind) {
            case SHIP -> "shipped";
            case RETURN -> "returned";
            case RECEIPT -> "received";
            case PICK -> "picked";
            case COUNT -> "counted";
            case TRANSFER -> "sent";
        };
    }

    private TaskItem item(TaskService.TaskView t) {
        boolean progress = t.progress() != null;
        List<LineItem> lines = t.lines().stream()
                .map(l -> {
                    String asked = l.item()
                            + (l.lot() == null ? "" : " lot " + l.lot())
                            + (l.location() == null ? "" : " at " + l.location())
                            + (l.quantity() == null ? "" : ", " + ConsoleFormat.text(l.quantity()))
                            + (l.reason() == null ? "" : " — " + l.reason());
                    String done = !progress || l.done() == null ? "" : ConsoleFormat.text(l.done());
                    String missing = "";
                    if (progress && l.quantity() != null) {
                        var left =
                                l.done() == null ? l.quantity() : l.quantity().minus(l.done());
                        missing = left.isPositive() ? ConsoleFormat.text(left) : "";
                    }
                    return new LineItem(l, asked, done, missing);
                })
                .toList();
        String state = switch (t.status()) {
            case DONE -> "closed by " + t.closedBy() + ", " + PlantTime.format(t.closedAt(), session.zone());
            case CANCELLED -> "cancelled by " + t.closedBy() + ", " + PlantTime.format(t.closedAt(), session.zone());
            case OPEN ->
                t.progress() == null
                        ? "open"
                        : switch (t.progress()) {
                            case NONE -> "open, nothing " + done(t.kind()) + " yet";
                            case PARTIAL -> "partly " + done(t.kind());
                            case COMPLETE -> done(t.kind());
                        };
        };
        if (t.kind() == TaskKind.TRANSFER && t.progress() != null && t.progress() != TaskService.Progress.NONE) {
            state += t.inTransit() ? "; on its way to " + t.toSite() : "; received at " + t.toSite();
        }
        String partnerName = t.partner() == null
                ? null
                : masterData.partners(List.of(t.partner())).values().stream()
                        .findFirst()
                        .map(MasterDataLookup.PartnerInfo::name)
                        .orElse(t.partner());
        return new TaskItem(t, partnerName, lines, state, t.pending());
    }

    static String title(TaskKind kind) {
        return switch (kind) {
            case SHIP -> "Delivery notes";
            case RETURN -> "Return authorisations";
            case PICK -> "Orders to pick";
            case RECEIPT -> "Expected receipts";
            case COUNT -> "Counts";
            case TRANSFER -> "Transfers to sister sites";
        };
    }

    private static String lineHelp(TaskKind kind) {
        return switch (kind) {
            case SHIP -> "One line each: ITEM QUANTITY [UNIT] [LOT], e.g. FG-PRIMER 20 or FG-PRIMER 20 pc PR-1003";
            case RETURN -> "One line each: ITEM LOT QUANTITY [UNIT] reason, e.g. FG-TOPCOAT TC-1002 2 Damaged pail";
            case PICK -> "One line each: ITEM QUANTITY [UNIT], e.g. FG-PRIMER 10";
            case RECEIPT ->
                "One line each: ITEM [QUANTITY [UNIT]] [SUPPLIER'S LOT], e.g. RM-RESIN 1000 kg or RM-RESIN 800 kg ACR-779";
            case COUNT -> "One line each: ITEM LOCATION, e.g. FG-PRIMER WH-A-01";
            case TRANSFER ->
                "One line each: ITEM QUANTITY [UNIT] [LOT], e.g. IM-BASE 400 kg or IM-BASE 400 kg B-1001; whole lots"
                        + " are sent (split a lot first to send part of it)";
        };
    }

    private static TaskKind kind(String kind) {
        if (Forms.blank(kind)) {
            return TaskKind.PICK; // the first tab
        }
        return TaskKind.of(kind.strip())
                .orElseThrow(() -> ConsoleProblem.notFound("No such kind of task: choose one from the tabs."));
    }

    /** The form's lines, one task line per line of text, read as {@link #lineHelp} says for the kind. */
    static List<TaskService.LineRequest> parseLines(TaskKind kind, String text) {
        List<TaskService.LineRequest> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] rows = text.split("\\R", -1);
        if (rows.length > 500) {
            throw Refused.invalid(ErrorCode.OUT_OF_RANGE, "a task has 1 to 500 lines", "lines");
        }
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] w = row.split("\\s+", -1);
            String at = "lines[" + out.size() + "]";
            try {
                out.add(
                        switch (kind) {
                            case SHIP, PICK, TRANSFER -> {
                                int n = 2;
                                String unit = w.length > n && isUnit(w[n]) ? unitCode(w[n++]) : null;
                                String lot = kind != TaskKind.PICK && w.length > n ? w[n++] : null;
                                if (w.length > n) {
                                    throw new NumberFormatException("'" + w[n] + "' is more than this line takes");
                                }
                                yield new TaskService.LineRequest(w[0], lot, null, number(w, 1, at), unit, null);
                            }
                            case RETURN -> {
                                int n = 3;
                                String unit = w.length > n && isUnit(w[n]) ? unitCode(w[n++]) : null;
                                String reason =
                                        w.length > n ? String.join(" ", Arrays.copyOfRange(w, n, w.length)) : null;
                                yield new TaskService.LineRequest(
                                        w[0], word(w, 1), null, number(w, 2, at), unit, reason);
                            }
                            case RECEIPT -> {
                                // item [quantity [unit]] [the supplier's lot code]
                                int n = 2;
                                String unit = w.length > n && isUnit(w[n]) ? unitCode(w[n++]) : null;
                                String lot = w.length > n ? w[n++] : null;
                                if (w.length > n) {
                                    throw new NumberFormatException("'" + w[n] + "' is more than this line takes");
                                }
                                yield new TaskService.LineRequest(
                                        w[0], lot, null, w.length > 1 ? number(w, 1, at) : null, unit, null);
                            }
                            case COUNT -> new TaskService.LineRequest(w[0], null, word(w, 1), null, null, null);
                        });
            } catch (NumberFormatException e) {
                throw Refused.invalid(ErrorCode.BAD_FORMAT, "line " + (i + 1) + ": " + e.getMessage(), at);
            }
        }
        return out;
    }

    private static BigDecimal number(String[] w, int i, String at) {
        if (w.length <= i) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, at + ": the quantity is missing", at + ".quantity");
        }
        if (!isNumber(w[i])) {
            throw new NumberFormatException("'" + w[i] + "' is not a quantity such as 20 or 12.5");
        }
        return new BigDecimal(w[i]);
    }

    private static String word(String[] w, int i) {
        return w.length > i ? w[i] : null;
    }

    private static boolean isNumber(String s) {
        return s.matches("\\d{1,15}(\\.\\d{1,9})?");
    }

    /** A unit as a person types it: its symbol or its Rec 20 code, any case ("kg", "KGM", "pc"). */
    private static boolean isUnit(String s) {
        return org.lotkeeper.model.quantity.Uom.keyed(s).isPresent();
    }

    /** The Rec 20 code the service takes for a typed unit; what is not a unit is passed on to be refused there. */
    private static String unitCode(String s) {
        return org.lotkeeper.model.quantity.Uom.keyed(s).map(Enum::name).orElse(s);
    }
}
