package org.lotkeeper.server.tasks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Texts;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.TaskKind;
import org.lotkeeper.model.wire.TaskProgress;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.db.RowWriter;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.SiteChangeCounter;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;

import static org.lotkeeper.server.db.RowWriter.column;

/**
 * Tasks for the devices of a site: pick lists (an order's lines, allocated on the device by
 * FEFO), expected receipts (a PO or ASN, its supplier and items), count tasks (where to count,
 * blind), delivery notes (what to ship to a customer) and return authorisations (what a customer
 * may send back, and why). Open tasks go down with every pull; a supervisor closes or cancels
 * them. A delivery note or an RMA says how much of each line the ledger already holds (shipped,
 * returned): a partly shipped one stays open with what remains, a complete one stops going to
 * devices (docs/DOMAIN.md, "Tasks").
 */
@ApplicationScoped
public class TaskService {

    /** Whether a task is still work: OPEN, closed by a supervisor (DONE), or CANCELLED. */
    public enum Status {
        OPEN,
        DONE,
        CANCELLED
    }

    /** How much of a delivery note, RMA or expected receipt the ledger holds: nothing, part, or every line. */
    public enum Progress {
        NONE,
        PARTIAL,
        COMPLETE;

        static Progress of(List<TaskRow.Line> lines) {
            return TaskProgress.complete(lines) ? COMPLETE : TaskProgress.started(lines) ? PARTIAL : NONE;
        }
    }

    /**
     * A task as asked for; {@code partnerLocation}, optional, is the code of one of the partner's
     * locations (master data's partner locations): a pick list's or delivery note's ship-to, an
     * expected receipt's or RMA's ship-from.
     */
    public record TaskRequest(
            String id,
            String site,
            String kind,
            String partner,
            String shipTo,
            List<LineRequest> lines,
            String toSite,
            String partnerLocation) {

        /** A task naming none of the partner's locations. */
        public TaskRequest(
                String id,
                String site,
                String kind,
                String partner,
                String shipTo,
                List<LineRequest> lines,
                String toSite) {
            this(id, site, kind, partner, shipTo, lines, toSite, null);
        }

        /** A task that is not a transfer order. */
        public TaskRequest(
                String id, String site, String kind, String partner, String shipTo, List<LineRequest> lines) {
            this(id, site, kind, partner, shipTo, lines, null);
        }
    }

    /** A line as asked for; which fields a kind needs is checked. */
    public record LineRequest(
            String item, String lot, String location, BigDecimal quantity, String uom, String reason) {}

    /**
     * A task as stored, with its progress (delivery notes, RMAs and expected receipts; null for other kinds).
     *
     * @param sourceOrder the pick order a delivery note was made from, or null
     * @param toSite      a transfer order's receiving site, or null
     * @param inTransit   a transfer order with stock sent and not yet received at {@code toSite}
     */
    public record TaskView(
            String id,
            String site,
            TaskKind kind,
            String partner,
            String shipTo,
            String sourceOrder,
            String toSite,
            Status status,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt,
            List<TaskRow.Line> lines,
            Progress progress,
            boolean inTransit,
            MasterDataLookup.PartnerLocationInfo partnerLocation) {

        /** Still work for devices: open, and not yet complete. */
        public boolean pending() {
            return status == Status.OPEN && progress != Progress.COMPLETE;
        }
    }

    /** A partner location as the device shows it. */
    private static TaskRow.Place place(MasterDataLookup.PartnerLocationInfo l) {
        if (l == null) {
            return null;
        }
        String address = l.description().address();
        return new TaskRow.Place(l.code(), l.name(), address.isEmpty() ? null : address, l.gln());
    }

    /** A task line stored: the task, its place, and what it asks. */
    private record StoredLine(String taskId, int lineNo, TaskRow.Line line) {}

    private static final RowWriter<StoredLine> LINES = RowWriter.insert(
            "task_line",
            "",
            List.of(
                    column("task_id", StoredLine::taskId),
                    column("line_no", StoredLine::lineNo),
                    column("item", l -> l.line().item()),
                    column("lot", l -> l.line().lot()),
                    column("location", l -> l.line().location()),
                    column(
                            "quantity",
                            l -> l.line().quantity() == null
                                    ? null
                                    : l.line().quantity().value()),
                    column(
                            "uom",
                            l -> l.line().quantity() == null
                                    ? null
                                    : l.line().quantity().uom()),
                    column("reason", l -> l.line().reason())));

