package org.lotkeeper.model.lot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lotkeeper.model.auth.Role;

import static org.lotkeeper.model.lot.LotStatus.ON_HOLD;
import static org.lotkeeper.model.lot.LotStatus.QUARANTINE;
import static org.lotkeeper.model.lot.LotStatus.RECALLED;
import static org.lotkeeper.model.lot.LotStatus.REJECTED;
import static org.lotkeeper.model.lot.LotStatus.RELEASED;

/**
 * The lot status rules of docs/DOMAIN.md as pure functions: the initial status of a new lot and who may
 * change a lot from one status to another.
 *
 * <p>The status table, as implemented by {@link #decide(StatusChangeRequest)}:
 *
 * <table>
 *   <caption>Allowed status changes</caption>
 *   <tr><th>From → to</th><th>Who</th><th>Signature meaning</th></tr>
 *   <tr><td>QUARANTINE → RELEASED</td><td>QA; needs a linked COA or test result when the item
 *       requires a COA</td><td>"Released for use"</td></tr>
 *   <tr><td>QUARANTINE → REJECTED</td><td>QA</td><td>"Rejected, not for use"</td></tr>
 *   <tr><td>RELEASED → ON_HOLD</td><td>QA, SUPERVISOR; an OPERATOR only from a device</td>
 *       <td>none</td></tr>
 *   <tr><td>ON_HOLD → RELEASED</td><td>QA</td><td>"Released for use"</td></tr>
 *   <tr><td>ON_HOLD → REJECTED</td><td>QA</td><td>"Rejected, not for use"</td></tr>
 *   <tr><td>RELEASED or ON_HOLD → QUARANTINE</td><td>QA (a retest)</td><td>none</td></tr>
 *   <tr><td>QUARANTINE, RELEASED or ON_HOLD → RECALLED</td><td>QA or SUPERVISOR, only through
 *       a real recall</td><td>"Recalled"</td></tr>
 * </table>
 *
 * <p>ADMIN holds every right above. Roles never lift the other conditions: an ADMIN also needs the
 * COA, a real recall for RECALLED, and the console for anything but a hold.
 *
 * <p><b>Decisions beyond the table</b> (as a quality manager would expect them):
 * <ul>
 *   <li><b>REJECTED and RECALLED are final in v1.</b> Nothing leaves them, not even through a
 *       recall: a rejected lot is already blocked and segregated, and relabelling it RECALLED
 *       would erase the QA rejection. A recall therefore leaves rejected lots REJECTED (they are
 *       still listed in its report as stock to contain) and skips lots already RECALLED. Undoing a
 *       mistaken rejection or recall is a deviation handled outside the system in v1 (rework
 *       into a new lot, or a correction by the vendor).</li>
 *   <li>Asking for the status a lot already has is refused (INVALID_TRANSITION): nothing would
 *       change, and a signature must never be recorded for nothing.</li>
 *   <li>From a device only ON_HOLD is possible, whatever the user's roles: a device cannot take an
 *       electronic signature, and quarantine is a QA decision taken at the console.</li>
 *   <li>A recall only ever sets RECALLED; it cannot be used to make any other change.</li>
 *   <li>Checks run in this order and the first failure is the answer: same status, final status,
 *       recall-only rules, the table, the device channel, the roles, the COA.</li>
 * </ul>
 */
public final class LotStatusRules {

    /** The meaning suggested for a release signature. */
    public static final String MEANING_RELEASED = "Released for use";
    /** The meaning suggested for a rejection signature. */
    public static final String MEANING_REJECTED = "Rejected, not for use";
    /** The meaning suggested for a recall signature. */
    public static final String MEANING_RECALLED = "Recalled";

    private record Rule(Set<Role> roles, boolean operatorFromDevice, String meaning, boolean coaCheck) {}

    private static final Set<Role> QA_ONLY = EnumSet.of(Role.QA);
    private static final Set<Role> RECALLERS = EnumSet.of(Role.QA, Role.SUPERVISOR);

    private static final Map<LotStatus, Map<LotStatus, Rule>> TABLE = new EnumMap<>(LotStatus.class);

    static {
        rule(QUARANTINE, RELEASED, new Rule(QA_ONLY, false, MEANING_RELEASED, true));
        rule(QUARANTINE, REJECTED, new Rule(QA_ONLY, false, MEANING_REJECTED, false));
        rule(RELEASED, ON_HOLD, new Rule(EnumSet.of(Role.QA, Role.SUPERVISOR), true, null, false));
        rule(ON_HOLD, RELEASED, new Rule(QA_ONLY, false, MEANING_RELEASED, false));
        rule(ON_HOLD, REJECTED, new Rule(QA_ONLY, false, MEANING_REJECTED, false));
        rule(RELEASED, QUARANTINE, new Rule(QA_ONLY, false, null, false));
        rule(ON_HOLD, QUARANTINE, new Rule(QA_ONLY, false, null, false));
        for (LotStatus from : EnumSet.of(QUARANTINE, RELEASED, ON_HOLD)) {
            rule(from, RECALLED, new Rule(RECALLERS, false, MEANING_RECALLED, false));
        }
    }

