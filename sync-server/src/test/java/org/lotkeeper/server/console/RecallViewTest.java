package org.lotkeeper.server.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.trace.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The recall page of a popular lot shows the first rows of each table and the counts of all. */
class RecallViewTest {

    private static Views.RecallAnswer answer(int lots, int customers) {
        Quantity q = Quantity.of("5", Uom.KGM);
        List<Views.AffectedLot> affected = new ArrayList<>();
        List<Views.StockToContain> stock = new ArrayList<>();
        for (int i = 0; i < lots; i++) {
            affected.add(new Views.AffectedLot(
                    "FG",
                    "L-" + i,
                    "Finished",
                    "RELEASED",
                    1,
                    "PLANT-1",
                    List.of(new Views.RecallOnHand("WH-" + i, q, null)),
                    null));
            stock.add(new Views.StockToContain("FG", "L-" + i, "WH-" + i, "STORAGE", q));
        }
        List<Views.Customer> buyers = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            buyers.add(new Views.Customer(
                    "C-" + c,
                    c % 2 == 0 ? "Customer " + c : null,
                    2,
                    List.of(Quantity.of("10", Uom.KGM)),
                    Instant.EPOCH,
                    Instant.EPOCH,
                    0,
                    List.of()));
        }
        return new Views.RecallAnswer(
                "00000000-0000-7000-8000-000000000001",
                true,
                null,
                Instant.EPOCH,
                "quinn",
                null,
                null,
                List.of(),
                List.of(),
                affected.size(),
                List.of(),
                affected,
                stock,
                buyers,
                List.of(),
                0,
                List.of(),
                0,
                1,
                1);
    }

    @Test
    void aLargeRecallShowsTheFirstRowsOfEachTableAndCountsThemAll() {
        RecallPages.RecallView view = RecallPages.view(answer(2_000, 600));
        assertThat(view.affected()).hasSize(RecallPages.SHOWN);
        assertThat(view.stock()).hasSize(RecallPages.SHOWN);
        assertThat(view.customers()).hasSize(RecallPages.SHOWN);
        assertThat(view.customerCount()).isEqualTo(600);
        assertThat(view.shippedLines()).isEqualTo(1_200);
        assertThat(view.cut()).isTrue();
    }

    @Test
    void aSmallRecallShowsEverything() {
        RecallPages.RecallView view = RecallPages.view(answer(3, 2));
        assertThat(view.affected()).hasSize(3);
        assertThat(view.customers()).extracting(RecallPages.CustomerLine::name).containsExactly("Customer 0", "C-1");
        assertThat(view.customers())
                .extracting(RecallPages.CustomerLine::href)
                .containsExactly(
                        "/console/recalls/00000000-0000-7000-8000-000000000001/shipments?customer=C-0",
                        "/console/recalls/00000000-0000-7000-8000-000000000001/shipments?customer=C-1");
        assertThat(view.shippedLines()).isEqualTo(4);
        assertThat(view.cut()).isFalse();
    }
}
