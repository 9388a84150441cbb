package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.fefo.Allocation;
import org.lotkeeper.model.fefo.DeviationJustification;
import org.lotkeeper.model.fefo.Fefo;
import org.lotkeeper.model.fefo.FefoPlan;
import org.lotkeeper.model.fefo.OrderLine;
import org.lotkeeper.model.fefo.ScanCheck;
import org.lotkeeper.model.fefo.ScanOutcome;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;

/**
 * FEFO-guided picking of an order: one PICK per lot taken.
 *
 * <ol>
 *   <li>ORDER: scan the order sheet ({@code O:SO-1}). For each line the device plans with
 *       {@link Fefo#allocate} over its local stock and shows the first allocation: lot, location,
 *       quantity.</li>
 *   <li>LOT: scan the lot label. {@link Fefo#checkScan} judges it: BLOCKED (quarantine, hold,
 *       rejected, recalled, expired, too little shelf life for the customer, wrong item, stock in
 *       a quarantine or returns location) is refused with every reason and the FEFO lot;
 *       DEVIATION (another available lot expires earlier) asks for a reason, one tap
 *       ({@link Command.Choose}); FEFO_OK goes on. The location is the suggestion's when
 *       the suggested lot is scanned, else the lot's only stock location, else FROM asks for it.</li>
 *   <li>STAGE: scan the staging (or shipping) location: the PICK is stored with the suggestion
 *       (suggestedLot) and any reason. The quantity is the allocation's (or what the line still
 *       needs, at most what the location holds); {@link Command.KeyQuantity} changes it.</li>
 * </ol>
 * A line may take several lots; when a line is covered the next one starts, and when all are
 * done the order is finished. {@link Command.SkipLine} leaves a line short (one tap).
 */
