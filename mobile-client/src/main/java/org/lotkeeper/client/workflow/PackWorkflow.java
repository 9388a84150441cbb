package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.LocationRow;

/**
 * Building a pallet and taking lots off one (docs/HANDHELD.md, "Pack"): PACK and UNPACK of an SSCC.
 *
 * <ol>
 *   <li>PALLET: scan the pallet's label — a blank pallet label, or one already holding goods — or
 *       choose {@link #NEW_PALLET}: the device gives it the next SSCC of its own block (shown; write
 *       it on a blank label or print it).</li>
 *   <li>LOT: scan a lot label. The pallet is where the lot is (the first lot decides; the later ones
 *       must be there too); a lot at several places asks for the place (FROM).</li>
 *   <li>QUANTITY: the label's quantity, or all the lot's stock there, is proposed: confirm it, or key
 *       another. One PACK of that lot is stored at once, so nothing confirmed is lost.</li>
 *   <li>Back to LOT for the next lot; confirm on LOT closes the pallet.</li>
 * </ol>
 *
 * On a pallet that holds goods, {@link #UNPACK} switches to taking off: a lot scanned then is taken
 * off (all of it on the pallet, or the quantity keyed) as one UNPACK; {@link #UNPACK_ALL} empties
 * the pallet in one UNPACK.
 */
public final class PackWorkflow extends AbstractWorkflow<PackWorkflow.Step> {

    /** Choice: give the pallet the device's next SSCC. */
    public static final String NEW_PALLET = "NEW_PALLET";
    /** Choice: scanned lots are taken off the pallet. */
    public static final String UNPACK = "UNPACK";
    /** Choice: take everything off the pallet. */
    public static final String UNPACK_ALL = "UNPACK_ALL";
    /** Fewer SSCCs than this left on the device: it says so (the next sync refills them). */
    static final int FEW_LEFT = 50;

    /** The steps. */
    public enum Step implements WorkflowStep {
        PALLET,
        LOT,
        FROM,
        QUANTITY
    }

    private Sscc sscc;
    /** Where the pallet is; null until its first lot says so. */
    private LocationRow at;
    /** What the pallet holds, as this device knows it (updated with every PACK and UNPACK stored here). */
    private List<ContainerLine> contents = List.of();

    private boolean unpacking;
    /** The pallet got its number here (New pallet): it has no label yet. */
    private boolean allocated;

    private Resolve.LotScan lot;
    /** What of the lot on screen lies loose where the pallet is (not on any pallet); null when the device knows no stock there. */
    private Quantity loose;

    private Quantity quantity;

