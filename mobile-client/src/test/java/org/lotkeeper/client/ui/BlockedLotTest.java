package org.lotkeeper.client.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotkeeper.client.workflow.Blocked;
import org.lotkeeper.client.workflow.Feedback;
import org.lotkeeper.client.workflow.LookupWorkflow;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.Tone;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.StockUse;

import static org.assertj.core.api.Assertions.assertThat;

/** The banner comes from the screen's typed {@link Blocked} part, as {@code Availability} judged the lot — never from its words. */
class BlockedLotTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-19");
    private static final LotRef LOT = new LotRef(ItemCode.of("FG-PRIMER"), LotCode.of("PR-1"));

    private static AvailabilityResult judged(LotStatus status, String expiry, LocationType where) {
        return Availability.check(
                new LotAtLocation(LOT, status, LocalDate.parse(expiry), null, LocationCode.of("WH-A-01"), where),
                StockUse.PICK,
                0,
                TODAY);
    }

    private static Screen refused(AvailabilityResult result) {
        return new Screen(
                WorkflowKind.PICK,
                LookupWorkflow.Step.SCAN,
                "Scan the lot label.",
                Optional.of(new Feedback(Tone.ERROR, result.message(), List.of())),
                List.of(),
                Set.of(),
                List.of(),
                Optional.empty(),
                Blocked.of(LOT, result));
    }

    @ParameterizedTest
    @CsvSource({"QUARANTINE, QUARANTINE", "ON_HOLD, ON HOLD", "REJECTED, REJECTED", "RECALLED, RECALLED"})
    void eachBlockingStatusGetsTheBanner(LotStatus status, String banner) {
        assertThat(BlockedLot.of(refused(judged(status, "2027-12-31", LocationType.STORAGE))))
                .contains(banner);
    }

    @Test
    void anExpiredReleasedLotGetsTheExpiredBannerAndARecalledExpiredLotTheRecalledOne() {
        assertThat(BlockedLot.of(refused(judged(LotStatus.RELEASED, "2026-11-01", LocationType.STORAGE))))
                .contains("EXPIRED");
        assertThat(BlockedLot.of(refused(judged(LotStatus.RECALLED, "2026-11-01", LocationType.STORAGE))))
                .contains("RECALLED");
    }

    @Test
    void aRewordedMessageKeepsTheBanner() {
        Screen recalled = refused(judged(LotStatus.RECALLED, "2027-12-31", LocationType.STORAGE));
        Screen reworded =
                recalled.withFeedback(new Feedback(Tone.ERROR, "Nicht verwenden — Charge gesperrt.", List.of()));
        assertThat(reworded.feedback().orElseThrow().message()).doesNotContainIgnoringCase("recalled");
        assertThat(BlockedLot.of(reworded)).contains("RECALLED");
    }

    @Test
    void aSentenceAloneGivesNoBanner() {
        Screen good = new Screen(
                WorkflowKind.PICK,
                LookupWorkflow.Step.SCAN,
                "Scan.",
                Optional.of(new Feedback(Tone.ERROR, "Lot PR-1 is recalled — do not use it.", List.of())),
                List.of(),
                Set.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
        assertThat(BlockedLot.of(good)).isEmpty();
    }

    @Test
    void aLotThatIsFineButNotForThisUseGetsNoBanner() {
        assertThat(BlockedLot.of(refused(judged(LotStatus.RELEASED, "2027-12-31", LocationType.RETURNS))))
                .isEmpty();
    }
}
