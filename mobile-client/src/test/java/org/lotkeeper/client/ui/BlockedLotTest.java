package org.lotkeeper.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotkeeper.client.workflow.Feedback;
import org.lotkeeper.client.workflow.Field;
import org.lotkeeper.client.workflow.Screen;
import org.lotkeeper.client.workflow.Tone;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.client.workflow.LookupWorkflow;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.lot.LocationType;

/** The banner's statuses come from the sentences {@code Availability} itself writes: a changed sentence fails here. */
class BlockedLotTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-19");
    private static final LotRef LOT = new LotRef(ItemCode.of("FG-PRIMER"), LotCode.of("PR-1"));

    private static String refusal(LotStatus status, String expiry) {
        return Availability.check(new LotAtLocation(LOT, status, LocalDate.parse(expiry), LocationCode.of("WH-A-01"),
                LocationType.STORAGE), StockUse.PICK, 0, TODAY).message();
    }

    private static Screen refused(String message) {
        return new Screen(WorkflowKind.PICK, LookupWorkflow.Step.SCAN, "Scan the lot label.",
                Optional.of(new Feedback(Tone.ERROR, message, List.of())), List.of(), Set.of(), List.of());
    }

    @ParameterizedTest
    @CsvSource({"QUARANTINE, QUARANTINE", "ON_HOLD, ON HOLD", "REJECTED, REJECTED", "RECALLED, RECALLED"})
    void eachBlockingStatusOfAvailabilityGetsTheBanner(LotStatus status, String banner) {
        assertThat(BlockedLot.of(refused(refusal(status, "2027-12-31")))).contains(banner);
    }

    @Test
    void anExpiredReleasedLotGetsTheExpiredBanner() {
        assertThat(BlockedLot.of(refused(refusal(LotStatus.RELEASED, "2026-11-01")))).contains("EXPIRED");
    }

    @Test
    void otherRefusalsAndGoodAnswersGetNoBanner() {
        assertThat(BlockedLot.of(refused("Location WH-Z-99 is not known on this device — sync the device."))).isEmpty();
        Screen good = new Screen(WorkflowKind.PICK, LookupWorkflow.Step.SCAN, "Scan.",
                Optional.of(new Feedback(Tone.GOOD, "Lot PR-1 is in quarantine", List.of())), List.of(), Set.of(), List.of());
        assertThat(BlockedLot.of(good)).isEmpty();
    }

    @Test
    void aLookupShowsTheBannerForEveryStatusButReleased() {
        Screen onHold = new Screen(WorkflowKind.LOOKUP, LookupWorkflow.Step.SCAN, "Scan.", Optional.empty(),
                List.of(new Field("Status", "ON_HOLD")), Set.of(), List.of());
        Screen released = new Screen(WorkflowKind.LOOKUP, LookupWorkflow.Step.SCAN, "Scan.", Optional.empty(),
                List.of(new Field("Status", "RELEASED")), Set.of(), List.of());
        assertThat(BlockedLot.of(onHold)).contains("ON HOLD");
        assertThat(BlockedLot.of(released)).isEmpty();
    }
}