    private static void rule(LotStatus from, LotStatus to, Rule rule) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(LotStatus.class)).put(to, rule);
    }

    private LotStatusRules() {}

    /**
     * The status a lot starts in when it is received or produced: QUARANTINE when its item
     * requires QC, RELEASED otherwise.
     */
    public static LotStatus initialStatus(boolean qcRequired) {
        return qcRequired ? QUARANTINE : RELEASED;
    }

    /** REJECTED and RECALLED are final in v1: no status change leaves them. */
    public static boolean isFinal(LotStatus status) {
        return status == REJECTED || status == RECALLED;
    }

    /**
     * The statuses the table lets a lot go to from {@code from}, for someone with every right
     * (RECALLED included, though only a recall may set it). Empty for a final status.
     */
    public static Set<LotStatus> targetsFrom(LotStatus from) {
        Map<LotStatus, Rule> targets = TABLE.get(from);
        return targets == null ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(targets.keySet()));
    }

    /**
     * Decides whether the actor may move the lot from {@code request.from()} to
     * {@code request.to()}, and whether an electronic signature is needed. Pure: same request,
     * same answer.
     */
    public static StatusDecision decide(StatusChangeRequest request) {
        LotStatus from = request.from();
        LotStatus to = request.to();
        if (from == to) {
            return refuse(StatusRefusal.INVALID_TRANSITION, "The lot is already " + words(to) + "; nothing to change.");
        }
        if (isFinal(from)) {
            return refuse(
                    StatusRefusal.INVALID_TRANSITION,
                    "The lot is " + words(from) + ", which is final: " + "its status cannot change any more.");
        }
        if (to == RECALLED && !request.throughRecall()) {
            return refuse(
                    StatusRefusal.INVALID_TRANSITION,
                    "A lot becomes recalled only through a real recall, not by a status change.");
        }
        if (request.throughRecall() && to != RECALLED) {
            return refuse(
                    StatusRefusal.INVALID_TRANSITION,
                    "A recall can only set lots to recalled, not to " + words(to) + ".");
        }
        Rule rule = TABLE.get(from).get(to);
        if (rule == null) {
            return refuse(
                    StatusRefusal.INVALID_TRANSITION,
                    "A lot cannot go from " + words(from) + " to " + words(to) + "; from " + words(from)
                            + " it can go to " + targetNames(from) + ".");
        }
        if (request.channel() == StatusChannel.DEVICE && to != ON_HOLD) {
            return refuse(
                    StatusRefusal.INVALID_TRANSITION,
                    "From a scanner a lot can only be put on hold; use the console to set it to " + words(to) + ".");
        }
        if (!mayChange(request.roles(), request.channel(), rule)) {
            return refuse(
                    StatusRefusal.ROLE_NOT_ALLOWED,
                    "Your roles do not allow setting a lot from " + words(from) + " to " + words(to) + "; this needs "
                            + whoMay(rule) + ".");
        }
        if (rule.coaCheck() && request.coaRequired() && !request.coaLinked()) {
            return refuse(
                    StatusRefusal.COA_MISSING,
                    "This item requires a COA: link a COA or test result to the lot, or record its test results, "
                            + "before releasing it.");
        }
        return rule.meaning() == null
                ? StatusDecision.Allowed.unsigned()
                : StatusDecision.Allowed.signed(rule.meaning());
    }

    private static boolean mayChange(Set<Role> roles, StatusChannel channel, Rule rule) {
        if (roles.contains(Role.ADMIN)) {
            return true;
        }
        for (Role r : roles) {
            if (rule.roles().contains(r)) {
                return true;
            }
        }
        return rule.operatorFromDevice() && channel == StatusChannel.DEVICE && roles.contains(Role.OPERATOR);
    }

    private static String whoMay(Rule rule) {
        String roles = rule.roles().stream().map(Role::name).collect(Collectors.joining(" or "));
        return rule.operatorFromDevice() ? roles + " (or OPERATOR from a scanner)" : roles;
    }

    private static String targetNames(LotStatus from) {
        return TABLE.get(from).keySet().stream().map(LotStatusRules::words).collect(Collectors.joining(", "));
    }

    /** The status as a person says it: "on hold", "in quarantine". */
    public static String words(LotStatus status) {
        return switch (status) {
            case QUARANTINE -> "in quarantine";
            case RELEASED -> "released";
            case ON_HOLD -> "on hold";
            case REJECTED -> "rejected";
            case RECALLED -> "recalled";
        };
    }

    private static StatusDecision refuse(StatusRefusal code, String message) {
        return new StatusDecision.Refused(code, message);
    }
}
