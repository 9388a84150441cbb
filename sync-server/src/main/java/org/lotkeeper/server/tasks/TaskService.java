package org.lotkeeper.server.tasks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;

/**
 * Tasks for the devices of a site: pick lists (an order's lines, allocated on the device by
 * FEFO), expected receipts (a PO or ASN, its supplier and items) and count tasks (where to count,
 * blind). Open tasks go down with every pull; a supervisor closes them.
 */
@ApplicationScoped
public class TaskService {

    /** The kinds of task. */
    public enum Kind {
        PICK,
        RECEIPT,
        COUNT
    }

    /** A task as asked for. */
    public record TaskRequest(String id, String site, String kind, String partner, List<LineRequest> lines) {}

    /** A line as asked for; which fields a kind needs is checked. */
    public record LineRequest(String item, String lot, String location, BigDecimal quantity, String uom) {}

    /** A task as stored. */
    public record TaskView(
            String id,
            String site,
            Kind kind,
            String partner,
            String status,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt,
            List<TaskRow.Line> lines) {}

    @Inject
    DataSource dataSource;

    @Inject
    MasterDataLookup masterData;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public TaskView create(Actor by, TaskRequest request) {
        ValidationErrors errors = new ValidationErrors();
        String id = request.id();
        try {
            id = Reference.of(request.id()).value();
        } catch (IllegalArgumentException e) {
            errors.add("id", ErrorCode.INVALID_FIELD, "id: " + e.getMessage());
        }
        Kind kind = null;
        try {
            kind = request.kind() == null ? null : Kind.valueOf(request.kind());
        } catch (IllegalArgumentException e) {
            errors.add("kind", ErrorCode.UNKNOWN_ENUM, "kind must be PICK, RECEIPT or COUNT");
        }
        if (kind == null && request.kind() == null) {
            errors.add("kind", ErrorCode.MISSING_FIELD, "kind is required (PICK, RECEIPT or COUNT)");
        }
        if (!valid(request.site(), SiteCode::of)
                || masterData.site(request.site()).isEmpty()) {
            errors.add("site", ErrorCode.UNKNOWN_SITE, "site is required and must be in master data");
        } else if (!by.canReach(request.site())) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + request.site());
        }
        if (kind == Kind.PICK || kind == Kind.RECEIPT) {
            PartnerKind wanted = kind == Kind.PICK ? PartnerKind.CUSTOMER : PartnerKind.SUPPLIER;
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
        List<LineRequest> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.isEmpty() || lines.size() > 500) {
            errors.add("lines", ErrorCode.OUT_OF_RANGE, "a task has 1 to 500 lines");
        }
        List<TaskRow.Line> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TaskRow.Line line = line(errors, "lines[" + i + "]", kind, lines.get(i), request.site());
            if (line != null) {
                checked.add(line);
            }
        }
        errors.throwIfAny();
        String taskId = id;
        Kind taskKind = kind;
        Instant now = clock.instant();
        run(c -> {
            if (exists(c, taskId)) {
                throw Refused.of(ErrorCode.DUPLICATE, "task " + taskId + " already exists");
            }
            Jdbc.update(
                    c,
                    "INSERT INTO task (id, site, kind, partner, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    taskId,
                    request.site(),
                    taskKind.name(),
                    request.partner(),
                    by.id(),
                    now);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO task_line (task_id, line_no, item, lot, location, quantity, uom) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (TaskRow.Line l : checked) {
                    ps.setString(1, taskId);
                    ps.setInt(2, ++n);
                    ps.setString(3, l.item().value());
                    ps.setString(4, l.lot() == null ? null : l.lot().value());
                    ps.setString(5, l.location() == null ? null : l.location().value());
                    ps.setBigDecimal(
                            6, l.quantity() == null ? null : l.quantity().value());
                    ps.setString(
                            7, l.quantity() == null ? null : l.quantity().uom().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        audit.record(by.id(), "TASK_CREATED", taskId, request.site(), taskKind + " with " + checked.size() + " lines");
        return find(by, taskId);
    }

    private static boolean valid(String code, java.util.function.Function<String, ?> parse) {
        try {
            return parse.apply(code) != null;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    private TaskRow.Line line(ValidationErrors errors, String at, Kind kind, LineRequest l, String site) {
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
            LotCode lot = l.lot() == null ? null : LotCode.of(l.lot());
            LocationCode location = l.location() == null ? null : LocationCode.of(l.location());
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
                Uom uom = l.uom() == null
                        ? info.get().baseUom()
                        : Uom.byCode(l.uom())
                                .orElseThrow(() -> new InvalidQuantityException(
                                        InvalidQuantityException.Reason.UNKNOWN_UNIT,
                                        "unit " + l.uom() + " is not supported"));
                quantity =
                        info.get().units().toBase(Quantity.of(l.quantity(), uom).requirePositive());
            }
            if (kind == Kind.PICK && quantity == null) {
                errors.add(at + ".quantity", ErrorCode.MISSING_FIELD, "a pick line needs a quantity");
            }
            if (kind == Kind.COUNT && (location == null || quantity != null)) {
                errors.add(
                        at,
                        ErrorCode.INVALID_FIELD,
                        "a count line names a location and no quantity (counts are blind)");
            }
            return new TaskRow.Line(item, lot, location, quantity, null);
        } catch (InvalidIdentifierException | InvalidQuantityException e) {
            errors.add(at, ErrorCode.INVALID_FIELD, e.getMessage());
            return null;
        }
    }

    @Transactional
    public TaskView close(Actor by, String id) {
        TaskView task = find(by, id);
        if (!"OPEN".equals(task.status())) {
            throw Refused.of(
                    ErrorCode.ALREADY_CLOSED,
                    "task " + id + " is " + task.status().toLowerCase(java.util.Locale.ROOT));
        }
        run(c -> Jdbc.update(
                c,
                "UPDATE task SET status = 'DONE', closed_by = ?, closed_at = ? WHERE id = ?",
                by.id(),
                clock.instant(),
                id));
        audit.record(by.id(), "TASK_CLOSED", id, task.site(), null);
        return find(by, id);
    }

    @Transactional
    public List<TaskView> list(Actor by, String status) {
        return load(
                        status == null
                                ? "SELECT * FROM task ORDER BY created_at DESC LIMIT 1000"
                                : "SELECT * FROM task WHERE status = ? ORDER BY created_at DESC LIMIT 1000",
                        status == null ? new Object[0] : new Object[] {status})
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

    /** The open tasks of a site, as devices receive them. */
    @Transactional
    public List<TaskRow> openTasks(String site) {
        return load("SELECT * FROM task WHERE site = ? AND status = 'OPEN' ORDER BY created_at, id", site).stream()
                .map(t -> new TaskRow(
                        Reference.of(t.id()),
                        t.kind().name(),
                        t.lines().stream()
                                .map(l -> new TaskRow.Line(
                                        l.item(),
                                        l.lot(),
                                        l.location(),
                                        l.quantity(),
                                        t.kind() == Kind.PICK ? Reference.of(t.id()) : null))
                                .toList(),
                        t.partner() == null ? null : PartnerCode.of(t.partner())))
                .toList();
    }

    private List<TaskView> load(String sql, Object... params) {
        return run(c -> {
            Map<String, TaskView> tasks = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.put(
                                rs.getString("id"),
                                new TaskView(
                                        rs.getString("id"),
                                        rs.getString("site"),
                                        Kind.valueOf(rs.getString("kind")),
                                        rs.getString("partner"),
                                        rs.getString("status"),
                                        rs.getString("created_by"),
                                        Jdbc.instant(rs, "created_at"),
                                        rs.getString("closed_by"),
                                        Jdbc.instant(rs, "closed_at"),
                                        new ArrayList<>()));
                    }
                }
            }
            if (!tasks.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM task_line WHERE task_id = ANY(?) ORDER BY task_id, line_no")) {
                    ps.setArray(1, c.createArrayOf("varchar", tasks.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            BigDecimal q = rs.getBigDecimal("quantity");
                            tasks.get(rs.getString("task_id"))
                                    .lines()
                                    .add(new TaskRow.Line(
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
                                            null));
                        }
                    }
                }
            }
            return new ArrayList<>(tasks.values());
        });
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM task WHERE id = ?", rs -> true, id) != null;
    }

    private <T> T run(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, "task access", work);
    }
}
