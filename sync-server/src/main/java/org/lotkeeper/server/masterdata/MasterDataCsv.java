package org.lotkeeper.server.masterdata;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.CsvRows;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;

/**
 * Master data as CSV, one kind per upload (docs/API.md "Master data CSV"): RFC 4180 with a header
 * row naming the columns (any order, unknown columns refused), converted into the same
 * {@link MasterDataBundle} as the JSON upload. Problems name the line of the file and the
 * column. Cells are data, never formulas: they are stored as written and the exports neutralise
 * formula-looking text.
 */
final class MasterDataCsv {

    /** A bundle and, for each of its entries, the file line it came from. */
    @SuppressWarnings("ArrayRecordComponent") // never compared: read once to put line numbers on problems
    record Parsed(MasterDataBundle bundle, int[] lines) {}

    enum Kind {
        SITES(
                "code",
                "name",
                "gln",
                "timeZone",
                "gs1CompanyPrefix",
                "phone",
                "street",
                "city",
                "region",
                "postalCode",
                "country"),
        ITEMS(
                "code",
                "name",
                "gtin",
                "baseUom",
                "qcRequired",
                "coaRequired",
                "shelfLifeDays",
                "minRemainingShelfLifeDays",
                "lotNumbering",
                "lotPattern",
                "packUnits",
                "suppliers",
                "retestIntervalDays"),
        LOCATIONS("code", "site", "type", "pickSequence"),
        PARTNERS(
                "code",
                "name",
                "kind",
                "gln",
                "minRemainingShelfLifeDays",
                "phone",
                "street",
                "city",
                "region",
                "postalCode",
                "country"),
        USERS("userId", "name", "roles", "sites", "badge", "pin", "password"),
        PARTNER_LOCATIONS(
                "partner", "code", "name", "gln", "phone", "street", "city", "region", "postalCode", "country");

        @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
        final List<String> columns;

        Kind(String... columns) {
            this.columns = List.of(columns);
        }