    public PackWorkflow(WorkflowContext ctx) {
        super(ctx, Step.PALLET);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.PACK;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CHOOSE, UiAction.KEY_QUANTITY, UiAction.CONFIRM, UiAction.CANCEL);
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case PALLET -> onPallet(scan);
            case LOT -> onLot(scan);
            case FROM -> onFrom(lot, resolve.location(scan));
            case QUANTITY -> throw refuse("Confirm the quantity, or key another. " + prompt());
        }
    }

    @Override
    protected void onChoose(String choice, String note) {
        switch (choice) {
            case NEW_PALLET -> newPallet();
            case UNPACK -> {
                requireGoods();
                unpacking = true;
                good("Taking lots off pallet " + sscc + ". " + prompt());
            }
            case UNPACK_ALL -> unpackAll();
            default -> throw refuse("That is not a choice here. " + prompt());
        }
    }

    @Override
    protected void onKeyQuantity(String text) {
        if (step != Step.QUANTITY) {
            throw refuse((lot == null ? "Scan the lot label first. " : "") + prompt());
        }
        Quantities.Keyed keyed = Quantities.parse(text, lot.item(), false);
        if (unpacking && keyed.base().compareTo(onPallet(lot)) > 0) {
            throw refuse("The pallet holds " + onPallet(lot) + " of lot " + lot.lot() + " — key at most that.");
        }
        if (!unpacking && loose != null && keyed.base().compareTo(loose) > 0) {
            throw refuse("Only " + loose + " of lot " + lot.lot() + " at " + at.code()
                    + " is not on a pallet — key at most that, or take it off its pallet first.");
        }
        quantity = keyed.base();
        store();
    }

    @Override
    protected void onConfirm() {
        switch (step) {
            case QUANTITY -> store();
            case LOT -> close();
            default -> throw refuse(prompt());
        }
    }

    private void onPallet(Scan scan) {
        if (!(scan instanceof Scan.Container c)) {
            throw refuse("This is not a pallet label (SSCC) — scan the pallet label, or choose New pallet.");
        }
        Optional<ContainerInfo> known = stock.container(c.sscc());
        sscc = c.sscc();
        at = known.flatMap(info -> masterData.location(info.location())).orElse(null);
        contents = known.map(ContainerInfo::contents).orElse(List.of());
        step = Step.LOT;
        good(
                contents.isEmpty()
                        ? "Pallet " + sscc + " is empty. " + prompt()
                        : "Pallet " + sscc + " at " + known.orElseThrow().location() + " holds " + contents.size()
                                + " lot(s). " + prompt());
    }

    private void newPallet() {
        if (step != Step.PALLET) {
            throw refuse("Close this pallet first (confirm). " + prompt());
        }
        Sscc next = ctx.capture()
                .nextSscc()
                .orElseThrow(() -> Refusal.missingOnDevice("This device has no pallet numbers left — sync it to get"
                        + " new ones, or scan a blank pallet label."));
        sscc = next;
        at = null;
        contents = List.of();
        step = Step.LOT;
        int left = ctx.capture().ssccLeft();
        allocated = true;
        good("New pallet " + sscc + " — its label prints in the console after the next sync. " + prompt()
                + (left < FEW_LEFT
                        ? " Only " + left + " pallet number(s) left on this device — sync it soon for more."
                        : ""));
    }

    private void onLot(Scan scan) {
        if (scan instanceof Scan.Container c && c.data().lot().isEmpty()) {
            throw refuse(
                    c.sscc().equals(sscc)
                            ? "This is pallet " + sscc + " itself. " + prompt()
                            : "This is another pallet — close pallet " + sscc + " first (confirm).");
        }
        Resolve.LotScan scanned = resolve.lot(scan);
        if (!unpacking && scanned.sscc() != null && !scanned.sscc().equals(sscc)) {
            throw refuse("Lot " + scanned.lot() + " is on pallet " + scanned.sscc()
                    + " — take it off there first (Pack, Take lots off).");
        }
        if (unpacking) {
            Quantity there = onPallet(scanned);
            if (there == null) {
                throw refuse("Lot " + scanned.lot() + " is not on pallet " + sscc + ". " + prompt());
            }
            lot = scanned;
            quantity = there;
            step = Step.QUANTITY;
            good("Take " + there + " of lot " + scanned.lot() + " off pallet " + sscc + "? Confirm, or key the"
                    + " quantity you take off.");
            return;
        }
        List<StockCandidate> rows = resolve.stockOf(scanned.ref());
        if (at != null
                && !rows.isEmpty()
                && rows.stream().noneMatch(r -> r.location().equals(at.code()))) {
            throw refuse("Pallet " + sscc + " is at " + at.code() + ", lot " + scanned.lot() + " at "
                    + String.join(
                            ", ", rows.stream().map(r -> r.location().value()).toList())
                    + " — move the lot to the pallet first.");
        }
        LocationRow where = at;
        if (where == null && rows.size() == 1) {
            where = masterData.location(rows.get(0).location()).orElse(null);
        }
        if (where == null) {
            lot = scanned;
            step = Step.FROM;
            good("Lot " + scanned.lot() + ". " + prompt());
            return;
        }
        onFrom(scanned, where);
    }

    /** The place where the pallet is built (and the lot is): the lot's quantity there is proposed. */
    private void onFrom(Resolve.LotScan scanned, LocationRow where) {
        if (at != null && !at.code().equals(where.code())) {
            throw refuse("Pallet " + sscc + " is at " + at.code() + ", lot " + scanned.lot() + " at " + where.code()
                    + " — move the lot to the pallet first.");
        }
        // only what lies loose may go on: stock there already on a pallet stays on it
        Quantity there = stock.stockOfLot(scanned.ref()).stream()
                .filter(c -> c.location().equals(where.code()) && c.quantity().isPositive())
                .map(StockCandidate::quantity)
                .findFirst()
                .orElse(null);
        Quantity free = there == null
                ? null
                : stock.onPallets(scanned.ref(), where.code())
                        .map(p -> there.minus(p.to(there.uom())))
                        .orElse(there);
        if (free != null && !free.isPositive()) {
            throw refuse("All of lot " + scanned.lot() + " at " + where.code()
                    + " is on pallets already — take it off its pallet first, or move that pallet.");
        }
        Quantity proposed = scanned.label() == null ? null : Resolve.labelQuantity(scanned.label(), scanned.item());
        if (proposed == null || (free != null && proposed.compareTo(free) > 0)) {
            proposed = free;
        }
        lot = scanned;
        loose = free;
        at = where;
        quantity = proposed;
        step = Step.QUANTITY;
        good(
                proposed == null
                        ? "Lot " + scanned.lot() + " at " + where.code() + ". Key the quantity you put on the pallet."
                        : "Put " + proposed + " of lot " + scanned.lot() + " on pallet " + sscc
                                + "? Confirm, or key the" + " quantity.");
    }

    /** Stores the PACK or UNPACK of the lot on screen. */
    private void store() {
        if (quantity == null) {
            throw refuse("Key the quantity you " + (unpacking ? "take off." : "put on the pallet."));
        }
        ContainerLine line = new ContainerLine(lot.item().code(), lot.lot(), quantity);
        CapturedEvent captured = ctx.capture()
                .capture(
                        unpacking
                                ? new Unpack(sscc, at.code(), List.of(line))
                                : new Pack(sscc, at.code(), List.of(line)));
        contents = changed(contents, line, unpacking);
        loose = null;
        String done =
                quantity + " of lot " + lot.lot() + (unpacking ? " taken off" : " put on") + " pallet " + sscc + ".";
        lot = null;
        quantity = null;
        step = Step.LOT;
        good(done + " " + prompt(), List.of(captured));
    }

    private void unpackAll() {
        requireGoods();
        CapturedEvent captured = ctx.capture().capture(new Unpack(sscc, at.code(), contents));
        String done = "Pallet " + sscc + " emptied: " + contents.size() + " lot(s) taken off at " + at.code() + ".";
        reset();
        good(done + " " + prompt(), List.of(captured));
    }

    private void close() {
        if (contents.isEmpty()) {
            throw refuse("Pallet " + sscc + " holds nothing — scan a lot label, or cancel.");
        }
        String done = "Pallet " + sscc + " closed: " + contents.size() + " lot(s) at " + at.code() + "."
                + (allocated ? " Print its label in the console after the next sync (the pallet's page)." : "");
        reset();
        good(done + " " + prompt());
    }

    private void requireGoods() {
        if (step == Step.PALLET || contents.isEmpty() || at == null) {
            throw refuse(step == Step.PALLET ? "Scan the pallet label first." : "Pallet " + sscc + " holds nothing.");
        }
    }

    /** What the pallet holds of the lot, or null when nothing. */
    private Quantity onPallet(Resolve.LotScan scanned) {
        return contents.stream()
                .filter(l -> l.item().equals(scanned.item().code()) && l.lot().equals(scanned.lot()))
                .map(ContainerLine::quantity)
                .findFirst()
                .orElse(null);
    }

    /** The contents after putting {@code line} on ({@code off}: taking it off). */
    private static List<ContainerLine> changed(List<ContainerLine> contents, ContainerLine line, boolean off) {
        List<ContainerLine> out = new ArrayList<>();
        boolean merged = false;
        for (ContainerLine l : contents) {
            if (l.lotRef().equals(line.lotRef())) {
                merged = true;
                Quantity q =
                        off ? l.quantity().minus(line.quantity()) : l.quantity().plus(line.quantity());
                if (q.isPositive()) {
                    out.add(new ContainerLine(l.item(), l.lot(), q));
                }
            } else {
                out.add(l);
            }
        }
        if (!merged && !off) {
            out.add(line);
        }
        return List.copyOf(out);
    }

    @Override
    protected void reset() {
        sscc = null;
        at = null;
        contents = List.of();
        unpacking = false;
        allocated = false;
        lot = null;
        loose = null;
        quantity = null;
        step = Step.PALLET;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case PALLET -> "Scan the pallet label, or choose New pallet.";
            case LOT ->
                unpacking
                        ? "Scan the lot label of the lot you take off, or confirm when done."
                        : "Scan the lot label of the next lot, or confirm to close the pallet.";
            case FROM -> "Scan the location where the pallet is built.";
            case QUANTITY -> "Confirm the quantity, or key another.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (sscc != null) {
            f.add(new Field("Pallet", sscc.value()));
        }
        if (at != null) {
            f.add(new Field("At", at.code().value()));
        }
        for (ContainerLine line : contents) {
            f.add(new Field("Lot " + line.lot(), line.item() + " " + line.quantity()));
        }
        if (lot != null) {
            f.add(new Field(unpacking ? "Taking off" : "Putting on", lot.item().code() + " lot " + lot.lot()));
        }
        if (quantity != null) {
            f.add(new Field("Quantity", quantity.toString()));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step != Step.PALLET) {
            a.add(UiAction.CONFIRM);
        }
        if (step == Step.QUANTITY) {
            a.add(UiAction.KEY_QUANTITY);
        }
        if (!choices().isEmpty()) {
            a.add(UiAction.CHOOSE);
        }
        return a;
    }

    @Override
    protected List<Choice> choices() {
        if (step == Step.PALLET) {
            return List.of(new Choice(NEW_PALLET, "New pallet"));
        }
        if (step == Step.LOT && !contents.isEmpty() && lot == null) {
            return unpacking
                    ? List.of(new Choice(UNPACK_ALL, "Take everything off"))
                    : List.of(new Choice(UNPACK, "Take lots off"), new Choice(UNPACK_ALL, "Take everything off"));
        }
        return List.of();
    }
}
