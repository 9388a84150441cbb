package org.lotkeeper.server.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.ErrorCode;

/**
 * An uploaded CSV file's rows (RFC 4180, a header naming the columns in any order): every problem
 * names the file's line, and a file with any problem is refused whole. Cells are stripped; an
 * empty cell is null.
 */
public final class CsvRows {

    /** One row: its line in the file and its cells by column. */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            return cells.get(column);
        }
    }

    /** RFC 4180 with a header row naming the columns: no unnamed or repeated column, empty lines skipped. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvRows() {}

    /**
     * The rows of {@code text}, or a refusal listing every problem: an empty file, a column not in
     * {@code columns}, a missing {@code required} column, a row of another width, more than
     * {@code maxRows} rows, or broken quoting.
     */
    public static List<Row> read(String text, List<String> columns, List<String> required, int maxRows) {
        if (text == null || text.isBlank()) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "the CSV is empty; the first line must name the columns: " + String.join(",", columns),
                    null);
        }
        ValidationErrors errors = new ValidationErrors();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!columns.contains(column)) {
                    errors.add(
                            1,
                            column,
                            ErrorCode.UNKNOWN_COLUMN,
                            "column " + Shown.of(column, 60) + " is not one of " + String.join(",", columns));
                }
            }
            for (String column : required) {
                if (!header.contains(column)) {
                    errors.add(1, column, ErrorCode.MISSING_FIELD, "the header must name the column " + column);
                }
            }
            errors.throwIfAny();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (rows.size() >= maxRows) {
                    throw Refused.of(ErrorCode.TOO_LARGE, "at most " + maxRows + " rows per upload", null);
                }
                if (!record.isConsistent()) {
                    errors.add(
                            line,
                            null,
                            ErrorCode.INVALID_FIELD,
                            "the row has " + record.size() + " cells; the header names " + header.size());
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                record.toMap().forEach((k, v) -> cells.put(k, v == null || v.isBlank() ? null : v.strip()));
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports broken quoting and duplicate header names this way.
            errors.add(
                    null,
                    ErrorCode.MALFORMED_CSV,
                    "the CSV cannot be read: " + Shown.of(String.valueOf(e.getMessage()), 60));
        }
        errors.throwIfAny();
        return rows;
    }

    /**
     * A refusal of one group of rows (a task, a lot's results) as problems of the file: a problem
     * whose field is {@code list[i]…} goes on the line of the group's i-th row, any other on the
     * group's first line; each detail starts with {@code what}.
     */
    public static Refused withLines(Refused e, String list, List<Integer> lines, String what) {
        Pattern item = Pattern.compile("^" + Pattern.quote(list) + "\\[(\\d+)]\\.?(.*)$");
        List<ValidationErrors.Problem> problems = ValidationErrors.of(e).isEmpty()
                ? List.of(new ValidationErrors.Problem(e.field(), e.code(), e.getMessage(), null))
                : ValidationErrors.of(e);
        ValidationErrors errors = new ValidationErrors();
        for (ValidationErrors.Problem p : problems) {
            Matcher m = p.field() == null ? null : item.matcher(p.field());
            if (m != null && m.matches() && Integer.parseInt(m.group(1)) < lines.size()) {
                errors.add(
                        lines.get(Integer.parseInt(m.group(1))),
                        m.group(2).isEmpty() ? null : m.group(2),
                        p.code(),
                        what + ": " + p.detail());
            } else {
                errors.add(lines.get(0), p.field(), p.code(), what + ": " + p.detail());
            }
        }
        try {
            errors.throwIfAny();
        } catch (Refused mapped) {
            return e.invalidInput()
                    ? mapped
                    : Refused.of(e.code(), mapped.getMessage(), mapped.field())
                            .with("errors", ValidationErrors.of(mapped));
        }
        return e;
    }
}
