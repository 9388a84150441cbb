package org.lotkeeper.server.boot;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DemoLoaderTest {

    @Inject
    DemoLoader demo;

    @Inject
    DataSource ds;

    @Test
    void theDemoPlantIsTheRiversideWeekWithItsReleasesAndDocuments() {
        Database.resetLedger(ds);
        DemoLoader.Loaded loaded = demo.load();
        assertThat(loaded.events()).isEqualTo(23);
        // its people (olga at the sister site too) sign in with secrets generated now; the ones the repository once
        // published fail
        assertThat(loaded.logins())
                .extracting(DemoLoader.Login::userId)
                .containsExactlyInAnyOrder("ana", "ben", "quinn", "sam", "olga");
        String quinn = loaded.logins().stream()
                .filter(l -> l.userId().equals("quinn"))
                .findFirst()
                .orElseThrow()
                .secret();
        assertThat(Api.token("quinn", quinn)).isNotBlank();
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(java.util.Map.of("username", "quinn", "password", "quinn-Passw0rd!"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401);
        assertThat(loaded.logins())
                .filteredOn(l -> l.badge() != null)
                .allSatisfy(l -> assertThat(org.lotkeeper.model.auth.PinVerifier.problemWith(l.secret(), l.badge()))
                        .as("generated PIN %s for badge %s", l.secret(), l.badge())
                        .isNull());
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'STATUS'"))
                .isEqualTo(6);
        assertThat(Database.count(ds, "SELECT count(*) FROM lot WHERE status = 'RELEASED'"))
                .isEqualTo(6);
        // the week tells one story: every release happened in the week, before anything was picked — not at the
        // moment the demo was loaded
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM ledger_event s JOIN ledger_event p ON p.type = 'PICK' "
                                + "WHERE s.type = 'STATUS' AND s.occurred_at > p.occurred_at"))
                .isZero();
        // the lot a customer sent back waits for QA (docs/DOMAIN.md, "Returns")
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM lot l JOIN return_line r ON r.item = l.item AND r.lot = l.lot "
                                + "WHERE l.status = 'QUARANTINE'"))
                .isEqualTo(1);
        assertThat(Database.count(ds, "SELECT count(*) FROM document_link")).isEqualTo(3);
        assertThat(Database.count(ds, "SELECT count(*) FROM exception")).isEqualTo(2);
        // its handhelds are a scanner gun and a dock tablet, each with its profile and when it was last seen
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM device WHERE label IN ('gun-1', 'dock-tablet') AND last_seen_at IS NOT NULL "
                                + "AND profile IN ('zebra-tc5x', 'dock-tablet-10')"))
                .isEqualTo(2);
        Api.loadRiversideMasterData(); // the other tests' known passwords
    }
}
