package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * A walk bounded to the nearest lots (the console's genealogy picture) takes them breadth first,
 * nearest first, and the trace answer says whether it was whole.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BoundedTraceTest {

    @Inject
    DataSource ds;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
    }

    @Test
    void aBoundedWalkKeepsTheNearestLotsAndTheWholeWalkIsUnchanged() throws Exception {
        LotRef resin = LotRef.of("RM-RESIN", "R-2402");
        BreadthFirstTrace walk = new BreadthFirstTrace();
        try (Connection c = ds.getConnection()) {
            Walk whole = walk.walk(c, List.of(resin), true);
            assertThat(whole.depths()).hasSizeGreaterThan(2);
            assertThat(walk.walk(c, List.of(resin), true, Integer.MAX_VALUE).depths())
                    .isEqualTo(whole.depths());
            Walk two = walk.walk(c, List.of(resin), true, 2);
            assertThat(two.depths()).hasSize(2).containsEntry(resin, 0);
            // the second lot is one the whole walk reaches first
            LotRef nearest = two.depths().keySet().stream()
                    .filter(l -> !l.equals(resin))
                    .findFirst()
                    .orElseThrow();
            assertThat(two.depths().get(nearest))
                    .isEqualTo(1)
                    .isEqualTo(whole.depths().get(nearest));
        }
    }

    @Test
    void theTraceAnswerSaysWhetherItIsWhole() {
        as(Api.token("quinn", "quinn-Passw0rd!"))
                .get("/api/v1/trace/RM-RESIN/R-2402")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true));
    }
}
