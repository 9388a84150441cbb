package org.lotkeeper.client.core;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.store.StoreFixtures;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.SiteRow;
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
                                    List.of(
                                            new TaskRow.Line(
                                                    StoreFixtures.RESIN, null, null, StoreFixtures.kg("800"), null),
                                            new TaskRow.Line(
                                                    StoreFixtures.RESIN,
                                                    org.lotkeeper.model.id.LotCode.of("ACR-779"),
                                                    null,
                                                    StoreFixtures.kg("200"),
                                                    null)),
                                    StoreFixtures.ACME,
                                    null,
                                    List.of(),
                                    null,
                                    null,
                                    List.of(),
                                    new TaskRow.Place(
                                            "PLANT-B",
                                            "Acme Resins Plant B",
                                            "2 Mill Lane, Akron, OH 44301, US",
                                            null)),
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
                                    PartnerCode.of("BUILDMART"),
                                    "Gate 3",
                                    List.of(),
                                    null,
                                    null,
                                    List.of(),
                                    new TaskRow.Place("NORTH", "BuildMart North DC", null, "4012345000009"))),
                    base.users());
            store.referenceCache()
                    .applySnapshotPage(withTasks, true, store.outbox().acknowledgementMark());
            SqliteDeviceData view = new SqliteDeviceData(store);

            var receipt = view.expectedReceipt(Reference.of("PO-7781")).orElseThrow();
            assertThat(receipt.supplier()).isEqualTo(StoreFixtures.ACME);
            assertThat(receipt.items()).containsExactly(StoreFixtures.RESIN);
            // an ASN's lot and the supplier's location the goods come from survive the store
            assertThat(receipt.lots()).hasSize(1);
            assertThat(receipt.lots().get(0).supplierLot().value()).isEqualTo("ACR-779");
            assertThat(receipt.shipFrom()).isEqualTo("Acme Resins Plant B (2 Mill Lane, Akron, OH 44301, US)");
            assertThat(view.shipment(Reference.of("SHP-1")).orElseThrow().shipTo())
                    .isEqualTo("BuildMart North DC — Gate 3");
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
    void aPulledRmaCountsTheReturnsNotYetSentTheSiteGlnArrivesAndANewCycleReplacesTheTasks() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("device.db"))) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t", StoreFixtures.SITE, "A7");
            PartnerCode customer = PartnerCode.of("BUILDMART");
            PullResponse base = StoreFixtures.snapshot("c1");
            TaskRow rma = new TaskRow(
                    Reference.of("RMA-1"),
                    "RETURN",
                    List.of(new TaskRow.Line(
                            StoreFixtures.RESIN,
                            LotCode.of("R-1"),
                            null,
                            StoreFixtures.kg("30"),
                            null,
                            StoreFixtures.kg("10"),
                            "Wrong grade")),
                    customer);
            store.referenceCache()
                    .applySnapshotPage(
                            withTasks(
                                    base,
                                    List.of(rma),
                                    new SiteRow(StoreFixtures.SITE, "Plant 1", Gln.of("0614141000005"))),
                            true,
                            store.outbox().acknowledgementMark());
            SqliteDeviceData view = new SqliteDeviceData(store);

            assertThat(view.siteGln()).contains(Gln.of("0614141000005"));
            assertThat(view.returnAuthorisation(Reference.of("RMA-1"))
                            .orElseThrow()
                            .lines())
                    .singleElement()
                    .satisfies(l -> {
                        assertThat(l.open()).isEqualTo(StoreFixtures.kg("20"));
                        assertThat(l.reason()).isEqualTo("Wrong grade");
                    });
            // 5 kg come back on this device and wait to be sent: 15 are still open
            store.outbox()
                    .capture(
                            StoreFixtures.ANA,
                            new Return(
                                    customer,
                                    Reference.of("RMA-1"),
                                    StoreFixtures.RESIN,
                                    LotCode.of("R-1"),
                                    StoreFixtures.kg("5"),
                                    StoreFixtures.QUARANTINE,
                                    "Wrong grade"));
            assertThat(view.returnAuthorisation(Reference.of("RMA-1"))
                            .orElseThrow()
                            .lines()
                            .get(0)
                            .open())
                    .isEqualTo(StoreFixtures.kg("15"));
            assertThat(view.shipment(Reference.of("RMA-1"))).isEmpty();

            // the next cycle's first page no longer carries it (complete, cancelled): gone on the device too
            store.referenceCache()
                    .applySnapshotPage(
                            withTasks(base, List.of(), new SiteRow(StoreFixtures.SITE, "Plant 1", null)),
                            true,
                            store.outbox().acknowledgementMark());
            assertThat(view.returnAuthorisation(Reference.of("RMA-1"))).isEmpty();
            assertThat(view.siteGln()).isEmpty();
        }
    }

    private static PullResponse withTasks(PullResponse base, List<TaskRow> tasks, SiteRow site) {
        return new PullResponse(
                base.cursor(),
                true,
                base.items(),
                base.locations(),
                base.partners(),
                base.lots(),
                base.stock(),
                tasks,
                base.users(),
                site);
    }

    @Test
    void aDeviceEnrolledWithoutATagSaysSoInsteadOfInventingOne() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("device.db"))) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t", StoreFixtures.SITE);
            assertThatThrownBy(() -> new SqliteDeviceData(store).deviceTag()).hasMessageContaining("re-enroll");
        }
    }
}
