package org.lotkeeper.model.lot;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.lotkeeper.model.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.model.auth.Role.ADMIN;
import static org.lotkeeper.model.auth.Role.OPERATOR;
import static org.lotkeeper.model.auth.Role.QA;
import static org.lotkeeper.model.auth.Role.RECEIVER;
import static org.lotkeeper.model.auth.Role.SUPERVISOR;
import static org.lotkeeper.model.lot.LotStatus.ON_HOLD;
import static org.lotkeeper.model.lot.LotStatus.QUARANTINE;
import static org.lotkeeper.model.lot.LotStatus.RECALLED;
import static org.lotkeeper.model.lot.LotStatus.REJECTED;
import static org.lotkeeper.model.lot.LotStatus.RELEASED;

class LotStatusRulesTest {

    /** The console rows of the docs/DOMAIN.md table, written out independently of the implementation. */
    private static final Set<String> CONSOLE_TABLE = Set.of(
            "QUARANTINE>RELEASED",
            "QUARANTINE>REJECTED",
            "RELEASED>ON_HOLD",
            "ON_HOLD>RELEASED",
            "ON_HOLD>REJECTED",
            "RELEASED>QUARANTINE",
            "ON_HOLD>QUARANTINE");

    private static StatusDecision console(LotStatus from, LotStatus to, Role... roles) {
        return LotStatusRules.decide(StatusChangeRequest.fromConsole(from, to, roles(roles), false, false));
    }

    private static StatusDecision device(LotStatus from, LotStatus to, Role... roles) {
        return LotStatusRules.decide(StatusChangeRequest.fromDevice(from, to, roles(roles)));
    }

    private static StatusDecision recall(LotStatus from, Role... roles) {
        return LotStatusRules.decide(StatusChangeRequest.byRecall(from, roles(roles)));
    }

    private static Set<Role> roles(Role... roles) {
        return roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
    }

    private static void assertAllowed(StatusDecision decision, String meaningOrNull) {
        assertThat(decision).isInstanceOf(StatusDecision.Allowed.class);
        assertThat(decision.isAllowed()).isTrue();
        StatusDecision.Allowed allowed = (StatusDecision.Allowed) decision;
        assertThat(allowed.signatureMeaning()).isEqualTo(Optional.ofNullable(meaningOrNull));
        assertThat(allowed.signatureRequired()).isEqualTo(meaningOrNull != null);
    }

