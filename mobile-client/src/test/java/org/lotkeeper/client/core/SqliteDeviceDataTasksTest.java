package org.lotkeeper.client.core;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.store.StoreFixtures;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.TaskRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteDeviceDataTasksTest {

    @TempDir
    Path dir;

    @Test
    void pulledReceiptPickAndShipTasksBecomeExpectedReceiptsPickListsAndShipmentsWithTheirPartner() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("device.db"))) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t", StoreFixtures.SITE, "A7");
            PullResponse base = StoreFixtures.snapshot("c1");
            PullResponse withTasks = new PullResponse(
                    base.cursor(),
                    true,
                    base.items(),
                    base.locations(),
                    base.partners(),
                    base.lots(),
                    base.stock(),
                    List.of(
                            new TaskRow(
                                    Reference.of("PO-7781"),
                                    "RECEIPT",
                                    List.of(new TaskRow.Line(
                                            StoreFixtures.RESIN, null, null, StoreFixtures.kg("800"), null)),
                                    StoreFixtures.ACME),
                            new TaskRow(
                                    Reference.of("SO-1"),
                                    "PICK",
                                    List.of(new TaskRow.Line(
                                            StoreFixtures.RESIN,
                                            null,
                                            null,
                                            StoreFixtures.kg("50"),
                                            Reference.of("SO-1"))),
                                    PartnerCode.of("BUILDMART")),
                            new TaskRow(
                                    Reference.of("SHP-1"),
                                    "SHIP",
                                    List.of(new TaskRow.Line(
                                            StoreFixtures.RESIN,
                                            null,
                                            null,
                                            StoreFixtures.kg("50"),
                                            Reference.of("SO-1"))),
                                    PartnerCode.of("BUILDMART"))),
                    base.users());
            store.referenceCache()
                    .applySnapshotPage(withTasks, true, store.outbox().acknowledgementMark());
            SqliteDeviceData view = new SqliteDeviceData(store);

            var receipt = view.expectedReceipt(Reference.of("PO-7781")).orElseThrow();
            assertThat(receipt.supplier()).isEqualTo(StoreFixtures.ACME);
            assertThat(receipt.items()).containsExactly(StoreFixtures.RESIN);
            assertThat(view.expectedReceipt(Reference.of("SO-1"))).isEmpty();
            assertThat(view.pickTask(Reference.of("SO-1")).orElseThrow().customer())
                    .isEqualTo(PartnerCode.of("BUILDMART"));
            assertThat(view.shipment(Reference.of("SHP-1")).orElseThrow().customer())
                    .isEqualTo(PartnerCode.of("BUILDMART"));
            assertThat(view.shipment(Reference.of("SO-1"))).isEmpty();
            assertThat(view.deviceTag().value()).isEqualTo("A7");
        }
    }

    @Test
    void aDeviceEnrolledWithoutATagSaysSoInsteadOfInventingOne() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("device.db"))) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t", StoreFixtures.SITE);
            assertThatThrownBy(() -> new SqliteDeviceData(store).deviceTag()).hasMessageContaining("re-enroll");
        }
    }
}
