package org.lotkeeper.client.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.UnavailableReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.workflow.Riverside.PRIMER_GTIN;
import static org.lotkeeper.client.workflow.Riverside.lotLabel;
import static org.lotkeeper.client.workflow.Riverside.wedge;

class LoginHoldLookupWorkflowTest {

    private final InMemoryDeviceData view = Riverside.pickingDay();
    private final InMemoryCapture capture = new InMemoryCapture();
    private final WorkflowContext ctx = Riverside.context(view, capture, Riverside.PICKING_DAY);

    @Nested
    class Login {

        private final LoginWorkflow login = new LoginWorkflow(ctx);

        @Test
        void badgeAndRightPinGiveASessionWithTheUsersRoles() {
            login.handle(Command.scan(wedge("B:ana")));
            Screen in = login.handle(new Command.KeyPin("471147"));

            assertThat(in.step()).isEqualTo(LoginWorkflow.Step.DONE);
            assertThat(login.session()).hasValueSatisfying(s -> {
                assertThat(s.user()).isEqualTo(UserId.of("ana"));
                assertThat(s.roles()).containsExactlyInAnyOrder(Role.RECEIVER, Role.OPERATOR);
            });
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void onlineTheServersAnswerWinsOverTheVerifierOnTheDevice() {
            java.util.List<String> asked = new java.util.ArrayList<>();
            // the PIN changed on the server since the last sync: the server knows the new one
            LoginWorkflow online = new LoginWorkflow(ctx, PinLock.inMemory(), (user, pin) -> {
                asked.add(user.value() + ":" + pin);
                return java.util.Optional.of(
                        pin.equals("530817")
                                ? org.lotkeeper.model.wire.PinCheck.Result.OK
                                : org.lotkeeper.model.wire.PinCheck.Result.WRONG);
            });
            online.handle(Command.scan(wedge("B:ana")));
            assertThat(online.handle(new Command.KeyPin("471147"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .as("the old PIN the device still has a verifier for")
                    .startsWith("Wrong PIN");
            assertThat(online.handle(new Command.KeyPin("530817"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Welcome, Ana Receiver.");
            assertThat(asked).containsExactly("ana:471147", "ana:530817");
        }

        @Test
        void aUserTheServerLockedIsSentBackToTheBadgeWithWhatToDo() {
            LoginWorkflow online = new LoginWorkflow(
                    ctx,
                    PinLock.inMemory(),
                    (user, pin) -> java.util.Optional.of(org.lotkeeper.model.wire.PinCheck.Result.LOCKED));
            online.handle(Command.scan(wedge("B:ana")));
            Screen locked = online.handle(new Command.KeyPin("471147"));
            assertThat(locked.feedback().orElseThrow().message())
                    .startsWith("PIN sign-in for Ana Receiver is locked")
                    .contains("supervisor");
            assertThat(locked.step()).isEqualTo(LoginWorkflow.Step.BADGE);
            assertThat(online.session()).isEmpty();
        }

        @Test
        void aPrintedBadgeNumberWorksToo() {
            login.handle(Command.scan(wedge("B-1002")));

            assertThat(login.handle(new Command.KeyPin("583920"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Welcome, Ben Picker.");
        }

        @Test
        void aWrongPinSaysHowManyTriesAreLeftAndFiveSendYouBackToTheBadge() {
            login.handle(Command.scan(wedge("B:ana")));

            assertThat(login.handle(new Command.KeyPin("000000"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Wrong PIN — key it again (4 tries left).");
            for (int i = 0; i < 3; i++) {
                login.handle(new Command.KeyPin("999999"));
            }
            Screen locked = login.handle(new Command.KeyPin("471148"));

            assertThat(locked.feedback().orElseThrow().message())
                    .isEqualTo("Too many wrong PINs — scan your badge again.");
            assertThat(locked.step()).isEqualTo(LoginWorkflow.Step.BADGE);
            assertThat(login.handle(new Command.KeyPin("471147"))
                            .feedback()
                            .orElseThrow()
                            .tone())
                    .isEqualTo(Tone.ERROR);
            assertThat(login.session()).isEmpty();
        }

        @Test
        void unknownBadgesUsersWithoutPinAndOtherLabelsAreRefused() {
            assertThat(login.handle(Command.scan(wedge("B:zoe")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("Badge zoe is not known on this device");
            assertThat(login.handle(Command.scan(wedge("B:quinn")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("No PIN is set for Quinn Quality");
            assertThat(login.handle(Command.scan(wedge("O:SO-1")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("This is the order sheet SO-1, not a badge — scan your badge.");
        }
    }

    @Nested
    class Hold {

        @Test
        void anOperatorPutsAReleasedLotOnHoldWithOneTapReason() {
            HoldWorkflow hold = new HoldWorkflow(ctx, Riverside.ben());
            hold.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));
            assertThat(hold.screen().choiceValues()).contains("Damaged drum");

            Screen done = hold.handle(new Command.Choose("Damaged drum"));

            assertThat(capture.payloads)
                    .containsExactly(new StatusChange(
                            ItemCode.of("RM-RESIN"), LotCode.of("R-2401"), LotStatus.ON_HOLD, "Damaged drum"));
            assertThat(done.feedback().orElseThrow().captured()).hasSize(1);
        }

        @Test
        void aQuarantinedLotCannotBeHeldFromTheDevice() {
            view.status("RM-RESIN", "R-2401", LotStatus.QUARANTINE);
            HoldWorkflow hold = new HoldWorkflow(ctx, Riverside.ben());

            Screen refused = hold.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))));

            assertThat(refused.feedback().orElseThrow().tone()).isEqualTo(Tone.ERROR);
            assertThat(refused.step()).isEqualTo(HoldWorkflow.Step.LOT);
        }

        @Test
        void aReceiverWithoutOperatorRightsCannotHold() {
            HoldWorkflow hold = new HoldWorkflow(ctx, new Session(UserId.of("rita"), "Rita", Set.of(Role.RECEIVER)));

            assertThat(hold.handle(Command.scan(wedge(Riverside.internalLabelScan("R-2401"))))
                            .feedback()
                            .orElseThrow()
                            .tone())
                    .isEqualTo(Tone.ERROR);
            assertThat(hold.handle(new Command.Choose("Damaged drum"))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .isEqualTo("Scan the lot label first.");
            assertThat(capture.payloads).isEmpty();
        }
    }

    @Nested
    class Lookup {

        private final LookupWorkflow lookup = new LookupWorkflow(ctx);

        @Test
        void cancelClearsTheLookupAndNeverSpeaksOfSaving() {
            lookup.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));
            Screen cleared = lookup.handle(Command.cancel());
            assertThat(cleared.feedback().orElseThrow().message())
                    .startsWith("Cleared.")
                    .doesNotContain("saved");
        }

        @Test
        void aLotLabelShowsStatusExpiryWhereAndRecentEvents() {
            view.events.put(
                    LotRef.of("FG-PRIMER", "PR-1001"),
                    List.of(new RecentEvent(
                            EventType.MOVE,
                            Instant.parse("2026-11-18T08:00:00Z"),
                            "Moved 30 pc PROD-LINE-1 → WH-A-01 (ben)")));

            Screen screen = lookup.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));

            assertThat(screen.value("Status")).contains("Released");
            assertThat(screen.value("Expiry")).contains("2027-11-17 (363 days left)");
            assertThat(screen.value("At WH-A-01")).contains("25 pc");
            assertThat(screen.value("2026-11-18 08:00")).contains("Moved 30 pc PROD-LINE-1 → WH-A-01 (ben)");
            assertThat(screen.blocked()).isEmpty();
            assertThat(capture.payloads).isEmpty();
        }

        @Test
        void aLotThatMustNotBeUsedIsShownBlockedWithEveryReason() {
            view.lot(Riverside.lotRow("FG-PRIMER", "PR-1001", LotStatus.RECALLED, "2026-11-01", null));

            Screen screen = lookup.handle(Command.scan(wedge(lotLabel(PRIMER_GTIN, "PR-1001"))));

            assertThat(screen.blocked())
                    .map(Blocked::reasons)
                    .contains(List.of(UnavailableReason.RECALLED, UnavailableReason.EXPIRED));
            assertThat(screen.feedback().orElseThrow().tone())
                    .as("the screens alarm; the answer itself is a lookup")
                    .isEqualTo(Tone.GOOD);
        }

        @Test
        void aLocationShowsWhatIsThere() {
            Screen screen = lookup.handle(Command.scan(wedge(Riverside.locationScan("WH-A-01"))));

            assertThat(screen.value("Type")).contains("Storage");
            assertThat(screen.value("FG-TOPCOAT TC-1002")).contains("40 pc, released");
        }

        @Test
        void aProductLabelWithoutLotShowsTheItem() {
            Screen screen = lookup.handle(Command.scan(wedge("]C101" + PRIMER_GTIN)));

            assertThat(screen.value("Item")).contains("FG-PRIMER Grey primer, 20 L pail");
        }

        @Test
        void somethingUnknownSaysSo() {
            assertThat(lookup.handle(Command.scan(wedge("NOPE-1")))
                            .feedback()
                            .orElseThrow()
                            .message())
                    .startsWith("NOPE-1 is neither a lot nor a location known on this device");
        }
    }
}
