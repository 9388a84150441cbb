package org.lotkeeper.client.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.fefo.Fefo;
import org.lotkeeper.model.fefo.FefoPlan;
import org.lotkeeper.model.fefo.OrderLine;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.wire.ContainerRow;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushError;
import org.lotkeeper.model.wire.PushResult;
import org.lotkeeper.model.wire.StockRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.store.StoreFixtures.A01;
import static org.lotkeeper.client.store.StoreFixtures.A02;
import static org.lotkeeper.client.store.StoreFixtures.ANA;
import static org.lotkeeper.client.store.StoreFixtures.DOCK;
import static org.lotkeeper.client.store.StoreFixtures.RESIN;
import static org.lotkeeper.client.store.StoreFixtures.RESIN_GTIN;
import static org.lotkeeper.client.store.StoreFixtures.SITE;
import static org.lotkeeper.client.store.StoreFixtures.kg;
import static org.lotkeeper.client.store.StoreFixtures.move;
import static org.lotkeeper.client.store.StoreFixtures.receive;
import static org.lotkeeper.client.store.StoreFixtures.snapshot;

class StoreViewTest {

    private static final LotRef R1 = new LotRef(RESIN, new LotCode("R-1"));
    private static final LotRef R2 = new LotRef(RESIN, new LotCode("R-2"));

    @TempDir
    Path dir;

    private SqliteStore store;

