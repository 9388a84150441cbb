package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.EventPayload;
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
 *
 * <p>A pallet label (SSCC) on LOT picks the whole pallet: every lot on it must be of the line's item
 * and pass the same FEFO judgement (a blocked lot refuses the pallet, naming the lot; a lot FEFO
 * would not take first asks for one reason for the pallet), and the pallet must not hold more than
 * the line still needs. STAGE then stores one PICK per lot, each naming the SSCC: the pallet goes
 * to staging as a pallet and ships with one scan.
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
    /** A pallet picked whole, with the FEFO judgement of each of its lines (in order); null when a lot is picked. */
    private ContainerInfo pallet;

    private List<ScanCheck> palletChecks;

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
        DeviationReason chosen = Resolve.choice(DeviationReason.class, choice, "Choose why you take " + taken() + ".");
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

    /** "lot R-2401" or "pallet 0…": what is being taken, for the sentences. */
    private String taken() {
        return pallet != null ? "pallet " + pallet.sscc() : "lot " + lot.lot();
    }

    /** Keys the quantity taken (the default is the allocation's). */
    @Override
    protected void onKeyQuantity(String text) {
        if (pallet != null) {
            throw refuse("A pallet is picked whole — scan the staging location, or scan its lot labels instead.");
        }
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
                    throw refuse("Choose why you take " + taken() + " (one tap), or scan the FEFO lot instead.");
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
        if (scan instanceof Scan.Container c && c.data().lot().isEmpty()) {
            onPallet(c);
            return;
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

    private void onPallet(Scan.Container c) {
        ContainerInfo info = stock.container(c.sscc())
                .filter(p -> !p.contents().isEmpty())
                .orElseThrow(() -> refuse("Pallet " + c.sscc()
                        + " holds nothing this device knows of — scan the lot labels on it instead."));
        PickTask.Line line = line();
        Quantity total = Quantity.zero(remaining().uom());
        for (ContainerLine l : info.contents()) {
            if (!l.item().equals(line.item())) {
                throw refuse("Pallet " + c.sscc() + " also holds " + l.item() + ", which this line (" + line.item()
                        + ") does not take — pick its lots by their labels.");
            }
            total = total.plus(l.quantity().to(total.uom()));
        }
        if (total.compareTo(remaining()) > 0) {
            throw refuse("Pallet " + c.sscc() + " holds " + total + " of " + line.item() + "; this line needs only "
                    + remaining() + " more — take lots off it (Pack), or pick by the lot labels.");
        }
        LocationRow at = masterData
                .location(info.location())
                .orElseThrow(() -> Refusal.missingOnDevice(
                        "Location " + info.location() + " is not known on this device — sync the device."));
        List<ScanCheck> checks = new ArrayList<>();
        List<String> notFirst = new ArrayList<>();
        for (ContainerLine l : info.contents()) {
            ScanCheck verdict =
                    Fefo.checkScan(orderLine(), stock.stockOf(line.item()), resolve.facts(l.lotRef(), at), ctx.today());
            if (verdict.outcome() == ScanOutcome.BLOCKED) {
                throw refuse(
                        "Lot " + l.lot() + " on pallet " + c.sscc() + ": " + verdict.message(),
                        new Blocked(l.lotRef(), verdict.reasons()));
            }
            if (verdict.outcome() == ScanOutcome.DEVIATION) {
                notFirst.add(l.lot().value());
            }
            checks.add(verdict);
        }
        clearLot();
        pallet = info;
        palletChecks = checks;
        from = at;
        quantity = total;
        quantityShown = total.toString();
        if (!notFirst.isEmpty()) {
            step = Step.DEVIATION_REASON;
            throw refuse("Pallet " + c.sscc() + " holds lot " + String.join(", ", notFirst)
                    + ", which FEFO would not take first. " + prompt());
        }
        step = Step.STAGE;
        good("Pallet " + c.sscc() + ": " + info.contents().size() + " lot(s), " + total + " from " + at.code() + ". "
                + prompt());
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
        if (pallet != null) {
            stagePallet(to);
            return;
        }
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
                note,
                null);
        CapturedEvent captured = ctx.capture().capture(pick);
        picked("Picked " + quantity + " of lot " + lot.lot() + " to " + to.code() + ".", List.of(captured));
    }

    /** One PICK per lot on the pallet, each naming it, stored together. */
    private void stagePallet(LocationRow to) {
        List<EventPayload> picks = new ArrayList<>();
        for (int i = 0; i < pallet.contents().size(); i++) {
            ContainerLine l = pallet.contents().get(i);
            ScanCheck verdict = palletChecks.get(i);
            boolean deviates = verdict.outcome() == ScanOutcome.DEVIATION;
            picks.add(new Pick(
                    task.order(),
                    l.item(),
                    l.lot(),
                    l.quantity(),
                    from.code(),
                    to.code(),
                    task.customer(),
                    verdict.suggestion().map(a -> a.lot().lot()).orElse(null),
                    deviates ? reason : null,
                    deviates ? note : null,
                    pallet.sscc()));
        }
        List<CapturedEvent> captured = ctx.capture().captureAll(picks);
        picked("Picked pallet " + pallet.sscc() + " (" + quantity + ") to " + to.code() + ".", captured);
    }

    private void picked(String done, List<CapturedEvent> captured) {
        PickTask.Line line = line();
        Quantity picked = pickedOnLine.plus(quantity);
        clearLot();
        pickedOnLine = picked;
        if (picked.compareTo(line.quantity()) >= 0) {
            startLine(lineIndex + 1, done, captured);
        } else {
            replan();
            step = Step.LOT;
            good(done + " " + prompt(), captured);
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
        pallet = null;
        palletChecks = null;
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
            case DEVIATION_REASON -> "Choose why you take " + taken() + ", or scan the FEFO lot.";
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
        if (pallet != null) {
            f.add(new Field("Pallet", pallet.sscc().value()));
            for (ContainerLine l : pallet.contents()) {
                f.add(new Field("Lot " + l.lot(), l.quantity().toString()));
            }
        }
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
