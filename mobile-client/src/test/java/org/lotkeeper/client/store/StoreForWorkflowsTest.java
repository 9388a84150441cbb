package org.lotkeeper.client.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.wire.LotRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotkeeper.client.store.StoreFixtures.A01;
import static org.lotkeeper.client.store.StoreFixtures.A02;
import static org.lotkeeper.client.store.StoreFixtures.ANA;
import static org.lotkeeper.client.store.StoreFixtures.DOCK;
import static org.lotkeeper.client.store.StoreFixtures.RESIN;
import static org.lotkeeper.client.store.StoreFixtures.SITE;
import static org.lotkeeper.client.store.StoreFixtures.kg;
import static org.lotkeeper.client.store.StoreFixtures.move;
import static org.lotkeeper.client.store.StoreFixtures.receive;
import static org.lotkeeper.client.store.StoreFixtures.snapshot;

/** What the workflow ports need from the store beyond single captures: atomic batches, lot sequences, lookups by code and place. */
class StoreForWorkflowsTest {

    @TempDir
    Path dir;

    private SqliteStore open() {
        SqliteStore store = SqliteStore.open(dir.resolve("device.db"));
        if (store.settings().site().isEmpty()) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t0k3n", SITE);
            store.referenceCache()
                    .applySnapshotPage(snapshot("c1"), true, store.outbox().acknowledgementMark());
        }
        return store;
    }

    @Test
    void captureAllStoresEveryEventWithConsecutiveSequenceNumbersAndTheirLocalEffects() {
        try (SqliteStore store = open()) {
            store.outbox().capture(ANA, move("R-1", "1", A01, A02));
            List<Event> events =
                    store.outbox().captureAll(ANA, List.of(move("R-1", "10", A01, A02), move("R-2", "20", A02, A01)));

            assertThat(events).extracting(Event::deviceSeq).containsExactly(2L, 3L);
            assertThat(store.outbox().all()).extracting(OutboxEntry::deviceSeq).containsExactly(1L, 2L, 3L);
            assertThat(store.view().stockAt(new org.lotkeeper.model.lot.LotRef(RESIN, new LotCode("R-1")), A01))
                    .contains(kg("89"));
            assertThat(store.outbox().capture(ANA, move("R-1", "1", A01, A02)).deviceSeq())
                    .isEqualTo(4);
        }
    }

    @Test
    void captureAllStoresNothingAndUsesNoSequenceNumberWhenOneEventFails() throws Exception {
        try (SqliteStore store = open()) {
            store.outbox().capture(ANA, move("R-1", "1", A01, A02));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("device.db"))) {
            c.createStatement()
                    .execute("CREATE TRIGGER boom BEFORE INSERT ON local_delta WHEN NEW.lot = 'BOOM' "
                            + "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        }
        try (SqliteStore store = open()) {
            List<EventPayload> batch = List.of(move("R-1", "5", A01, A02), move("BOOM", "1", A01, A02));
            assertThatThrownBy(() -> store.outbox().captureAll(ANA, batch))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("disk on fire");

            assertThat(store.outbox().all()).extracting(OutboxEntry::deviceSeq).containsExactly(1L);
            assertThat(store.view().stockAt(new org.lotkeeper.model.lot.LotRef(RESIN, new LotCode("R-1")), A01))
                    .contains(kg("99"));
            assertThat(store.outbox().capture(ANA, move("R-1", "1", A01, A02)).deviceSeq())
                    .isEqualTo(2);
        }
    }

    @Test
    void lotSequenceNumbersStartAtOneArePerItemAndAreNeverHandedOutAgainAfterReopening() {
        ItemCode solvent = new ItemCode("RM-SOLVENT");
        try (SqliteStore store = open()) {
            assertThat(store.settings().reserveLotSequence(RESIN)).isEqualTo(1);
            assertThat(store.settings().reserveLotSequence(RESIN)).isEqualTo(2);
            assertThat(store.settings().reserveLotSequence(solvent)).isEqualTo(1);
        }
        try (SqliteStore store = open()) {
            assertThat(store.settings().reserveLotSequence(RESIN)).isEqualTo(3);
        }
    }

    @Test
    void lotsByCodeFindsPulledLotsAndLotsReceivedOnThisDeviceButNotOtherCodes() {
        try (SqliteStore store = open()) {
            store.outbox().capture(ANA, receive("R-9", "40"));

            assertThat(store.view().lotsByCode(new LotCode("R-1")))
                    .extracting(LotRow::item)
                    .containsExactly(RESIN);
            assertThat(store.view().lotsByCode(new LotCode("R-9")))
                    .singleElement()
                    .satisfies(l -> assertThat(l.expiry()).hasToString("2027-06-30"));
            assertThat(store.view().lotsByCode(new LotCode("R-404"))).isEmpty();
        }
    }

    @Test
    void stockAtALocationListsEachLotThereIncludingUnsentMovesAndNoEmptiedRows() {
        try (SqliteStore store = open()) {
            store.outbox().capture(ANA, receive("R-9", "40"));
            store.outbox().capture(ANA, move("R-2", "250", A02, A01));

            List<StockCandidate> atA01 = store.view().stockCandidatesAt(A01);
            assertThat(atA01)
                    .extracting(c -> c.lot().lot().value() + "=" + c.quantity())
                    .containsExactly("R-1=100 kg", "R-2=250 kg");
            assertThat(store.view().stockCandidatesAt(A02)).isEmpty();
            assertThat(store.view().stockCandidatesAt(DOCK))
                    .extracting(c -> c.lot().lot().value())
                    .containsExactly("R-9");
        }
    }

    @Test
    void latestListsTheNewestEventsFirst() {
        try (SqliteStore store = open()) {
            for (int i = 0; i < 5; i++) {
                store.outbox().capture(ANA, move("R-1", "1", A01, A02));
            }
            assertThat(store.outbox().latest(3))
                    .extracting(OutboxEntry::deviceSeq)
                    .containsExactly(5L, 4L, 3L);
        }
    }
}