        /** The kind as the path names it: {@code partner-locations}. */
        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String path) {
            for (Kind k : values()) {
                if (k.key().equals(path)) {
                    return k;
                }
            }
            throw Refused.notFound("no master-data kind " + (path.length() > 20 ? path.substring(0, 20) + "…" : path)
                    + "; use sites, items, locations, partners, partner-locations or users");
        }
    }

    static final int MAX_ROWS = 100_000;
    private static final Pattern ENTRY_PATH =
            Pattern.compile("^(sites|items|locations|partners|users|partnerLocations)\\[(\\d+)]\\.?(.*)$");

    private MasterDataCsv() {}

    static Parsed parse(Kind kind, String text) {
        if (text == null || text.isBlank()) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "the CSV is empty; the first line must name the columns: " + String.join(",", kind.columns),
                    null);
        }
        ValidationErrors errors = new ValidationErrors();
        List<Object> entries = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CsvRows.FORMAT)) {
            List<String> header = parser.getHeaderNames();
            Set<String> known = new HashSet<>(kind.columns);
            for (String column : header) {
                if (!known.contains(column)) {
                    errors.add(
                            1,
                            column,
                            ErrorCode.UNKNOWN_COLUMN,
                            "column " + printable(column) + " is not one of " + String.join(",", kind.columns));
                }
            }
            String first = kind.columns.get(0);
            if (!header.contains(first)) {
                errors.add(1, first, ErrorCode.MISSING_FIELD, "the header must name the column " + first);
            }
            errors.throwIfAny();
            for (CSVRecord record : parser) {
                int line = lineOf(text, record.getCharacterPosition());
                if (entries.size() >= MAX_ROWS) {
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
                Row row = new Row(record.toMap(), line, errors);
                entries.add(
                        switch (kind) {
                            case SITES ->
                                new MasterDataBundle.Site(
                                        row.text("code"),
                                        row.text("name"),
                                        row.text("gln"),
                                        row.text("timeZone"),
                                        row.text("gs1CompanyPrefix"),
                                        row.text("phone"),
                                        row.text("street"),
                                        row.text("city"),
                                        row.text("region"),
                                        row.text("postalCode"),
                                        row.text("country"));
                            case ITEMS ->
                                new MasterDataBundle.Item(
                                        row.text("code"),
                                        row.text("name"),
                                        row.text("gtin"),
                                        row.text("baseUom"),
                                        row.bool("qcRequired"),
                                        row.bool("coaRequired"),
                                        row.integer("shelfLifeDays"),
                                        row.integer("minRemainingShelfLifeDays"),
                                        row.text("lotNumbering"),
                                        row.text("lotPattern"),
                                        row.packUnits("packUnits"),
                                        row.list("suppliers"),
                                        row.integer("retestIntervalDays"));
                            case LOCATIONS ->
                                new MasterDataBundle.Location(
                                        row.text("code"),
                                        row.text("site"),
                                        row.text("type"),
                                        row.integer("pickSequence"));
                            case PARTNERS ->
                                new MasterDataBundle.Partner(
                                        row.text("code"),
                                        row.text("name"),
                                        row.text("kind"),
                                        row.text("gln"),
                                        row.integer("minRemainingShelfLifeDays"),
                                        row.text("phone"),
                                        row.text("street"),
                                        row.text("city"),
                                        row.text("region"),
                                        row.text("postalCode"),
                                        row.text("country"));
                            case PARTNER_LOCATIONS ->
                                new MasterDataBundle.PartnerLocation(
                                        row.text("partner"),
                                        row.text("code"),
                                        row.text("name"),
                                        row.text("gln"),
                                        row.text("phone"),
                                        row.text("street"),
                                        row.text("city"),
                                        row.text("region"),
                                        row.text("postalCode"),
                                        row.text("country"));
                            case USERS ->
                                new MasterDataBundle.User(
                                        row.text("userId"),
                                        row.text("name"),
                                        row.list("roles"),
                                        row.list("sites"),
                                        row.text("badge"),
                                        row.secret("pin"),
                                        row.secret("password"));
                        });
                lines.add(line);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports broken quoting and duplicate header names this way.
            errors.add(null, ErrorCode.MALFORMED_CSV, "the CSV cannot be read: " + firstLine(e.getMessage()));
        }
        errors.throwIfAny();
        List<?> list = entries;
        @SuppressWarnings("unchecked")
        MasterDataBundle bundle = switch (kind) {
            case SITES -> new MasterDataBundle((List<MasterDataBundle.Site>) list, null, null, null, null);
            case ITEMS -> new MasterDataBundle(null, (List<MasterDataBundle.Item>) list, null, null, null);
            case LOCATIONS -> new MasterDataBundle(null, null, (List<MasterDataBundle.Location>) list, null, null);
            case PARTNERS -> new MasterDataBundle(null, null, null, (List<MasterDataBundle.Partner>) list, null);
            case USERS -> new MasterDataBundle(null, null, null, null, (List<MasterDataBundle.User>) list);
            case PARTNER_LOCATIONS ->
                new MasterDataBundle(null, null, null, null, null, (List<MasterDataBundle.PartnerLocation>) list);
        };
        return new Parsed(bundle, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The bundle's validation problems ({@code items[3].gtin}) as problems of the file: line and
     * column.
     */
    static Refused withLines(Refused e, int[] lines) {
        List<ValidationErrors.Problem> list = ValidationErrors.of(e);
        if (list.isEmpty()) {
            return e;
        }
        ValidationErrors errors = new ValidationErrors();
        for (ValidationErrors.Problem problem : list) {
            String field = problem.field();
            String detail = problem.detail();
            Matcher m = field == null ? null : ENTRY_PATH.matcher(field);
            if (m != null && m.matches() && Integer.parseInt(m.group(2)) < lines.length) {
                String column = m.group(3).isEmpty() ? null : m.group(3);
                String prefix = m.group(1) + "[" + m.group(2) + "]" + (column == null ? "" : ".");
                errors.add(
                        lines[Integer.parseInt(m.group(2))],
                        column,
                        problem.code(),
                        detail == null ? "" : detail.replace(prefix, ""));
            } else {
                errors.add(field, problem.code(), detail);
            }
        }
        try {
            errors.throwIfAny();
        } catch (Refused mapped) {
            return mapped;
        }
        return e;
    }

    private static int lineOf(String text, long characterPosition) {
        int line = 1;
        int end = (int) Math.min(characterPosition, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String printable(String s) {
        return "\"" + Shown.of(s, 40) + "\"";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** One data row: cells by column name, converted with line-numbered problems. */
    private record Row(Map<String, String> cells, int line, ValidationErrors errors) {

        String text(String column) {
            String v = cells.get(column);
            return v == null || v.isEmpty() ? null : v;
        }

        /** Passwords and PINs: never echoed into a problem. */
        String secret(String column) {
            return text(column);
        }

        Boolean bool(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            String s = v.strip().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
            errors.add(line, column, ErrorCode.INVALID_FIELD, column + " must be true or false, not " + printable(v));
            return null;
        }

        Integer integer(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v.strip());
            } catch (NumberFormatException e) {
                errors.add(
                        line, column, ErrorCode.INVALID_FIELD, column + " must be a whole number, not " + printable(v));
                return null;
            }
        }

        List<String> list(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            return Arrays.stream(v.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        List<MasterDataBundle.PackUnit> packUnits(String column) {
            List<String> parts = list(column);
            if (parts == null) {
                return null;
            }
            List<MasterDataBundle.PackUnit> out = new ArrayList<>();
            for (String part : parts) {
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    errors.add(
                            line,
                            column,
                            ErrorCode.INVALID_FIELD,
                            column + " is a list like PAIL=20;DRUM=200, not " + printable(part));
                    continue;
                }
                try {
                    out.add(new MasterDataBundle.PackUnit(
                            part.substring(0, eq).strip(),
                            new BigDecimal(part.substring(eq + 1).strip())));
                } catch (NumberFormatException e) {
                    errors.add(
                            line,
                            column,
                            ErrorCode.INVALID_FIELD,
                            column + ": the factor of " + printable(part) + " is not a number");
                }
            }
            return out;
        }
    }
}