    private static void assertRefused(StatusDecision decision, StatusRefusal code) {
        assertThat(decision).isInstanceOf(StatusDecision.Refused.class);
        assertThat(decision.isAllowed()).isFalse();
        StatusDecision.Refused refused = (StatusDecision.Refused) decision;
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.message()).isNotBlank();
    }

    @Nested
    class InitialStatus {
        @Test
        void lotOfQcItemStartsInQuarantine() {
            assertThat(LotStatusRules.initialStatus(true)).isEqualTo(QUARANTINE);
        }

        @Test
        void lotOfItemWithoutQcStartsReleased() {
            assertThat(LotStatusRules.initialStatus(false)).isEqualTo(RELEASED);
        }
    }

    @Nested
    class ConsoleTableRows {
        @ParameterizedTest(name = "{0} → {1} by {2}")
        @CsvSource({
            "QUARANTINE, RELEASED,   QA,         Released for use",
            "QUARANTINE, RELEASED,   ADMIN,      Released for use",
            "QUARANTINE, REJECTED,   QA,         'Rejected, not for use'",
            "QUARANTINE, REJECTED,   ADMIN,      'Rejected, not for use'",
            "RELEASED,   ON_HOLD,    QA,         ",
            "RELEASED,   ON_HOLD,    SUPERVISOR, ",
            "RELEASED,   ON_HOLD,    ADMIN,      ",
            "ON_HOLD,    RELEASED,   QA,         Released for use",
            "ON_HOLD,    RELEASED,   ADMIN,      Released for use",
            "ON_HOLD,    REJECTED,   QA,         'Rejected, not for use'",
            "ON_HOLD,    REJECTED,   ADMIN,      'Rejected, not for use'",
            "RELEASED,   QUARANTINE, QA,         ",
            "RELEASED,   QUARANTINE, ADMIN,      ",
            "ON_HOLD,    QUARANTINE, QA,         ",
            "ON_HOLD,    QUARANTINE, ADMIN,      ",
        })
        void allowedRowIsAllowedForItsRolesWithTheRightSignature(
                LotStatus from, LotStatus to, Role role, String meaning) {
            assertAllowed(console(from, to, role), meaning);
        }

        @ParameterizedTest(name = "{0} → {1} by {2}")
        @CsvSource({
            "QUARANTINE, RELEASED,   SUPERVISOR",
            "QUARANTINE, RELEASED,   OPERATOR",
            "QUARANTINE, RELEASED,   RECEIVER",
            "QUARANTINE, REJECTED,   SUPERVISOR",
            "QUARANTINE, REJECTED,   OPERATOR",
            "QUARANTINE, REJECTED,   RECEIVER",
            "RELEASED,   ON_HOLD,    OPERATOR",
            "RELEASED,   ON_HOLD,    RECEIVER",
            "ON_HOLD,    RELEASED,   SUPERVISOR",
            "ON_HOLD,    RELEASED,   OPERATOR",
            "ON_HOLD,    RELEASED,   RECEIVER",
            "ON_HOLD,    REJECTED,   SUPERVISOR",
            "ON_HOLD,    REJECTED,   OPERATOR",
            "ON_HOLD,    REJECTED,   RECEIVER",
            "RELEASED,   QUARANTINE, SUPERVISOR",
            "RELEASED,   QUARANTINE, OPERATOR",
            "RELEASED,   QUARANTINE, RECEIVER",
            "ON_HOLD,    QUARANTINE, SUPERVISOR",
            "ON_HOLD,    QUARANTINE, OPERATOR",
            "ON_HOLD,    QUARANTINE, RECEIVER",
        })
        void allowedRowIsRefusedForOtherRoles(LotStatus from, LotStatus to, Role role) {
            assertRefused(console(from, to, role), StatusRefusal.ROLE_NOT_ALLOWED);
        }

        @Test
        void userWithoutRolesMayChangeNothing() {
            assertRefused(console(QUARANTINE, RELEASED), StatusRefusal.ROLE_NOT_ALLOWED);
        }

        @Test
        void anyOneFittingRoleIsEnough() {
            assertAllowed(console(RELEASED, ON_HOLD, OPERATOR, RECEIVER, SUPERVISOR), null);
        }

        @Test
        void roleRefusalNamesWhoMayDoIt() {
            StatusDecision.Refused refused = (StatusDecision.Refused) console(QUARANTINE, RELEASED, SUPERVISOR);
            assertThat(refused.message()).contains("QA");
        }

        @Test
        void everyPairOutsideTheTableIsAnInvalidTransitionEvenForAdmin() {
            int checked = 0;
            for (LotStatus from : LotStatus.values()) {
                for (LotStatus to : LotStatus.values()) {
                    if (to == RECALLED || CONSOLE_TABLE.contains(from + ">" + to)) {
                        continue;
                    }
                    assertRefused(console(from, to, ADMIN, QA, SUPERVISOR), StatusRefusal.INVALID_TRANSITION);
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(25 - 5 - CONSOLE_TABLE.size());
        }

        @Test
        void releasedLotCannotBeRejectedWithoutGoingOnHoldFirst() {
            StatusDecision.Refused refused = (StatusDecision.Refused) console(RELEASED, REJECTED, QA);
            assertThat(refused.code()).isEqualTo(StatusRefusal.INVALID_TRANSITION);
            assertThat(refused.message()).contains("on hold").doesNotContain("ON_HOLD", "RELEASED");
        }

        @ParameterizedTest
        @EnumSource(LotStatus.class)
        void sameStatusIsRefused(LotStatus status) {
            assertRefused(console(status, status, ADMIN), StatusRefusal.INVALID_TRANSITION);
        }

        @Test
        void targetsFromFollowTheTable() {
            assertThat(LotStatusRules.targetsFrom(QUARANTINE)).containsExactlyInAnyOrder(RELEASED, REJECTED, RECALLED);
            assertThat(LotStatusRules.targetsFrom(RELEASED)).containsExactlyInAnyOrder(ON_HOLD, QUARANTINE, RECALLED);
            assertThat(LotStatusRules.targetsFrom(ON_HOLD))
                    .containsExactlyInAnyOrder(RELEASED, REJECTED, QUARANTINE, RECALLED);
            assertThat(LotStatusRules.targetsFrom(REJECTED)).isEmpty();
            assertThat(LotStatusRules.targetsFrom(RECALLED)).isEmpty();
        }
    }

    @Nested
    class CoaRule {
        @Test
        void releaseOfCoaItemWithoutLinkedCoaIsRefused() {
            StatusDecision decision = LotStatusRules.decide(
                    StatusChangeRequest.fromConsole(QUARANTINE, RELEASED, Set.of(QA), true, false));
            assertRefused(decision, StatusRefusal.COA_MISSING);
        }

        @Test
        void releaseOfCoaItemWithLinkedCoaIsAllowedWithSignature() {
            StatusDecision decision = LotStatusRules.decide(
                    StatusChangeRequest.fromConsole(QUARANTINE, RELEASED, Set.of(QA), true, true));
            assertAllowed(decision, "Released for use");
        }

        @Test
        void adminAlsoNeedsTheCoa() {
            StatusDecision decision = LotStatusRules.decide(
                    StatusChangeRequest.fromConsole(QUARANTINE, RELEASED, Set.of(ADMIN), true, false));
            assertRefused(decision, StatusRefusal.COA_MISSING);
        }

        @Test
        void rejectingCoaItemNeedsNoCoa() {
            StatusDecision decision = LotStatusRules.decide(
                    StatusChangeRequest.fromConsole(QUARANTINE, REJECTED, Set.of(QA), true, false));
            assertAllowed(decision, "Rejected, not for use");
        }

        @Test
        void releaseFromHoldNeedsNoNewCoa() {
            StatusDecision decision =
                    LotStatusRules.decide(StatusChangeRequest.fromConsole(ON_HOLD, RELEASED, Set.of(QA), true, false));
            assertAllowed(decision, "Released for use");
        }

        @Test
        void wrongRoleIsReportedBeforeMissingCoa() {
            StatusDecision decision = LotStatusRules.decide(
                    StatusChangeRequest.fromConsole(QUARANTINE, RELEASED, Set.of(SUPERVISOR), true, false));
            assertRefused(decision, StatusRefusal.ROLE_NOT_ALLOWED);
        }
    }

    @Nested
    class FromDevice {
        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"OPERATOR", "QA", "SUPERVISOR", "ADMIN"})
        void holdFromDeviceIsAllowedWithoutSignature(Role role) {
            assertAllowed(device(RELEASED, ON_HOLD, role), null);
        }

        @Test
        void receiverCannotHoldFromDevice() {
            assertRefused(device(RELEASED, ON_HOLD, RECEIVER), StatusRefusal.ROLE_NOT_ALLOWED);
        }

        @Test
        void operatorCannotHoldFromConsole() {
            assertRefused(console(RELEASED, ON_HOLD, OPERATOR), StatusRefusal.ROLE_NOT_ALLOWED);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "QUARANTINE, RELEASED",
            "QUARANTINE, REJECTED",
            "ON_HOLD, RELEASED",
            "ON_HOLD, REJECTED",
            "RELEASED, QUARANTINE",
            "ON_HOLD, QUARANTINE",
        })
        void onlyHoldIsPossibleFromDeviceEvenForAdmin(LotStatus from, LotStatus to) {
            assertRefused(device(from, to, ADMIN, QA), StatusRefusal.INVALID_TRANSITION);
        }

        @Test
        void lotInQuarantineCannotBePutOnHold() {
            assertRefused(device(QUARANTINE, ON_HOLD, QA), StatusRefusal.INVALID_TRANSITION);
        }

        @Test
        void deviceCannotRecall() {
            StatusDecision decision = LotStatusRules.decide(new StatusChangeRequest(
                    RELEASED, RECALLED, Set.of(SUPERVISOR), StatusChannel.DEVICE, true, false, false));
            assertRefused(decision, StatusRefusal.INVALID_TRANSITION);
        }
    }

    @Nested
    class Recall {
        @ParameterizedTest
        @EnumSource(
                value = LotStatus.class,
                names = {"QUARANTINE", "RELEASED", "ON_HOLD"})
        void realRecallSetsRecalledForQaSupervisorAndAdminWithSignature(LotStatus from) {
            for (Role role : EnumSet.of(QA, SUPERVISOR, ADMIN)) {
                assertAllowed(recall(from, role), "Recalled");
            }
        }

        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"OPERATOR", "RECEIVER"})
        void otherRolesCannotRecall(Role role) {
            assertRefused(recall(RELEASED, role), StatusRefusal.ROLE_NOT_ALLOWED);
        }

        @ParameterizedTest
        @EnumSource(
                value = LotStatus.class,
                names = {"QUARANTINE", "RELEASED", "ON_HOLD"})
        void recalledOutsideARealRecallIsRefusedEvenForAdmin(LotStatus from) {
            StatusDecision decision = console(from, RECALLED, ADMIN);
            assertRefused(decision, StatusRefusal.INVALID_TRANSITION);
            assertThat(((StatusDecision.Refused) decision).message()).contains("recall");
        }

        @Test
        void recallCannotSetAnyOtherStatus() {
            StatusDecision decision = LotStatusRules.decide(
                    new StatusChangeRequest(RELEASED, ON_HOLD, Set.of(QA), StatusChannel.CONSOLE, true, false, false));
            assertRefused(decision, StatusRefusal.INVALID_TRANSITION);
        }

        @Test
        void recallLeavesRejectedLotRejected() {
            assertRefused(recall(REJECTED, ADMIN), StatusRefusal.INVALID_TRANSITION);
        }

        @Test
        void recallOfAlreadyRecalledLotChangesNothing() {
            assertRefused(recall(RECALLED, QA), StatusRefusal.INVALID_TRANSITION);
        }
    }

    @Nested
    class FinalStatuses {
        @ParameterizedTest
        @EnumSource(
                value = LotStatus.class,
                names = {"REJECTED", "RECALLED"})
        void nothingLeavesAFinalStatusEvenForAdmin(LotStatus from) {
            for (LotStatus to : LotStatus.values()) {
                assertRefused(console(from, to, ADMIN), StatusRefusal.INVALID_TRANSITION);
                assertRefused(device(from, to, ADMIN), StatusRefusal.INVALID_TRANSITION);
            }
            assertThat(LotStatusRules.isFinal(from)).isTrue();
        }

        @ParameterizedTest
        @EnumSource(
                value = LotStatus.class,
                names = {"QUARANTINE", "RELEASED", "ON_HOLD"})
        void otherStatusesAreNotFinal(LotStatus status) {
            assertThat(LotStatusRules.isFinal(status)).isFalse();
        }

        @Test
        void refusalOfFinalStatusSaysItIsFinal() {
            StatusDecision.Refused refused = (StatusDecision.Refused) console(REJECTED, RELEASED, QA);
            assertThat(refused.message()).contains("rejected").contains("final");
        }
    }
}
