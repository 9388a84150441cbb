package org.lotkeeper.server.tasks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.security.Actor;

/**
 * Open orders from an ERP as CSV (docs/API.md "Tasks CSV"): RFC 4180, a header naming the columns
 * (any order; {@code id} and {@code kind} required), one row per task line; the rows of one task
 * share its {@code id}, {@code kind}, {@code site}, {@code partner} and {@code shipTo}. Every task of
 * the file is created, or none: a problem names the file's line and column.
 */
@ApplicationScoped
public class TaskCsv {

    static final List<String> COLUMNS =
            List.of("id", "kind", "site", "partner", "shipTo", "item", "lot", "location", "quantity", "uom", "reason");
    static final int MAX_ROWS = 10_000;
    private static final Pattern LINE_FIELD = Pattern.compile("^lines\\[(\\d+)]\\.?(.*)$");

    @Inject
    TaskService tasks;

    /** A task being read: its head, its lines, and the file line of each. */
    private static final class Draft {
        final String id;
        final String kind;
        final String site;
        final String partner;
        final String shipTo;
        final int firstLine;
        final List<TaskService.LineRequest> lines = new ArrayList<>();
        final List<Integer> fileLines = new ArrayList<>();

        Draft(Map<String, String> row, int line) {
            id = row.get("id");
            kind = row.get("kind");
            site = row.get("site");
            partner = row.get("partner");
            shipTo = row.get("shipTo");
            firstLine = line;
        }

        boolean sameHead(Map<String, String> row) {
            return Objects.equals(kind, row.get("kind"))
                    && Objects.equals(site, row.get("site"))
                    && Objects.equals(partner, row.get("partner"))
                    && Objects.equals(shipTo, row.get("shipTo"));
        }
    }

    @Transactional
    public List<TaskService.TaskView> apply(Actor by, String text) {
        List<Draft> drafts = parse(text);
        List<TaskService.TaskView> created = new ArrayList<>();
        for (Draft d : drafts) {
            try {
                created.add(tasks.create(
                        by, new TaskService.TaskRequest(d.id, d.site, d.kind, d.partner, d.shipTo, d.lines)));
            } catch (Refused e) {
                throw withLines(e, d);
            }
        }
        return created;
    }

    private static List<Draft> parse(String text) {
        if (text == null || text.isBlank()) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "the CSV is empty; the first line must name the columns: " + String.join(",", COLUMNS),
                    null);
        }
        ValidationErrors errors = new ValidationErrors();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(true)
                .get();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    errors.add(
                            1,
                            column,
                            ErrorCode.UNKNOWN_COLUMN,
                            "column " + printable(column) + " is not one of " + String.join(",", COLUMNS));
                }
            }
            for (String required : Set.of("id", "kind", "item")) {
                if (!header.contains(required)) {
                    errors.add(1, required, ErrorCode.MISSING_FIELD, "the header must name the column " + required);
                }
            }
            errors.throwIfAny();
            int rows = 0;
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (++rows > MAX_ROWS) {
                    throw Refused.of(ErrorCode.TOO_LARGE, "at most " + MAX_ROWS + " rows per upload", null);
                }
                if (!record.isConsistent()) {
                    errors.add(
                            line,
                            null,
                            ErrorCode.INVALID_FIELD,
                            "the row has " + record.size() + " cells; the header names " + header.size());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                record.toMap().forEach((k, v) -> row.put(k, v == null || v.isBlank() ? null : v.strip()));
                String id = row.get("id");
                if (id == null) {
                    errors.add(line, "id", ErrorCode.MISSING_FIELD, "every row names its task's id");
                    continue;
                }
                Draft d = drafts.computeIfAbsent(id, k -> new Draft(row, line));
                if (!d.sameHead(row)) {
                    errors.add(
                            line,
                            "id",
                            ErrorCode.INVALID_FIELD,
                            "task " + printable(id) + " has another kind, site, partner or shipTo on line "
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
                        row.get("item"),
                        row.get("lot"),
                        row.get("location"),
                        quantity,
                        row.get("uom"),
                        row.get("reason")));
                d.fileLines.add(line);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports broken quoting and duplicate header names this way.
            errors.add(
                    null,
                    ErrorCode.MALFORMED_CSV,
                    "the CSV cannot be read: " + printable(String.valueOf(e.getMessage())));
        }
        errors.throwIfAny();
        return new ArrayList<>(drafts.values());
    }

    /** A refused task's problems as problems of the file: the line of the row at fault, else the task's first line. */
    private static Refused withLines(Refused e, Draft d) {
        List<ValidationErrors.Problem> problems = ValidationErrors.of(e);
        if (problems.isEmpty()) {
            ValidationErrors one = new ValidationErrors();
            one.add(d.firstLine, e.field(), e.code(), "task " + d.id + ": " + e.getMessage());
            return refusal(one, e);
        }
        ValidationErrors errors = new ValidationErrors();
        for (ValidationErrors.Problem p : problems) {
            Matcher m = p.field() == null ? null : LINE_FIELD.matcher(p.field());
            if (m != null && m.matches() && Integer.parseInt(m.group(1)) < d.fileLines.size()) {
                errors.add(
                        d.fileLines.get(Integer.parseInt(m.group(1))),
                        m.group(2).isEmpty() ? null : m.group(2),
                        p.code(),
                        "task " + d.id + ": " + p.detail());
            } else {
                errors.add(d.firstLine, p.field(), p.code(), "task " + d.id + ": " + p.detail());
            }
        }
        return refusal(errors, e);
    }

    private static Refused refusal(ValidationErrors errors, Refused original) {
        try {
            errors.throwIfAny();
        } catch (Refused mapped) {
            return original.invalidInput()
                    ? mapped
                    : Refused.of(original.code(), mapped.getMessage(), mapped.field())
                            .with("errors", ValidationErrors.of(mapped));
        }
        return original;
    }

    private static String printable(String s) {
        return Shown.of(s, 60);
    }
}
