package org.lotkeeper.server.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.CsvRows;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.security.Actor;

/**
 * Specifications as CSV, beside the other master data (docs/QUALITY-CONTROL.md "Specifications from
 * a file"): one test per row — {@code item, version, effectiveFrom, code, name, method, unit, kind,
 * min, max, decimals, accepted, required, assay} (kind and unit in any case) — the rows of an item and version making one
 * specification version, approved with the one signature given for the file. Every version of the
 * file is approved, or none; a problem names the file's line.
 */
@ApplicationScoped
public class SpecificationsCsv {

    static final List<String> COLUMNS = List.of(
            "item",
            "version",
            "effectiveFrom",
            "code",
            "name",
            "method",
            "unit",
            "kind",
            "min",
            "max",
            "decimals",
            "accepted",
            "required",
            "assay");
    static final int MAX_ROWS = 5_000;

    @Inject
    SpecificationService specifications;

    /** The rows of one item's version: its tests and the file line of each. */
    private record Version(
            String item,
            String version,
            String effectiveFrom,
            List<SpecificationBodies.TestBody> tests,
            List<Integer> lines) {}

    /** A version the file added, in the file's order. */
    public record Approved(String item, int version) {}

    /**
     * Approves every version of the file with the one signature, verified once; answers the
     * versions it added (a version sent again with the same content is already approved).
     */
    @Transactional
    public List<Approved> apply(Actor by, String text, String password, String meaning) {
        List<Version> versions = parse(text);
        SpecificationService.Signed signed =
                specifications.sign(by, new SpecificationBodies.Signature(password, meaning));
        List<Approved> approved = new ArrayList<>();
        for (Version v : versions) {
            Integer number = number(v);
            boolean known = specifications.version(v.item(), number).isPresent();
            try {
                SpecificationService.Approved a = specifications.approve(
                        by,
                        v.item(),
                        new SpecificationBodies.SpecificationBody(number, v.effectiveFrom(), v.tests(), null),
                        signed);
                if (!known) {
                    approved.add(new Approved(v.item(), a.specification().version()));
                }
            } catch (Refused e) {
                throw CsvRows.withLines(e, "tests", v.lines(), "specification " + v.item() + " version " + v.version());
            }
        }
        return approved;
    }

    private static Integer number(Version v) {
        try {
            return Integer.valueOf(v.version());
        } catch (NumberFormatException e) {
            throw CsvRows.withLines(
                    Refused.invalid(ErrorCode.INVALID_FIELD, "version is a whole number, 1 or more", "version"),
                    "tests",
                    v.lines(),
                    "specification " + v.item());
        }
    }

    private static List<Version> parse(String text) {
        ValidationErrors errors = new ValidationErrors();
        Map<String, Version> versions = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.read(
                text, COLUMNS, List.of("item", "version", "effectiveFrom", "code", "name", "kind"), MAX_ROWS)) {
            String item;
            try {
                item = ItemCode.of(row.get("item")).value();
            } catch (InvalidIdentifierException e) {
                errors.add(row.line(), "item", ErrorCode.INVALID_FIELD, "item: " + e.getMessage());
                continue;
            }
            String version = row.get("version");
            Version v = versions.computeIfAbsent(
                    item + '\u0000' + version,
                    k -> new Version(item, version, row.get("effectiveFrom"), new ArrayList<>(), new ArrayList<>()));
            if (!Objects.equals(v.effectiveFrom(), row.get("effectiveFrom"))) {
                errors.add(
                        row.line(),
                        "effectiveFrom",
                        ErrorCode.INVALID_FIELD,
                        "the rows of " + item + " version " + version + " share one effectiveFrom (see line "
                                + v.lines().get(0) + ")");
                continue;
            }
            Boolean required = flag(errors, row, "required");
            Boolean assay = flag(errors, row, "assay");
            Integer decimals = whole(errors, row, "decimals");
            v.tests()
                    .add(new SpecificationBodies.TestBody(
                            row.get("code"),
                            row.get("name"),
                            row.get("method"),
                            upper(row.get("unit")),
                            upper(row.get("kind")),
                            row.get("min"),
                            row.get("max"),
                            decimals,
                            row.get("accepted") == null
                                    ? null
                                    : Arrays.stream(row.get("accepted").split(";"))
                                            .map(String::strip)
                                            .filter(s -> !s.isEmpty())
                                            .toList(),
                            required,
                            assay));
            v.lines().add(row.line());
        }
        errors.throwIfAny();
        return new ArrayList<>(versions.values());
    }

    /** A kind or unit code as the API spells it; a file may write it in any case. */
    private static String upper(String cell) {
        return cell == null ? null : cell.toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code true}/{@code false} (also yes/no, 1/0) in any case; empty is the default. */
    private static Boolean flag(ValidationErrors errors, CsvRows.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1":
                return Boolean.TRUE;
            case "false", "no", "0":
                return Boolean.FALSE;
            default:
                errors.add(row.line(), column, ErrorCode.INVALID_FIELD, column + " is true or false");
                return null;
        }
    }

    private static Integer whole(ValidationErrors errors, CsvRows.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(row.line(), column, ErrorCode.INVALID_FIELD, column + " is a whole number");
            return null;
        }
    }
}