    @Inject
    DataSource dataSource;

    @Inject
    MasterDataLookup masterData;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    SiteChangeCounter siteChanges;

    @Transactional
    public TaskView create(Actor by, TaskRequest request) {
        return create(by, request, null);
    }

    /**
     * An expected receipt from a supplier's advance ship notice (EPCIS capture): a new RECEIPT
     * task, or — where a despatch advice comes as several shipping events — more lines on the
     * open RECEIPT task of that id, supplier and site. Another kind, supplier, site or a closed
     * task under the id is refused as a duplicate.
     */
    @Transactional
    public TaskView expectedReceipt(Actor by, TaskRequest request) {
        List<TaskView> found = load("SELECT * FROM task WHERE id = ?", request.id());
        if (found.isEmpty()) {
            return create(by, request, null);
        }
        TaskView task = found.get(0);
        if (task.kind() != TaskKind.RECEIPT
                || task.status() != Status.OPEN
                || !task.site().equals(request.site())
                || !task.partner().equals(request.partner())) {
            throw Refused.of(
                    ErrorCode.DUPLICATE,
                    "task " + request.id() + " already exists and is not an open expected receipt from "
                            + request.partner() + " at " + request.site());
        }
        if (!by.canReach(task.site())) {
            throw Refused.siteNotAllowed("you have no access to site " + task.site());
        }
        ValidationErrors errors = new ValidationErrors();
        List<LineRequest> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.isEmpty() || task.lines().size() + lines.size() > 500) {
            errors.add("lines", ErrorCode.OUT_OF_RANGE, "a task has 1 to 500 lines");
        }
        List<TaskRow.Line> checked = lines(errors, TaskKind.RECEIPT, lines, task.site(), task.partner());
        errors.throwIfAny();
        List<StoredLine> stored = new ArrayList<>();
        for (TaskRow.Line line : checked) {
            stored.add(new StoredLine(task.id(), task.lines().size() + stored.size() + 1, line));
        }
        run(c -> {
            LINES.run(c, stored);
            return null;
        });
        audit.record(
                by.id(),
                "TASK_EXTENDED",
                task.id(),
                task.site(),
                stored.size() + " more lines from an advance ship notice");
        siteChanges.changed(task.site());
        return find(by, task.id());
    }

    /** A delivery note made from a pick task: the same customer and lines; it offers the lots picked for that order. */
    @Transactional
    public TaskView deliveryNoteFrom(Actor by, String pickId, String noteId, String shipTo, String partnerLocation) {
        TaskView pick = find(by, pickId);
        if (pick.kind() != TaskKind.PICK) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "task " + pickId + " is a " + pick.kind() + " task, not an order to pick",
                    "id");
        }
        List<LineRequest> lines = pick.lines().stream()
                .map(l -> new LineRequest(
                        l.item().value(),
                        l.lot() == null ? null : l.lot().value(),
                        null,
                        l.quantity().value(),
                        l.quantity().uom().name(),
                        null))
                .toList();
        String id = noteId == null || noteId.isBlank() ? "DN-" + pickId : noteId.strip();
        // the order's ship-to location, unless the note names another of the customer's
        String place = partnerLocation != null && !partnerLocation.isBlank()
                ? partnerLocation
                : pick.partnerLocation() == null ? null : pick.partnerLocation().code();
        return create(
                by,
                new TaskRequest(id, pick.site(), TaskKind.SHIP.name(), pick.partner(), shipTo, lines, null, place),
                pickId);
    }

    private TaskView create(Actor by, TaskRequest request, String sourceOrder) {
        ValidationErrors errors = new ValidationErrors();
        String id = request.id();
        try {
            id = Reference.of(request.id()).value();
        } catch (IllegalArgumentException e) {
            errors.add("id", ErrorCode.INVALID_FIELD, "id: " + e.getMessage());
        }
        TaskKind kind = null;
        if (request.kind() == null) {
            errors.add("kind", ErrorCode.MISSING_FIELD, "kind is required (" + kinds() + ")");
        } else {
            kind = TaskKind.of(request.kind()).orElse(null);
            if (kind == null) {
                errors.add("kind", ErrorCode.UNKNOWN_ENUM, "kind must be one of " + kinds());
            }
        }
        if (!valid(request.site(), SiteCode::of)
                || masterData.site(request.site()).isEmpty()) {
            errors.add("site", ErrorCode.UNKNOWN_SITE, "site is required and must be in master data");
        } else if (!by.canReach(request.site())) {
            throw Refused.siteNotAllowed("you have no access to site " + request.site());
        }
        PartnerKind wanted = kind == null
                ? null
                : switch (kind) {
                    case PICK, SHIP, RETURN -> PartnerKind.CUSTOMER;
                    case RECEIPT -> PartnerKind.SUPPLIER;
                    case COUNT, TRANSFER -> null;
                };
        String toSite = null;
        if (kind == TaskKind.TRANSFER) {
            if (request.partner() != null && !request.partner().isBlank()) {
                errors.add("partner", ErrorCode.INVALID_FIELD, "a transfer order goes to a site, not to a partner");
            }
            if (!valid(request.toSite(), SiteCode::of)
                    || masterData.site(request.toSite()).isEmpty()) {
                errors.add(
                        "toSite",
                        ErrorCode.UNKNOWN_SITE,
                        valid(request.toSite(), SiteCode::of)
                                ? "toSite " + request.toSite() + " is not a site in master data"
                                : "a transfer order needs the receiving site's code (toSite)");
            } else if (request.toSite().equals(request.site())) {
                errors.add(
                        "toSite",
                        ErrorCode.INVALID_FIELD,
                        "a transfer order goes to another site, not to its own site " + request.site());
            } else {
                toSite = request.toSite();
            }
        } else if (request.toSite() != null && !request.toSite().isBlank()) {
            errors.add("toSite", ErrorCode.INVALID_FIELD, "only a transfer order (TRANSFER) has a receiving site");
        }
        if (wanted != null) {
            var partner = !valid(request.partner(), PartnerCode::of)
                    ? null
                    : masterData.partners(List.of(request.partner())).get(request.partner());
            if (partner == null || partner.kind() != wanted) {
                errors.add(
                        "partner",
                        ErrorCode.UNKNOWN_PARTNER,
                        "a " + kind + " task needs a " + wanted.name().toLowerCase(java.util.Locale.ROOT)
                                + " from master data");
            }
        }
        String place = null;
        if (request.partnerLocation() != null && !request.partnerLocation().isBlank()) {
            if (wanted == null) {
                errors.add(
                        "partnerLocation",
                        ErrorCode.INVALID_FIELD,
                        "only a task with a partner (pick, receipt, ship, return) names one of the partner's locations");
            } else if (valid(request.partner(), PartnerCode::of)) {
                String asked = request.partnerLocation().strip();
                List<MasterDataLookup.PartnerLocationInfo> known = masterData
                        .partnerLocations(List.of(request.partner()))
                        .getOrDefault(request.partner(), List.of());
                place = known.stream()
                        .map(MasterDataLookup.PartnerLocationInfo::code)
                        .filter(code -> code.equalsIgnoreCase(asked))
                        .findFirst()
                        .orElse(null);
                if (place == null) {
                    errors.add(
                            "partnerLocation",
                            ErrorCode.UNKNOWN_LOCATION,
                            "partner " + request.partner() + " has no location " + asked + " in master data"
                                    + (known.isEmpty()
                                            ? " (it has none)"
                                            : " (it has "
                                                    + String.join(
                                                            ", ",
                                                            known.stream()
                                                                    .map(MasterDataLookup.PartnerLocationInfo::code)
                                                                    .toList())
                                                    + ")"));
                }
            }
        }
        String shipTo = null;
        if (request.shipTo() != null && !request.shipTo().isBlank()) {
            if (kind != TaskKind.SHIP) {
                errors.add("shipTo", ErrorCode.INVALID_FIELD, "only a delivery note (SHIP) has a ship-to");
            } else {
                try {
                    shipTo = Texts.requireFreeText("shipTo", request.shipTo().strip());
                } catch (IllegalArgumentException e) {
                    errors.add("shipTo", ErrorCode.INVALID_FIELD, e.getMessage());
                }
            }
        }
        List<LineRequest> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.isEmpty() || lines.size() > 500) {
            errors.add("lines", ErrorCode.OUT_OF_RANGE, "a task has 1 to 500 lines");
        }
        List<TaskRow.Line> checked = lines(
                errors,
                kind,
                lines,
                request.site(),
                kind == TaskKind.RECEIPT && valid(request.partner(), PartnerCode::of) ? request.partner() : null);
        errors.throwIfAny();
        String taskId = id;
        TaskKind taskKind = kind;
        String taskShipTo = shipTo;
        String taskToSite = toSite;
        String taskPlace = place;
        Instant now = clock.instant();
        run(c -> {
            if (exists(c, taskId)) {
                throw Refused.of(ErrorCode.DUPLICATE, "task " + taskId + " already exists");
            }
            Jdbc.update(
                    c,
                    "INSERT INTO task (id, site, kind, partner, ship_to, source_order, to_site, created_by, created_at, "
                            + "partner_location) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    taskId,
                    request.site(),
                    taskKind,
                    taskKind == TaskKind.TRANSFER ? null : request.partner(),
                    taskShipTo,
                    sourceOrder,
                    taskToSite,
                    by.id(),
                    now,
                    taskPlace);
            List<StoredLine> stored = new ArrayList<>();
            for (int n = 0; n < checked.size(); n++) {
                stored.add(new StoredLine(taskId, n + 1, checked.get(n)));
            }
            LINES.run(c, stored);
            return null;
        });
        audit.record(
                by.id(),
                "TASK_CREATED",
                taskId,
                request.site(),
                taskKind + " with " + checked.size() + " lines"
                        + (sourceOrder == null ? "" : " from order " + sourceOrder)
                        + (taskToSite == null ? "" : " to site " + taskToSite));
        siteChanges.changed(request.site());
        return find(by, taskId);
    }

    private static String kinds() {
        return String.join(
                ", ", java.util.Arrays.stream(TaskKind.values()).map(Enum::name).toList());
    }

    private static boolean valid(String code, Function<String, ?> parse) {
        try {
            return parse.apply(code) != null;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    /**
     * An expected receipt names only items its supplier is approved for (when the item lists
     * approved suppliers): the handheld would refuse the delivery at the dock.
     */
    private void approvedSupplier(ValidationErrors errors, String at, String item, String supplier) {
        List<String> approved =
                masterData.item(item).map(MasterDataLookup.ItemInfo::suppliers).orElse(List.of());
        if (!approved.isEmpty() && !approved.contains(supplier)) {
            errors.add(
                    at,
                    ErrorCode.INVALID_FIELD,
                    "item " + item + " is not approved from " + supplier + " (approved: " + String.join(", ", approved)
                            + ")");
        }
    }

    /**
     * The lines asked for, checked (problems into {@code errors}, each naming {@code lines[i]}); an
     * expected receipt's items approved for {@code supplier} when one is given.
     */
    private List<TaskRow.Line> lines(
            ValidationErrors errors, TaskKind kind, List<LineRequest> lines, String site, String supplier) {
        List<TaskRow.Line> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TaskRow.Line line = line(errors, "lines[" + i + "]", kind, lines.get(i), site);
            if (line != null) {
                checked.add(line);
                if (supplier != null) {
                    approvedSupplier(
                            errors, "lines[" + i + "].item", line.item().value(), supplier);
                }
            }
        }
        return checked;
    }

    private TaskRow.Line line(ValidationErrors errors, String at, TaskKind kind, LineRequest l, String site) {
        if (l == null) {
            errors.add(at, ErrorCode.MISSING_FIELD, "line is null");
            return null;
        }
        try {
            ItemCode item = ItemCode.of(l.item() == null ? "" : l.item());
            var info = masterData.item(item.value());
            if (info.isEmpty()) {
                errors.add(at + ".item", ErrorCode.UNKNOWN_ITEM, "item " + item + " is not in master data");
                return null;
            }
            LotCode lot = l.lot() == null || l.lot().isBlank()
                    ? null
                    : LotCode.of(l.lot().strip());
            LocationCode location = l.location() == null || l.location().isBlank()
                    ? null
                    : LocationCode.of(l.location().strip());
            if (location != null) {
                var loc = masterData.locations(List.of(location.value())).get(location.value());
                if (loc == null || !loc.site().equals(site)) {
                    errors.add(
                            at + ".location",
                            ErrorCode.UNKNOWN_LOCATION,
                            "location " + location + " is not a location of site " + site);
                    return null;
                }
            }
            Quantity quantity = null;
            if (l.quantity() != null) {
                Uom uom = l.uom() == null || l.uom().isBlank()
                        ? info.get().baseUom()
                        : Uom.keyed(l.uom().strip())
                                .orElseThrow(() -> new InvalidQuantityException(
                                        InvalidQuantityException.Reason.UNKNOWN_UNIT,
                                        "unit " + l.uom() + " is not supported; use kg, g, L, mL or pc"));
                try {
                    quantity = info.get()
                            .units()
                            .toBase(Quantity.of(l.quantity(), uom).requirePositive());
                } catch (InvalidQuantityException e) {
                    throw new InvalidQuantityException(
                            e.reason(),
                            l.item() + " is counted in " + info.get().baseUom().symbol() + ": " + e.getMessage());
                }
            }
            String reason = null;
            if (l.reason() != null && !l.reason().isBlank()) {
                if (kind != TaskKind.RETURN) {
                    errors.add(
                            at + ".reason",
                            ErrorCode.INVALID_FIELD,
                            "only a return authorisation's lines have a reason");
                } else {
                    reason = Texts.requireFreeText("reason", l.reason().strip());
                }
            }
            if ((kind == TaskKind.PICK || kind == TaskKind.SHIP || kind == TaskKind.RETURN || kind == TaskKind.TRANSFER)
                    && quantity == null) {
                errors.add(at + ".quantity", ErrorCode.MISSING_FIELD, "a " + kind + " line needs a quantity");
            }
            if (kind == TaskKind.RETURN && lot == null) {
                errors.add(
                        at + ".lot",
                        ErrorCode.MISSING_FIELD,
                        "a return authorisation names the lot that may come back");
            }
            if (kind == TaskKind.RETURN && reason == null) {
                errors.add(
                        at + ".reason",
                        ErrorCode.MISSING_FIELD,
                        "a return authorisation line says why it may come back");
            }
            if (kind == TaskKind.COUNT && (location == null || quantity != null)) {
                errors.add(
                        at,
                        ErrorCode.INVALID_FIELD,
                        "a count line names a location and no quantity (counts are blind)");
            }
            return new TaskRow.Line(item, lot, location, quantity, null, null, reason);
        } catch (InvalidIdentifierException | InvalidQuantityException e) {
            errors.add(at, ErrorCode.INVALID_FIELD, e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(at, ErrorCode.INVALID_FIELD, e.getMessage());
            return null;
        }
    }

    /** A supervisor closes a task: done, whatever is left of it. */
    @Transactional
    public TaskView close(Actor by, String id) {
        return end(by, id, Status.DONE, "TASK_CLOSED", null);
    }

    /** A supervisor cancels a task: it was not to be done; the reason, when given, goes to the audit trail. */
    @Transactional
    public TaskView cancel(Actor by, String id, String reason) {
        return end(by, id, Status.CANCELLED, "TASK_CANCELLED", reason);
    }

    private TaskView end(Actor by, String id, Status to, String action, String reason) {
        TaskView task = find(by, id);
        if (task.status() != Status.OPEN) {
            throw Refused.of(
                    ErrorCode.ALREADY_CLOSED,
                    "task " + id + " is " + task.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        run(c -> Jdbc.update(
                c,
                "UPDATE task SET status = ?, closed_by = ?, closed_at = ? WHERE id = ?",
                to,
                by.id(),
                clock.instant(),
                id));
        audit.record(by.id(), action, id, task.site(), reason);
        siteChanges.changed(task.site());
        return find(by, id);
    }

    /** Tasks of the caller's sites, newest first (at most 1000), of one kind and status when given. */
    @Transactional
    public List<TaskView> list(Actor by, TaskKind kind, Status status) {
        return load(
                        "SELECT * FROM task WHERE (?::varchar IS NULL OR kind = ?) AND (?::varchar IS NULL OR status = ?) "
                                + "ORDER BY created_at DESC, id LIMIT 1000",
                        kind == null ? null : kind.name(),
                        kind == null ? null : kind.name(),
                        status == null ? null : status.name(),
                        status == null ? null : status.name())
                .stream()
                .filter(t -> by.canReach(t.site()))
                .toList();
    }

    @Transactional
    public TaskView find(Actor by, String id) {
        List<TaskView> found = load("SELECT * FROM task WHERE id = ?", id);
        if (found.isEmpty() || !by.canReach(found.get(0).site())) {
            throw Refused.notFound("no task " + id);
        }
        return found.get(0);
    }

    /**
     * The work of a site as devices receive it: open tasks that are not yet complete; a delivery
     * note or RMA with what of each line is done, a delivery note made from an order with the lots
     * picked for it and not yet shipped.
     */
    @Transactional
    public List<TaskRow> openTasks(String site) {
        List<TaskRow> out = new ArrayList<>();
        for (TaskView t : load("SELECT * FROM task WHERE site = ? AND status = 'OPEN' ORDER BY created_at, id", site)) {
            if (!t.pending()) {
                continue;
            }
            List<TaskRow.Line> lines = t.lines().stream()
                    .map(l -> t.kind() == TaskKind.PICK
                            ? new TaskRow.Line(
                                    l.item(), l.lot(), l.location(), l.quantity(), Reference.of(t.id()), null, null)
                            : l)
                    .toList();
            List<TaskRow.Line> picked = t.sourceOrder() == null ? List.of() : run(c -> stagedFor(c, t));
            out.add(new TaskRow(
                    Reference.of(t.id()),
                    t.kind().name(),
                    lines,
                    t.partner() == null ? null : PartnerCode.of(t.partner()),
                    t.shipTo(),
                    picked,
                    t.toSite() == null ? null : SiteCode.of(t.site()),
                    t.toSite() == null ? null : SiteCode.of(t.toSite()),
                    List.of(),
                    place(t.partnerLocation())));
        }
        out.addAll(inbound(site));
        return out;
    }

    /**
     * Transfers on their way to a site, whatever their order's state at the sending site: the
     * order's lines and what is in transit on it (lot, pallet, quantity), to receive against.
     */
    private List<TaskRow> inbound(String site) {
        record Transit(String transfer, String fromSite, TaskRow.Transit line) {}
        List<Transit> rows = run(c -> Jdbc.query(
                c,
                "SELECT transfer, from_site, item, lot, container, quantity, uom FROM transit "
                        + "WHERE to_site = ? AND quantity > 0 ORDER BY transfer, item, lot, container",
                rs -> new Transit(
                        rs.getString(1),
                        rs.getString(2),
                        new TaskRow.Transit(
                                ItemCode.of(rs.getString(3)),
                                LotCode.of(rs.getString(4)),
                                rs.getString(5).isEmpty() ? null : Sscc.of(rs.getString(5)),
                                Quantity.of(
                                        rs.getBigDecimal(6),
                                        Uom.byCode(rs.getString(7)).orElseThrow()))),
                site));
        Map<String, List<Transit>> byTransfer = new LinkedHashMap<>();
        rows.forEach(t ->
                byTransfer.computeIfAbsent(t.transfer(), k -> new ArrayList<>()).add(t));
        Map<String, TaskView> orders = new LinkedHashMap<>();
        if (!byTransfer.isEmpty()) {
            load("SELECT * FROM task WHERE id = ANY(?) AND kind = 'TRANSFER'", (Object)
                            byTransfer.keySet().toArray(String[]::new))
                    .forEach(t -> orders.put(t.id(), t));
        }
        List<TaskRow> out = new ArrayList<>();
        byTransfer.forEach((transfer, lines) -> {
            TaskView order = orders.get(transfer);
            out.add(new TaskRow(
                    Reference.of(transfer),
                    TaskKind.TRANSFER.name(),
                    order == null ? List.of() : order.lines(),
                    null,
                    null,
                    List.of(),
                    SiteCode.of(lines.get(0).fromSite()),
                    SiteCode.of(site),
                    lines.stream().map(Transit::line).toList()));
        });
        return out;
    }

    private List<TaskView> load(String sql, Object... params) {
        return run(c -> {
            record Head(
                    String id,
                    String site,
                    TaskKind kind,
                    String partner,
                    String shipTo,
                    String sourceOrder,
                    String toSite,
                    Status status,
                    String createdBy,
                    Instant createdAt,
                    String closedBy,
                    Instant closedAt,
                    String partnerLocation) {}
            Map<String, Head> heads = new LinkedHashMap<>();
            for (Head h : Jdbc.query(
                    c,
                    sql,
                    rs -> new Head(
                            rs.getString("id"),
                            rs.getString("site"),
                            TaskKind.valueOf(rs.getString("kind")),
                            rs.getString("partner"),
                            rs.getString("ship_to"),
                            rs.getString("source_order"),
                            rs.getString("to_site"),
                            Status.valueOf(rs.getString("status")),
                            rs.getString("created_by"),
                            Jdbc.instant(rs, "created_at"),
                            rs.getString("closed_by"),
                            Jdbc.instant(rs, "closed_at"),
                            rs.getString("partner_location")),
                    params)) {
                heads.put(h.id(), h);
            }
            Map<String, List<TaskRow.Line>> lines = new LinkedHashMap<>();
            if (!heads.isEmpty()) {
                for (StoredLine l : Jdbc.query(
                        c,
                        "SELECT * FROM task_line WHERE task_id = ANY(?) ORDER BY task_id, line_no",
                        rs -> {
                            BigDecimal q = rs.getBigDecimal("quantity");
                            return new StoredLine(
                                    rs.getString("task_id"),
                                    rs.getInt("line_no"),
                                    new TaskRow.Line(
                                            ItemCode.of(rs.getString("item")),
                                            rs.getString("lot") == null ? null : LotCode.of(rs.getString("lot")),
                                            rs.getString("location") == null
                                                    ? null
                                                    : LocationCode.of(rs.getString("location")),
                                            q == null
                                                    ? null
                                                    : Quantity.of(
                                                            q,
                                                            Uom.byCode(rs.getString("uom"))
                                                                    .orElseThrow()),
                                            null,
                                            null,
                                            rs.getString("reason")));
                        },
                        (Object) heads.keySet().toArray(String[]::new))) {
                    lines.computeIfAbsent(l.taskId(), k -> new ArrayList<>()).add(l.line());
                }
            }
            List<TaskView> out = new ArrayList<>();
            // the partner locations the tasks name, read at once
            Map<String, List<MasterDataLookup.PartnerLocationInfo>> places =
                    masterData.partnerLocations(heads.values().stream()
                            .filter(h -> h.partnerLocation() != null)
                            .map(Head::partner)
                            .distinct()
                            .toList());
            for (Head h : heads.values()) {
                List<TaskRow.Line> own = lines.getOrDefault(h.id(), List.of());
                // a transfer order's rows in transit, read once: what was sent, and whether any is on its way
                List<Sent> sent = h.kind() == TaskKind.TRANSFER ? sent(c, h.id(), h.site()) : List.of();
                List<TaskRow.Line> withDone = switch (h.kind()) {
                    case SHIP ->
                        TaskProgress.shipped(
                                own,
                                done(
                                        c,
                                        "SELECT item, lot, quantity, uom FROM shipment_line "
                                                + "WHERE shipment = ? AND customer = ?",
                                        h.id(),
                                        h.partner()));
                    case RETURN ->
                        TaskProgress.returned(
                                own,
                                done(
                                        c,
                                        "SELECT item, lot, quantity, uom FROM return_line "
                                                + "WHERE reference = ? AND customer = ?",
                                        h.id(),
                                        h.partner()));
                    // an expected receipt whose lines all name a quantity (a PO may list items only);
                    // a line's lot is the supplier's lot code (an advance ship notice's), so what came
                    // in is counted by the receipt's supplier lot where it has one
                    case RECEIPT ->
                        own.stream().anyMatch(l -> l.quantity() == null)
                                ? own
                                : TaskProgress.shipped(
                                        own,
                                        done(
                                                c,
                                                "SELECT item, COALESCE(supplier_lot, lot), quantity, uom FROM receipt "
                                                        + "WHERE reference = ? AND supplier = ?",
                                                h.id(),
                                                h.partner()));
                    case TRANSFER ->
                        TaskProgress.shipped(own, sent.stream().map(Sent::held).toList());
                    case PICK, COUNT -> own;
                };
                boolean measured = h.kind() == TaskKind.SHIP
                        || h.kind() == TaskKind.TRANSFER
                        || h.kind() == TaskKind.RETURN
                        || (h.kind() == TaskKind.RECEIPT && own.stream().allMatch(l -> l.quantity() != null));
                Progress progress = measured ? Progress.of(withDone) : null;
                boolean inTransit = sent.stream().anyMatch(Sent::onItsWay);
                out.add(new TaskView(
                        h.id(),
                        h.site(),
                        h.kind(),
                        h.partner(),
                        h.shipTo(),
                        h.sourceOrder(),
                        h.toSite(),
                        h.status(),
                        h.createdBy(),
                        h.createdAt(),
                        h.closedBy(),
                        h.closedAt(),
                        withDone,
                        progress,
                        inTransit,
                        places.getOrDefault(h.partner(), List.of()).stream()
                                .filter(l -> l.code().equals(h.partnerLocation()))
                                .findFirst()
                                .orElse(null)));
            }
            return out;
        });
    }

    /** What a transfer order sent of a lot (and pallet), and whether some of it is still on its way. */
    private record Sent(TaskProgress.Held held, boolean onItsWay) {}

    private static List<Sent> sent(Connection c, String transfer, String site) throws SQLException {
        return Jdbc.query(
                c,
                "SELECT item, lot, sent, uom, quantity > 0 FROM transit WHERE transfer = ? AND from_site = ?",
                rs -> new Sent(
                        new TaskProgress.Held(
                                ItemCode.of(rs.getString(1)),
                                LotCode.of(rs.getString(2)),
                                Quantity.of(
                                        rs.getBigDecimal(3),
                                        Uom.byCode(rs.getString(4)).orElseThrow())),
                        rs.getBoolean(5)),
                transfer,
                site);
    }

    /** What the ledger holds against a task: (item, lot, quantity in the item's base unit) rows. */
    private static List<TaskProgress.Held> done(Connection c, String sql, String id, String partner)
            throws SQLException {
        return Jdbc.query(
                c,
                sql,
                rs -> new TaskProgress.Held(
                        ItemCode.of(rs.getString(1)),
                        LotCode.of(rs.getString(2)),
                        Quantity.of(
                                rs.getBigDecimal(3), Uom.byCode(rs.getString(4)).orElseThrow())),
                id,
                partner);
    }

    /** The lots picked for a delivery note's order, where they were staged, less what this note already shipped from there. */
    private List<TaskRow.Line> stagedFor(Connection c, TaskView note) throws SQLException {
        record Staged(ItemCode item, LotCode lot, LocationCode location, Quantity quantity) {}
        Map<String, MasterDataLookup.ItemInfo> items = new LinkedHashMap<>();
        Function<String, Optional<MasterDataLookup.ItemInfo>> item = code -> Optional.ofNullable(
                items.computeIfAbsent(code, k -> masterData.item(k).orElse(null)));
        Map<List<String>, Quantity> left = new LinkedHashMap<>();
        for (Staged s : Jdbc.query(
                c,
                "SELECT item, lot, to_location, quantity, uom FROM pick_line WHERE order_ref = ? AND site = ? "
                        + "ORDER BY picked_at, event_id",
                rs -> new Staged(
                        ItemCode.of(rs.getString(1)),
                        LotCode.of(rs.getString(2)),
                        LocationCode.of(rs.getString(3)),
                        Quantity.of(
                                rs.getBigDecimal(4), Uom.byCode(rs.getString(5)).orElseThrow())),
                note.sourceOrder(),
                note.site())) {
            item.apply(s.item().value())
                    .ifPresent(info -> left.merge(
                            List.of(
                                    s.item().value(),
                                    s.lot().value(),
                                    s.location().value()),
                            info.units().toBase(s.quantity()),
                            Quantity::plus));
        }
        for (Staged s : Jdbc.query(
                c,
                "SELECT item, lot, location, quantity, uom FROM shipment_line WHERE shipment = ? AND customer = ?",
                rs -> new Staged(
                        ItemCode.of(rs.getString(1)),
                        LotCode.of(rs.getString(2)),
                        LocationCode.of(rs.getString(3)),
                        Quantity.of(
                                rs.getBigDecimal(4), Uom.byCode(rs.getString(5)).orElseThrow())),
                note.id(),
                note.partner())) {
            left.computeIfPresent(
                    List.of(s.item().value(), s.lot().value(), s.location().value()), (k, q) -> q.minus(s.quantity()));
        }
        List<TaskRow.Line> out = new ArrayList<>();
        left.forEach((k, q) -> {
            if (q.isPositive()) {
                out.add(new TaskRow.Line(
                        ItemCode.of(k.get(0)),
                        LotCode.of(k.get(1)),
                        LocationCode.of(k.get(2)),
                        q,
                        Reference.of(note.sourceOrder())));
            }
        });
        return out;
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM task WHERE id = ?", rs -> true, id) != null;
    }

    private <T> T run(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, "task access", work);
    }
}
