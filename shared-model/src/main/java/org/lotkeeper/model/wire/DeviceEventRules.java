package org.lotkeeper.model.wire;

import java.util.ArrayList;
import java.util.List;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.InspectionSource;

/**
 * What an event from a device must obey beyond being well formed (docs/PROTOCOL.md, docs/DOMAIN.md):
 * <ul>
 *   <li>it has a {@code deviceSeq};</li>
 *   <li>a STATUS event only puts a lot {@link LotStatus#ON_HOLD}, and carries no signature —
 *       every other status change is made through the server's status endpoint;</li>
 *   <li>an INSPECT carries only the supplier's COA results keyed at receipt: no retest, no
 *       correction reason, no document — laboratory results, corrections and retests are QA's, on
 *       the server.</li>
 * </ul>
 * The server applies these after {@link PushRequestReader}; the device applies them before it
 * captures an event.
 */
public final class DeviceEventRules {

    private DeviceEventRules() {}

    /**
     * The problems of {@code event} as a device event; empty when it is fine.
     *
     * @param prefix put in front of the field paths ({@code events[3]}); empty for none
     */
    public static List<FieldProblem> check(Event event, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (event.deviceSeq() == null) {
            problems.add(new FieldProblem(
                    ErrorCode.MISSING_FIELD,
                    Paths.join(prefix, "deviceSeq"),
                    "an event from a device needs its deviceSeq"));
        }
        if (event.type() == EventType.ADJUST) {
            problems.add(new FieldProblem(
                    ErrorCode.NOT_FROM_A_DEVICE,
                    Paths.join(prefix, "type"),
                    "a device never sends an ADJUST: stock is adjusted on the server, when a supervisor approves a "
                            + "count variance"));
        }
        supplierCoaOnly(event, prefix, problems);
        onHoldOnly(event, prefix, problems);
        return problems;
    }

    /** An INSPECT from a device is a supplier's COA keyed at receipt, nothing else. */
    private static void supplierCoaOnly(Event event, String prefix, List<FieldProblem> problems) {
        if (event.payload() instanceof Inspect i) {
            if (i.source() != InspectionSource.SUPPLIER_COA) {
                problems.add(new FieldProblem(
                        ErrorCode.NOT_FROM_A_DEVICE,
                        Paths.join(prefix, "payload.source"),
                        "a device sends only a supplier's COA results (SUPPLIER_COA): laboratory results are "
                                + "recorded by QA on the server"));
            }
            if (i.retest() != null || i.reason() != null || i.document() != null) {
                problems.add(new FieldProblem(
                        ErrorCode.NOT_FROM_A_DEVICE,
                        Paths.join(
                                prefix,
                                i.retest() != null
                                        ? "payload.retest"
                                        : i.reason() != null ? "payload.reason" : "payload.document"),
                        "a device keys a supplier's COA results only; retests, corrections and linked documents "
                                + "are QA's, on the server"));
            }
        }
    }

    /** A STATUS from a device only puts a lot on hold, unsigned. */
    private static void onHoldOnly(Event event, String prefix, List<FieldProblem> problems) {
        if (event.payload() instanceof StatusChange s) {
            if (s.status() != LotStatus.ON_HOLD) {
                problems.add(new FieldProblem(
                        ErrorCode.INVALID_FIELD,
                        Paths.join(prefix, "payload.status"),
                        "a device may only put a lot ON_HOLD; " + s.status() + " is set by QA in the console"));
            }
            if (s.signature() != null) {
                problems.add(new FieldProblem(
                        ErrorCode.INVALID_FIELD,
                        Paths.join(prefix, "payload.signature"),
                        "a device cannot sign a status change"));
            }
        }
    }
}
