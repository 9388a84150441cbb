package org.lotkeeper.server.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.TextId;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.CsvRows;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.security.Actor;

/**
 * Lab results as CSV, the export of a laboratory system (docs/QUALITY-CONTROL.md "Results from a
 * file"): one row per result — {@code item, lot, test, value}, optional {@code source} ({@code lab},
 * the default, or {@code coa} for a supplier's certificate, in any case; the API's LAB and
 * SUPPLIER_COA too) and {@code reason} (for corrections), the same for every row of a lot. Each lot's rows
 * become one INSPECT event, judged like {@code POST …/results}; every lot of the file is recorded,
 * or none, and a problem names the file's line.
 */
@ApplicationScoped
public class ResultsCsv {

    static final List<String> COLUMNS = List.of("item", "lot", "test", "value", "source", "reason");
    static final int MAX_ROWS = 10_000;

    @Inject
    QualityService quality;

    /** A lot's rows: their results, the file line of each, and the source and reason they share. */
    private record Lot(
            String item,
            String lot,
            String source,
            String reason,
            List<QualityService.ResultLine> results,
            List<Integer> lines) {}

    @Transactional
    public List<QualityService.Recorded> apply(Actor by, String text) {
        List<Lot> lots = parse(text);
        List<QualityService.Recorded> recorded = new ArrayList<>();
        for (Lot l : lots) {
            try {
                recorded.add(quality.record(
                        by,
                        l.item(),
                        l.lot(),
                        new QualityService.ResultsBody(l.source(), null, l.results(), l.reason())));
            } catch (Refused e) {
                throw CsvRows.withLines(e, "results", l.lines(), "lot " + l.item() + "/" + l.lot());
            }
        }
        return recorded;
    }

    private static List<Lot> parse(String text) {
        ValidationErrors errors = new ValidationErrors();
        Map<String, Lot> lots = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.read(text, COLUMNS, List.of("item", "lot", "test", "value"), MAX_ROWS)) {
            String item = code(errors, row, "item", ItemCode::of);
            String lot = code(errors, row, "lot", LotCode::of);
            if (item == null || lot == null) {
                continue;
            }
            String source = source(row.get("source"));
            Lot l = lots.computeIfAbsent(
                    item + '\u0000' + lot,
                    k -> new Lot(item, lot, source, row.get("reason"), new ArrayList<>(), new ArrayList<>()));
            if (!l.source().equals(source) || !Objects.equals(l.reason(), row.get("reason"))) {
                errors.add(
                        row.line(),
                        "source",
                        ErrorCode.INVALID_FIELD,
                        "the rows of lot " + item + "/" + lot + " share one source and one reason (see line "
                                + l.lines().get(0) + ")");
                continue;
            }
            l.results().add(new QualityService.ResultLine(row.get("test"), row.get("value")));
            l.lines().add(row.line());
        }
        errors.throwIfAny();
        return new ArrayList<>(lots.values());
    }

    /** The file's source as the API's: empty or "lab" is LAB, "coa" a supplier's certificate, in any case. */
    private static String source(String cell) {
        if (cell == null || cell.equalsIgnoreCase("lab")) {
            return "LAB";
        }
        return cell.equalsIgnoreCase("coa") ? "SUPPLIER_COA" : cell;
    }

    private static String code(
            ValidationErrors errors,
            CsvRows.Row row,
            String column,
            java.util.function.Function<String, ? extends TextId> parse) {
        String value = row.get(column);
        if (value == null) {
            errors.add(row.line(), column, ErrorCode.MISSING_FIELD, column + " is required");
            return null;
        }
        try {
            return parse.apply(value).value();
        } catch (InvalidIdentifierException e) {
            errors.add(row.line(), column, ErrorCode.INVALID_FIELD, column + ": " + e.getMessage());
            return null;
        }
    }
}
