package org.lotkeeper.server.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several queries in one round trip: each gets its own parameters and its own rows, in order. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class JdbcQueriesTest {

    @Inject
    DataSource ds;

    @Test
    void eachQueryGetsItsOwnParametersAndRows() throws SQLException {
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<String> words =
                q.add("SELECT w FROM unnest(?::varchar[]) AS t(w) ORDER BY w", rs -> rs.getString(1), (Object)
                        new String[] {"pear", "apple"});
        Jdbc.Rows<Integer> none = q.add("SELECT 1 WHERE ? > ?", rs -> rs.getInt(1), 1, 2);
        Jdbc.Rows<Long> sum = q.add("SELECT ?::bigint + ?::bigint", rs -> rs.getLong(1), 40L, 2L);
        try (Connection c = ds.getConnection()) {
            q.run(c);
        }
        assertThat(words.get()).containsExactly("apple", "pear");
        assertThat(none.get()).isEmpty();
        assertThat(sum.get()).containsExactly(42L);
    }

    @Test
    void rowsAreThereOnlyAfterTheRunAndAQueryIsOneStatement() {
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<Integer> one = q.add("SELECT 1", rs -> rs.getInt(1));
        assertThatThrownBy(one::get).hasMessageContaining("have not run");
        assertThatThrownBy(() -> q.add("SELECT 1; DROP TABLE lot", rs -> rs.getInt(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one statement per query");
    }

    @Test
    void aFailingQueryFailsTheRunAndTheConnectionStaysUsable() throws SQLException {
        Jdbc.Queries q = new Jdbc.Queries();
        q.add("SELECT 1", rs -> rs.getInt(1));
        q.add("SELECT 1 / (? - 1)", rs -> rs.getInt(1), 1);
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> q.run(c))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("division by zero");
            Integer seven = Jdbc.one(c, "SELECT 7", rs -> rs.getInt(1));
            assertThat(seven).isEqualTo(7);
        }
    }
}
