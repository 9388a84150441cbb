package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.Texts;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.StatusChangeRequest;
import org.lotkeeper.model.lot.StatusDecision;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.LotRow;

/**
 * Putting a lot on hold from the device (a damaged drum): STATUS ON_HOLD with a reason, no
 * signature. {@link LotStatusRules} decides with the device channel and the session's roles: only
 * a RELEASED lot can be held, by an OPERATOR, SUPERVISOR, QA or ADMIN.
 *
 * <ol>
 *   <li>LOT: scan the lot label.</li>
 *   <li>REASON: one tap on a reason ({@link #REASONS}) or key one: the STATUS event is stored.</li>
 * </ol>
 */
public final class HoldWorkflow extends AbstractWorkflow<HoldWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        LOT,
        REASON
    }

    /** The reasons offered as one tap. */
    public static final List<String> REASONS = List.of(
            "Damaged drum", "Leaking container", "Label unreadable", "Suspected contamination", "Wrong labelling");

    private final Session session;
    private Resolve.LotScan lot;

    public HoldWorkflow(WorkflowContext ctx, Session session) {
        super(ctx, Step.LOT);
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.HOLD;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL, UiAction.CHOOSE);
    }

    /** The reason (one tap or keyed): stores the STATUS event. */
    @Override
    protected void onChoose(String text, String note) {
        if (step != Step.REASON) {
            throw refuse("Scan the lot label first.");
        }
        String reason;
        try {
            reason = Texts.requireFreeText("reason", text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw refuse("Choose or key why the lot is held.");
        }
        CapturedEvent captured =
                ctx.capture().capture(new StatusChange(lot.item().code(), lot.lot(), LotStatus.ON_HOLD, reason));
        String done = "Lot " + lot.lot() + " is on hold (" + reason + "): it cannot be picked or used until QA "
                + "releases it. Put it aside and tell QA.";
        reset();
        good(done, List.of(captured));
    }

    @Override
    protected void onScan(Scan scan) {
        Resolve.LotScan scanned = resolve.lot(scan);
        LotRow row = stock.lot(scanned.ref())
                .orElseThrow(() -> Refusal.missingOnDevice("Lot " + scanned.lot()
                        + " is not known on this device — sync the device, or tell your supervisor."));
        StatusDecision decision =
                LotStatusRules.decide(StatusChangeRequest.fromDevice(row.status(), LotStatus.ON_HOLD, session.roles()));
        Optional<Blocked> unusable = blockedLot(scanned.ref());
        if (decision instanceof StatusDecision.Refused refused) {
            throw unusable.map(b -> refuse(
                            "Lot " + scanned.lot() + " " + why(b)
                                    + " — it is already kept from use: keep it apart and tell QA.",
                            b))
                    .orElseGet(() -> refuse(refused.message()));
        }
        lot = scanned;
        step = Step.REASON;
        if (unusable.isPresent()) {
            attention(
                    "Lot " + scanned.lot() + " of " + scanned.item().code() + " " + why(unusable.get())
                            + " — keep it apart; to hold it as well, choose why.",
                    List.of(),
                    unusable.get());
        } else {
            good("Lot " + scanned.lot() + " of " + scanned.item().code() + " is released. " + prompt());
        }
    }

    @Override
    protected void reset() {
        lot = null;
        step = Step.LOT;
    }

    @Override
    protected String prompt() {
        return step == Step.LOT ? "Scan the lot label of the lot to hold." : "Choose why the lot is held.";
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        f.add(new Field("User", session.name()));
        if (lot != null) {
            f.add(new Field("Item", lot.item().code() + " " + lot.item().name()));
            f.add(new Field("Lot", lot.lot().value()));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step == Step.REASON) {
            a.add(UiAction.CHOOSE);
        }
        return a;
    }

    @Override
    protected List<Choice> choices() {
        return step == Step.REASON ? REASONS.stream().map(r -> new Choice(r, r)).toList() : List.of();
    }
}