    @BeforeEach
    void openWithSnapshot() {
        store = SqliteStore.open(dir.resolve("device.db"));
        store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t", SITE);
        store.referenceCache()
                .applySnapshotPage(snapshot("c1"), true, store.outbox().acknowledgementMark());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoreView view() {
        return store.view();
    }

    @Test
    void referenceDataIsFoundByCodeGtinAndBadge() {
        assertThat(view().item(RESIN))
                .hasValueSatisfying(i -> assertThat(i.qcRequired()).isTrue());
        assertThat(view().itemByGtin(RESIN_GTIN))
                .hasValueSatisfying(i -> assertThat(i.code()).isEqualTo(RESIN));
        assertThat(view().location(A01))
                .hasValueSatisfying(l -> assertThat(l.pickSequence()).isEqualTo(10));
        assertThat(view().userByBadge("BADGE-0042")).hasValueSatisfying(u -> {
            assertThat(u.userId()).isEqualTo(ANA);
            assertThat(u.pinVerifier()).isEqualTo("pbkdf2-sha256$x");
        });
        assertThat(view().userByBadge("BADGE-9999")).isEmpty();
        assertThat(store.referenceCache().cursor()).contains("c1");
    }

    @Test
    void aCapturedMoveShowsInLocalStockAtOnce() {
        store.outbox().capture(ANA, move("R-1", "30", A01, A02));
        assertThat(view().stockOfLot(R1))
                .containsExactly(
                        new StockRow(RESIN, R1.lot(), A01, kg("70")), new StockRow(RESIN, R1.lot(), A02, kg("30")));
    }

    @Test
    void aPalletIsThePulledContainerRowsWithThisDevicesPacksMovesAndShipsApplied() {
        Sscc pallet = CompanyPrefix.of("0614141").sscc(5);
        // the server knows 20 kg of R-2 on it at A-01
        store.referenceCache()
                .applyChangesPage(
                        new PullResponse(
                                "c2",
                                true,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(new ContainerRow(pallet, RESIN, R2.lot(), A01, kg("20"))),
                                null),
                        store.outbox().acknowledgementMark());
        store.outbox().capture(ANA, new Pack(pallet, A01, List.of(new ContainerLine(RESIN, R1.lot(), kg("40")))));
        assertThat(view().container(pallet))
                .containsExactly(
                        new ContainerRow(pallet, RESIN, R1.lot(), A01, kg("40")),
                        new ContainerRow(pallet, RESIN, R2.lot(), A01, kg("20")));
        assertThat(view().stockAt(R1, A01)).as("packing moves no stock").contains(kg("100"));
        assertThat(view().onPallets(R1, A01)).contains(kg("40"));
        assertThat(view().onPallets(R1, A02)).isEmpty();

        store.outbox().capture(ANA, new Move(RESIN, R1.lot(), kg("40"), A01, A02, pallet));
        store.outbox().capture(ANA, new Move(RESIN, R2.lot(), kg("20"), A01, A02, pallet));
        assertThat(view().container(pallet)).extracting(ContainerRow::location).containsOnly(A02);
        Event shipped = store.outbox()
                .capture(
                        ANA,
                        new Ship(Reference.of("SHP-1"), StoreFixtures.ACME, RESIN, R2.lot(), kg("20"), A02, pallet));
        assertThat(view().container(pallet)).containsExactly(new ContainerRow(pallet, RESIN, R1.lot(), A02, kg("40")));
        // a rejected event takes its effect on the pallet with it
        store.outbox()
                .applyResults(List.of(PushResult.rejected(
                        shipped.eventId(), new PushError("LOT_NOT_AVAILABLE", "no", "payload.lot"))));
        assertThat(view().container(pallet)).hasSize(2);
    }

    @Test
    void aLotReceivedOfflineExistsLocallyInQuarantineWhenTheItemNeedsQc() {
        Event e = store.outbox().capture(ANA, receive("R-NEW", "800"));
        LotRow lot = view().lot(RESIN, new LotCode("R-NEW")).orElseThrow();
        assertThat(lot.status()).isEqualTo(LotStatus.QUARANTINE);
        assertThat(lot.expiry()).isEqualTo(LocalDate.parse("2027-06-30"));
        assertThat(lot.receivedAt()).isEqualTo(e.occurredAt());
        assertThat(view().stockAt(lot.ref(), DOCK)).contains(kg("800"));
    }

    @Test
    void aHoldFromTheDeviceOverridesTheServerStatusLocally() {
        store.outbox().capture(ANA, new StatusChange(RESIN, R1.lot(), LotStatus.ON_HOLD, "damaged drum"));
        assertThat(view().lot(R1))
                .hasValueSatisfying(l -> assertThat(l.status()).isEqualTo(LotStatus.ON_HOLD));
        assertThat(view().lot(R2))
                .hasValueSatisfying(l -> assertThat(l.status()).isEqualTo(LotStatus.RELEASED));
    }

    @Test
    void countAndAdjustFollowTheDomainRules() {
        store.outbox().capture(ANA, new Count(RESIN, R1.lot(), A01, kg("90"), null));
        assertThat(view().stockAt(R1, A01)).contains(kg("100"));
        store.outbox().capture(ANA, new Adjust(RESIN, R1.lot(), A01, kg("-10"), "spill"));
        assertThat(view().stockAt(R1, A01)).contains(kg("90"));
    }

    @Test
    void stockCandidatesFeedFefoWithTheLocalView() {
        store.outbox().capture(ANA, move("R-1", "100", A01, A02)); // all of R-1 now at A-02
        List<StockCandidate> candidates = view().stockCandidates(RESIN);
        assertThat(candidates).extracting(StockCandidate::location).containsOnly(A02);
        FefoPlan plan = Fefo.allocate(OrderLine.of(RESIN, kg("120")), candidates, LocalDate.parse("2026-11-25"));
        assertThat(plan.allocations().get(0).lot()).isEqualTo(R1); // earliest expiry first
        assertThat(plan.isCovered()).isTrue();
    }

    @Test
    void aRejectedEventLosesItsLocalEffectButStaysForAttention() {
        Event e = store.outbox().capture(ANA, move("R-1", "30", A01, A02));
        store.outbox()
                .applyResults(List.of(PushResult.rejected(
                        e.eventId(), new PushError("UNKNOWN_LOCATION", "no such bin", "payload.to"))));
        assertThat(view().stockOfLot(R1)).containsExactly(new StockRow(RESIN, R1.lot(), A01, kg("100")));
        assertThat(store.outbox().needsAttention()).singleElement().satisfies(x -> {
            assertThat(x.error().code()).isEqualTo("UNKNOWN_LOCATION");
            assertThat(x.error().field()).isEqualTo("payload.to");
        });
        store.outbox().clearAttention(e.eventId());
        assertThat(store.outbox().needsAttentionCount()).isZero();
        assertThat(store.outbox().entry(e.eventId()).orElseThrow().state()).isEqualTo(OutboxState.REJECTED);
    }

    @Test
    void anAcknowledgedEventKeepsItsEffectUntilAPullStartedAfterTheAckCompletes() {
        Event e = store.outbox().capture(ANA, move("R-1", "30", A01, A02));
        long markBeforeAck = store.outbox().acknowledgementMark();
        store.outbox().applyResults(List.of(PushResult.stored(e.eventId(), 1207, List.of(Flag.FEFO_DEVIATION))));
        assertThat(store.outbox().entry(e.eventId()).orElseThrow().flags()).containsExactly(Flag.FEFO_DEVIATION);
        // a pull that started before the ack: its stock may not include the move yet
        PullResponse unchanged = new PullResponse("c2", true, null, null, null, null, null, null, null);
        store.referenceCache().applyChangesPage(unchanged, markBeforeAck);
        assertThat(view().stockAt(R1, A02)).contains(kg("30"));
        // a pull that started after the ack brings the server's figures, which include it
        long markAfterAck = store.outbox().acknowledgementMark();
        PullResponse changes = new PullResponse(
                "c3",
                true,
                null,
                null,
                null,
                null,
                List.of(new StockRow(RESIN, R1.lot(), A01, kg("70")), new StockRow(RESIN, R1.lot(), A02, kg("30"))),
                null,
                null);
        store.referenceCache().applyChangesPage(changes, markAfterAck);
        assertThat(view().stockOfLot(R1))
                .containsExactly(
                        new StockRow(RESIN, R1.lot(), A01, kg("70")), new StockRow(RESIN, R1.lot(), A02, kg("30")));
        assertThat(store.referenceCache().cursor()).contains("c3");
    }

    @Test
    void aZeroStockRowInAChangePageRemovesTheRow() {
        store.referenceCache()
                .applyChangesPage(
                        new PullResponse(
                                "c2",
                                true,
                                null,
                                null,
                                null,
                                null,
                                List.of(new StockRow(RESIN, R2.lot(), A02, kg("0"))),
                                null,
                                null),
                        0);
        assertThat(view().stockOfLot(R2)).isEmpty();
    }

    @Test
    void aSnapshotInPagesKeepsTheOldDataUntilItsLastPageAndNeverTouchesTheOutbox() {
        store.outbox().capture(ANA, move("R-1", "30", A01, A02));
        PullResponse full = snapshot("s2");
        PullResponse page1 = new PullResponse(
                "p2",
                false,
                full.items(),
                full.locations(),
                full.partners(),
                List.of(),
                List.of(),
                List.of(),
                full.users());
        PullResponse page2 = new PullResponse(
                "s2",
                true,
                null,
                null,
                null,
                List.of(new LotRow(
                        RESIN,
                        new LotCode("R-3"),
                        LotStatus.RELEASED,
                        null,
                        null,
                        Instant.parse("2026-11-01T00:00:00Z"))),
                List.of(new StockRow(RESIN, new LotCode("R-3"), A01, kg("5"))),
                null,
                null);
        long mark = store.outbox().acknowledgementMark();
        store.referenceCache().applySnapshotPage(page1, true, mark);
        assertThat(view().lot(R1)).isPresent(); // old data still live while the snapshot is staged
        assertThat(store.referenceCache().cursor()).contains("c1");
        store.referenceCache().applySnapshotPage(page2, false, mark);
        assertThat(view().lot(R2)).isEmpty(); // replaced by the snapshot
        assertThat(view().stockAt(new LotRef(RESIN, new LotCode("R-3")), A01)).contains(kg("5"));
        assertThat(store.referenceCache().cursor()).contains("s2");
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        // the pending move's local delta is still applied on top of the new snapshot
        assertThat(view().stockAt(R1, A02)).contains(kg("30"));
    }

    @Test
    void repeatedOrLateAnswersNeverUndoTheFirst() {
        Event e = store.outbox().capture(ANA, move("R-1", "1", A01, A02));
        Outbox.Applied first = store.outbox().applyResults(List.of(PushResult.stored(e.eventId(), 7, List.of())));
        Outbox.Applied again = store.outbox()
                .applyResults(List.of(
                        PushResult.duplicate(e.eventId(), 7, List.of()),
                        PushResult.rejected(e.eventId(), new PushError("EVENT_ID_CONFLICT", "x", null))));
        assertThat(first.acknowledged()).isEqualTo(1);
        assertThat(again.alreadyAnswered()).isEqualTo(2);
        OutboxEntry entry = store.outbox().entry(e.eventId()).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.ACCEPTED);
        assertThat(entry.ledgerSeq()).isEqualTo(7);
    }
}
