package org.lotkeeper.server.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.CsvRows;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.security.Actor;

/**
 * Open orders from an ERP as CSV (docs/API.md "Tasks CSV"): RFC 4180, a header naming the columns
 * (any order; {@code id} and {@code kind} required), one row per task line; the rows of one task
 * share its {@code id}, {@code kind}, {@code site}, {@code partner}, {@code shipTo}, {@code toSite}
 * (a transfer order's receiving site) and {@code partnerLocation} (one of the partner's locations).
 * Every task of
 * the file is created, or none: a problem names the file's line and column.
 */
@ApplicationScoped
public class TaskCsv {

    static final List<String> COLUMNS = List.of(
            "id",
            "kind",
            "site",
            "partner",
            "shipTo",
            "toSite",
            "partnerLocation",
            "item",
            "lot",
            "location",
            "quantity",
            "uom",
            "reason");
    static final int MAX_ROWS = 10_000;

    @Inject
    TaskService tasks;

    /** A task being read: its head, its lines, and the file line of each. */
    private static final class Draft {
        final String id;
        final String kind;
        final String site;
        final String partner;
        final String shipTo;
        final String toSite;
        final String partnerLocation;
        final int firstLine;
        final List<TaskService.LineRequest> lines = new ArrayList<>();
        final List<Integer> fileLines = new ArrayList<>();

        Draft(Map<String, String> row, int line) {
            id = row.get("id");
            kind = row.get("kind");
            site = row.get("site");
            partner = row.get("partner");
            shipTo = row.get("shipTo");
            toSite = row.get("toSite");
            partnerLocation = row.get("partnerLocation");
            firstLine = line;
        }

        boolean sameHead(Map<String, String> row) {
            return Objects.equals(kind, row.get("kind"))
                    && Objects.equals(site, row.get("site"))
                    && Objects.equals(partner, row.get("partner"))
                    && Objects.equals(shipTo, row.get("shipTo"))
                    && Objects.equals(toSite, row.get("toSite"))
                    && Objects.equals(partnerLocation, row.get("partnerLocation"));
        }
    }

    @Transactional
    public List<TaskService.TaskView> apply(Actor by, String text) {
        List<Draft> drafts = parse(text);
        List<TaskService.TaskView> created = new ArrayList<>();
        for (Draft d : drafts) {
            try {
                created.add(tasks.create(
                        by,
                        new TaskService.TaskRequest(
                                d.id, d.site, d.kind, d.partner, d.shipTo, d.lines, d.toSite, d.partnerLocation)));
            } catch (Refused e) {
                throw CsvRows.withLines(e, "lines", d.fileLines, "task " + d.id);
            }
        }
        return created;
    }

    private static List<Draft> parse(String text) {
        ValidationErrors errors = new ValidationErrors();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.read(text, COLUMNS, List.of("id", "kind", "item"), MAX_ROWS)) {
            int line = row.line();
            String id = row.get("id");
            if (id == null) {
                errors.add(line, "id", ErrorCode.MISSING_FIELD, "every row names its task's id");
                continue;
            }
            Draft d = drafts.computeIfAbsent(id, k -> new Draft(row.cells(), line));
            if (!d.sameHead(row.cells())) {
                errors.add(
                        line,
                        "id",
                        ErrorCode.INVALID_FIELD,
                        "task " + printable(id)
                                + " has another kind, site, partner, shipTo, toSite or partnerLocation on line "
                                + d.firstLine);
                continue;
            }
            BigDecimal quantity = null;
            if (row.get("quantity") != null) {
                try {
                    quantity = new BigDecimal(row.get("quantity"));
                } catch (NumberFormatException e) {
                    errors.add(
                            line,
                            "quantity",
                            ErrorCode.BAD_FORMAT,
                            "quantity must be a plain decimal such as 20 or 12.5");
                    continue;
                }
            }
            d.lines.add(new TaskService.LineRequest(
                    row.get("item"), row.get("lot"), row.get("location"), quantity, row.get("uom"), row.get("reason")));
            d.fileLines.add(line);
        }
        errors.throwIfAny();
        return new ArrayList<>(drafts.values());
    }

    private static String printable(String s) {
        return Shown.of(s, 60);
    }
}
