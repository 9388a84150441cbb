package org.lotkeeper.server.boot;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
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
        assertThat(demo.load()).isEqualTo(23);
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'STATUS'"))
                .isEqualTo(6);
        assertThat(Database.count(ds, "SELECT count(*) FROM lot WHERE status = 'RELEASED'"))
                .isEqualTo(6);
        // the lot a customer sent back waits for QA (docs/DOMAIN.md, "Returns")
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM lot l JOIN return_line r ON r.item = l.item AND r.lot = l.lot "
                                + "WHERE l.status = 'QUARANTINE'"))
                .isEqualTo(1);
        assertThat(Database.count(ds, "SELECT count(*) FROM document_link")).isEqualTo(3);
        assertThat(Database.count(ds, "SELECT count(*) FROM exception")).isEqualTo(2);
    }
}
