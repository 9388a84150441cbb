package org.lotkeeper.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows written with COPY are stored exactly as the same values bound to an INSERT (the ledger
 * relies on it): text with quotes, commas, line breaks, backslashes and any Unicode, empty text
 * apart from NULL, instants at every sub-microsecond rounding case, arrays, UUIDs, numbers.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CopyInTest {

    private static final List<String> COLUMNS = List.of("id", "txt", "at", "tags", "uid", "n");

    @Inject
    DataSource ds;

    @Test
    void copiedRowsEqualTheSameValuesInserted() throws SQLException {
        Random random = new Random(20261207);
        List<Object[]> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(
                "",
                "plain",
                "a \"quoted\" word",
                "comma, and more",
                "line\nbreak\r\nand\ttab",
                "back\\slash \\N",
                "\\.",
                "{\"json\": [1, \"x\\\"y\"]}",
                "ünïcödé — 漢字 😀",
                "NULL",
                "\"",
                ",",
                " leading space"));
        for (int i = 0; i < 300; i++) {
            texts.add(randomText(random));
        }
        List<Instant> times = new ArrayList<>(List.of(
                Instant.parse("2026-11-21T00:00:00.123456500Z"),
                Instant.parse("2026-11-21T00:00:00.123456499Z"),
                Instant.parse("2026-11-21T00:00:00.999999500Z"),
                Instant.parse("2026-11-21T23:59:59.999999999Z"),
                Instant.parse("2000-01-01T00:00:00Z")));
        for (int i = 0; i < texts.size(); i++) {
            Instant at = i < times.size()
                    ? times.get(i)
                    : Instant.ofEpochSecond(
                            946_684_800L + random.nextInt(1_000_000_000), random.nextInt(1_000_000_000));
            String[] tags = i % 7 == 0
                    ? new String[0]
                    : new String[] {texts.get((i + 1) % texts.size()), texts.get((i + 2) % texts.size())};
            rows.add(new Object[] {
                (long) i,
                i % 11 == 5 ? null : texts.get(i),
                at,
                tags,
                UUID.randomUUID(),
                i % 3 == 0 ? null : random.nextLong()
            });
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String t : List.of("copied", "inserted")) {
                    Jdbc.update(
                            c,
                            "CREATE TEMP TABLE " + t
                                    + " (id bigint, txt text, at timestamptz, tags varchar(4000)[], uid uuid, n bigint)");
                }
                CopyIn copy = new CopyIn("copied", COLUMNS);
                for (Object[] r : rows) {
                    copy.row(r);
                    Jdbc.update(c, "INSERT INTO inserted VALUES (?, ?, ?, ?, ?, ?)", r);
                }
                assertThat(copy.run(c)).isEqualTo(rows.size());
                assertThat(Jdbc.<Long>one(c, "SELECT count(*) FROM copied", rs -> rs.getLong(1)))
                        .isEqualTo(rows.size());
                List<String> differ = Jdbc.query(
                        c,
                        "SELECT id::text FROM (SELECT * FROM copied EXCEPT ALL SELECT * FROM inserted) d",
                        rs -> rs.getString(1));
                assertThat(differ).as("rows stored differently by COPY").isEmpty();
                assertThat(Jdbc.<Long>one(c, "SELECT count(*) FROM copied WHERE txt IS NULL", rs -> rs.getLong(1)))
                        .isEqualTo(rows.stream().filter(r -> r[1] == null).count());
                assertThat(Jdbc.<String>one(c, "SELECT txt FROM copied WHERE id = 0", rs -> rs.getString(1)))
                        .as("empty text is not NULL")
                        .isEmpty();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void identifiersAndEnumsAreTheirTextAndAWrongRowIsRefusedBeforeAnythingIsSent() throws SQLException {
        CopyIn copy = new CopyIn("t", List.of("a", "b"));
        assertThatThrownBy(() -> copy.row("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy.row(new Object(), 1L)).isInstanceOf(IllegalArgumentException.class);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Jdbc.update(c, "CREATE TEMP TABLE codes (site varchar(40), unit varchar(10))");
                long n = new CopyIn("codes", List.of("site", "unit"))
                        .row(SiteCode.of("PLANT-1"), java.time.temporal.ChronoUnit.DAYS)
                        .run(c);
                assertThat(n).isOne();
                assertThat(Jdbc.<String>one(c, "SELECT site || '/' || unit FROM codes", rs -> rs.getString(1)))
                        .isEqualTo("PLANT-1/DAYS");
                assertThat(new CopyIn("codes", List.of("site")).run(c))
                        .as("no rows, nothing sent")
                        .isZero();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static String randomText(Random random) {
        String alphabet = "ab,\"\\\n\r\t {}NUL.é漢😀'";
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char ch = alphabet.charAt(at);
            if (Character.isHighSurrogate(ch)) {
                sb.append(ch).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
