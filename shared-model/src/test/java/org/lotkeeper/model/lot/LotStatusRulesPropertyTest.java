package org.lotkeeper.model.lot;

import java.util.EnumSet;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.lotkeeper.model.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;

class LotStatusRulesPropertyTest {

    private static StatusChangeRequest request(
            LotStatus from,
            LotStatus to,
            Set<Role> roles,
            StatusChannel channel,
            boolean recall,
            boolean coaRequired,
            boolean coaLinked) {
        return new StatusChangeRequest(from, to, roles, channel, recall, coaRequired, coaLinked);
    }

    @Property
    void anAllowedChangeIsAlwaysInTheTable(
            @ForAll LotStatus from,
            @ForAll LotStatus to,
            @ForAll @Size(max = 5) Set<Role> roles,
            @ForAll StatusChannel channel,
            @ForAll boolean recall,
            @ForAll boolean coaRequired,
            @ForAll boolean coaLinked) {
        StatusDecision decision =
                LotStatusRules.decide(request(from, to, roles, channel, recall, coaRequired, coaLinked));
        if (decision.isAllowed()) {
            assertThat(LotStatusRules.targetsFrom(from)).contains(to);
            assertThat(to == LotStatus.RECALLED).isEqualTo(recall);
            if (channel == StatusChannel.DEVICE) {
                assertThat(to).isEqualTo(LotStatus.ON_HOLD);
            }
        }
    }

    @Property
    void operatorsAndReceiversChangeNothingInTheConsole(
            @ForAll LotStatus from,
            @ForAll LotStatus to,
            @ForAll boolean recall,
            @ForAll boolean coaRequired,
            @ForAll boolean coaLinked) {
        Set<Role> roles = EnumSet.of(Role.OPERATOR, Role.RECEIVER);
        assertThat(LotStatusRules.decide(
                                request(from, to, roles, StatusChannel.CONSOLE, recall, coaRequired, coaLinked))
                        .isAllowed())
                .isFalse();
    }

    @Property
    void addingAdminNeverTurnsAnAllowedChangeIntoARefusal(
            @ForAll LotStatus from,
            @ForAll LotStatus to,
            @ForAll @Size(max = 5) Set<Role> roles,
            @ForAll StatusChannel channel,
            @ForAll boolean recall,
            @ForAll boolean coaRequired,
            @ForAll boolean coaLinked) {
        Set<Role> withAdmin = EnumSet.of(Role.ADMIN);
        withAdmin.addAll(roles);
        StatusDecision without =
                LotStatusRules.decide(request(from, to, roles, channel, recall, coaRequired, coaLinked));
        StatusDecision with =
                LotStatusRules.decide(request(from, to, withAdmin, channel, recall, coaRequired, coaLinked));
        if (without.isAllowed()) {
            assertThat(with).isEqualTo(without);
        }
        if (with instanceof StatusDecision.Refused refused) {
            assertThat(refused.code()).isNotEqualTo(StatusRefusal.ROLE_NOT_ALLOWED);
        }
    }

    @Property
    void signatureIsRequiredExactlyForReleaseRejectAndRecall(
            @ForAll LotStatus from, @ForAll LotStatus to, @ForAll StatusChannel channel, @ForAll boolean recall) {
        StatusDecision decision =
                LotStatusRules.decide(request(from, to, EnumSet.of(Role.ADMIN), channel, recall, false, false));
        if (decision instanceof StatusDecision.Allowed allowed) {
            boolean signed = to == LotStatus.RELEASED || to == LotStatus.REJECTED || to == LotStatus.RECALLED;
            assertThat(allowed.signatureRequired()).isEqualTo(signed);
        }
    }
}