public final class PickWorkflow extends AbstractWorkflow<PickWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        ORDER,
        LOT,
        FROM,
        DEVIATION_REASON,
        STAGE
    }

    private static final List<LocationType> STAGING = List.of(LocationType.STAGING, LocationType.SHIPPING);

    private PickTask task;
    private int lineIndex;
    private Quantity pickedOnLine;
    private FefoPlan plan;

    private Resolve.LotScan lot;
    private LocationRow from;
    private ScanCheck check;
    private DeviationReason reason;
    private String note;
    private Quantity quantity;
    private String quantityShown;

    public PickWorkflow(WorkflowContext ctx) {
        super(ctx, Step.ORDER);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.PICK;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL, UiAction.CHOOSE, UiAction.KEY_QUANTITY, UiAction.SKIP_LINE);
    }

    // ------------------------------------------------------------------ actions

    /** One tap: why another lot than the FEFO lot is taken; OTHER needs a note. */
    @Override
    protected void onChoose(String choice, String noteText) {
        if (step != Step.DEVIATION_REASON) {
            throw refuse("No reason is needed now. " + prompt());
        }
        DeviationReason chosen =
                Resolve.choice(DeviationReason.class, choice, "Choose why you take lot " + lot.lot() + ".");
        String n = noteText == null || noteText.isBlank() ? null : noteText.strip();
        DeviationJustification j = DeviationJustification.of(chosen, n);
        if (!j.isAccepted()) {
            throw refuse(j.message());
        }
        reason = chosen;
        note = n;
        step = Step.STAGE;
        good("Reason " + chosen + " recorded. " + prompt());
    }

    /** Keys the quantity taken (the default is the allocation's). */
    @Override
    protected void onKeyQuantity(String text) {
        if (lot == null || from == null) {
            throw refuse("Scan the lot label first.");
        }
        Quantities.Keyed keyed = Quantities.parse(text, lot.item(), false);
        Quantity remaining = remaining();
        if (keyed.base().compareTo(remaining) > 0) {
            throw refuse("This line needs only " + remaining + " more — key at most that.");
        }
        quantity = keyed.base();
        quantityShown = keyed.shown();
        good("Quantity " + keyed.shown() + ". " + prompt());
    }

    /** Leaves the current line short and goes to the next one. */
    @Override
    protected void onSkipLine() {
        if (task == null) {
            throw refuse("Scan the order sheet first.");
        }
        PickTask.Line line = line();
        String left = remaining() + " of " + line.item();
        clearLot();
        startLine(lineIndex + 1, "Line skipped, " + left + " not picked — tell your supervisor.");
    }

    // ------------------------------------------------------------------ scans

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case ORDER -> {
                var ref = Resolve.reference(scan, "the order sheet");
                PickTask found = tasks.pickTask(ref)
                        .orElseThrow(() -> Refusal.missingOnDevice("Order " + ref
                                + " has no pick task on this device — sync the device, or ask your supervisor."));
                task = found;
                startLine(0, "Order " + ref + ".");
            }
            case LOT -> onLot(scan);
            case FROM -> judge(lot, resolve.location(scan));
            case DEVIATION_REASON -> {
                if (isLotScan(scan)) {
                    onLot(scan);
                } else {
                    throw refuse("Choose why you take lot " + lot.lot() + " (one tap), or scan the FEFO lot instead.");
                }
            }
            case STAGE -> {
                if (scan instanceof Scan.Product || scan instanceof Scan.Container) {
                    onLot(scan);
                } else {
                    stage(resolve.location(scan, STAGING, "picked goods go to staging"));
                }
            }
        }
    }

    private static boolean isLotScan(Scan scan) {
        return scan instanceof Scan.Product || scan instanceof Scan.Container || scan instanceof Scan.Code;
    }

    private void onLot(Scan scan) {
        if (scan instanceof Scan.Location || scan instanceof Scan.GlnLocation) {
            throw refuse("Scan the lot label first, then the location.");
        }
        Resolve.LotScan scanned = resolve.lot(scan);
        Optional<Blocked> unusable = blockedLot(scanned.ref());
        if (unusable.isPresent()) {
            // answered on this scan, wherever the lot lies: the judgement names the reason and the FEFO lot
            List<StockCandidate> anywhere = resolve.stockOf(scanned.ref());
            if (!anywhere.isEmpty()) {
                masterData.location(anywhere.get(0).location()).ifPresent(at -> judge(scanned, at));
            }
            refuseIfBlocked(scanned.ref(), "pick");
        }
        Optional<Allocation> suggestion = plan.suggestion();
        if (suggestion.isPresent() && suggestion.get().lot().equals(scanned.ref())) {
            judge(
                    scanned,
                    masterData
                            .location(suggestion.get().location())
                            .orElseThrow(() -> Refusal.missingOnDevice(
                                    "Location " + suggestion.get().location()
                                            + " is not known on this device — sync the device.")));
            return;
        }
        List<StockCandidate> rows = resolve.stockOf(scanned.ref());
        if (rows.size() == 1) {
            judge(scanned, masterData.location(rows.get(0).location()).orElseThrow());
            return;
        }
        lot = scanned;
        from = null;
        check = null;
        step = Step.FROM;
        good("Lot " + scanned.lot() + ". " + prompt());
    }

    private void judge(Resolve.LotScan scanned, LocationRow location) {
        if (scanned == null) {
            throw refuse("Scan the lot label first.");
        }
        PickTask.Line line = line();
        LotAtLocation facts = resolve.facts(scanned.ref(), location);
        ScanCheck verdict = Fefo.checkScan(orderLine(), stock.stockOf(line.item()), facts, ctx.today());
        if (verdict.outcome() == ScanOutcome.BLOCKED) {
            throw refuse(verdict.message(), new Blocked(scanned.ref(), verdict.reasons()));
        }
        Quantity remaining = remaining();
        Quantity take = remaining;
        Optional<Allocation> same = plan.allocations().stream()
                .filter(a -> a.lot().equals(scanned.ref()) && a.location().equals(location.code()))
                .findFirst();
        if (same.isPresent()) {
            take = same.get().quantity();
        } else {
            Optional<StockCandidate> there = stock.stockOfLot(scanned.ref()).stream()
                    .filter(c ->
                            c.location().equals(location.code()) && c.quantity().isPositive())
                    .findFirst();
            if (there.isPresent()) {
                take = there.get().quantity().to(remaining.uom()).min(remaining);
            }
        }
        lot = scanned;
        from = location;
        check = verdict;
        reason = null;
        note = null;
        quantity = take;
        quantityShown = take.toString();
        if (verdict.outcome() == ScanOutcome.DEVIATION) {
            step = Step.DEVIATION_REASON;
            // an error tone on purpose: the picker must look at the screen and decide
            throw refuse(verdict.message());
        }
        step = Step.STAGE;
        good("Lot " + scanned.lot() + " is right: take " + take + " from " + location.code() + "."
                + Resolve.warnings(scanned.label()) + " " + prompt());
    }

    private void stage(LocationRow to) {
        PickTask.Line line = line();
        LotCode suggested = check.suggestion().map(a -> a.lot().lot()).orElse(null);
        Pick pick = new Pick(
                task.order(),
                line.item(),
                lot.lot(),
                quantity,
                from.code(),
                to.code(),
                task.customer(),
                suggested,
                reason,
                note);
        CapturedEvent captured = ctx.capture().capture(pick);
        String done = "Picked " + quantity + " of lot " + lot.lot() + " to " + to.code() + ".";
        Quantity picked = pickedOnLine.plus(quantity);
        clearLot();
        pickedOnLine = picked;
        if (picked.compareTo(line.quantity()) >= 0) {
            startLine(lineIndex + 1, done, List.of(captured));
        } else {
            replan();
            step = Step.LOT;
            good(done + " " + prompt(), List.of(captured));
        }
    }

    // ------------------------------------------------------------------ state

    private void startLine(int index, String said) {
        startLine(index, said, List.of());
    }

    private void startLine(int index, String said, List<CapturedEvent> captured) {
        if (index >= task.lines().size()) {
            String order = task.order().value();
            reset();
            good(said + " Order " + order + " is picked. Scan the next order sheet.", captured);
            return;
        }
        lineIndex = index;
        pickedOnLine = Quantity.zero(task.lines().get(index).quantity().uom());
        replan();
        step = Step.LOT;
        if (plan.suggestion().isEmpty()) {
            // nothing to take: red, so nobody walks off thinking all is well
            attention(said + " " + prompt(), captured, null);
        } else {
            good(said + " " + prompt(), captured);
        }
    }

    private void replan() {
        plan = Fefo.allocate(orderLine(), stock.stockOf(line().item()), ctx.today());
    }

    private PickTask.Line line() {
        if (task == null) {
            throw refuse("Scan the order sheet first.");
        }
        return task.lines().get(lineIndex);
    }

    private Quantity remaining() {
        return line().quantity().minus(pickedOnLine);
    }

    private OrderLine orderLine() {
        PickTask.Line line = line();
        int itemMin = masterData
                .item(line.item())
                .map(ItemRow::minRemainingShelfLifeDays)
                .orElse(0);
        return new OrderLine(line.item(), remaining(), masterData.minRemainingShelfLifeDays(task.customer()), itemMin);
    }

    private void clearLot() {
        lot = null;
        from = null;
        check = null;
        reason = null;
        note = null;
        quantity = null;
        quantityShown = null;
    }

    @Override
    protected void reset() {
        clearLot();
        task = null;
        lineIndex = 0;
        pickedOnLine = null;
        plan = null;
        step = Step.ORDER;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case ORDER -> "Scan the order sheet.";
            case LOT ->
                plan.suggestion()
                        .map(a -> "Take " + a.quantity() + " of lot " + a.lot().lot() + " from " + a.location()
                                + ": scan the lot label.")
                        .orElse("No available stock of " + line().item()
                                + " for this line — skip the line, or call your supervisor.");
            case FROM -> "Lot " + lot.lot() + " is in several places: scan the location you take it from.";
            case DEVIATION_REASON -> "Choose why you take lot " + lot.lot() + ", or scan the FEFO lot.";
            case STAGE -> "Scan the staging location.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (task == null) {
            return f;
        }
        f.add(new Field("Order", task.order().value()));
        if (task.customer() != null) {
            f.add(new Field("Customer", task.customer().value()));
        }
        PickTask.Line line = task.lines().get(lineIndex);
        f.add(new Field(
                "Line", (lineIndex + 1) + " of " + task.lines().size() + ": " + line.item() + " " + line.quantity()));
        f.add(new Field("Picked", pickedOnLine.toString()));
        if (lot != null) {
            f.add(new Field("Lot", lot.lot().value()));
        }
        if (from != null) {
            f.add(new Field("From", from.code().value()));
        }
        if (quantityShown != null) {
            f.add(new Field("Quantity", quantityShown));
        }
        if (reason != null) {
            f.add(new Field("Reason", Words.of(reason) + (note == null ? "" : ": " + note)));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (task != null) {
            a.add(UiAction.SKIP_LINE);
        }
        if (step == Step.DEVIATION_REASON) {
            a.add(UiAction.CHOOSE);
        }
        if (step == Step.STAGE || step == Step.DEVIATION_REASON) {
            a.add(UiAction.KEY_QUANTITY);
        }
        return a;
    }

    @Override
    protected List<Choice> choices() {
        return step == Step.DEVIATION_REASON
                ? Arrays.stream(DeviationReason.values())
                        .map(r -> new Choice(r.name(), Words.of(r)))
                        .toList()
                : List.of();
    }

    @Override
    protected Optional<Allocation> fefo() {
        return plan == null ? Optional.empty() : plan.suggestion();
    }
}
