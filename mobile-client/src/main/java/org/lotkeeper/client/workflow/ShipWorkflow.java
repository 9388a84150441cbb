package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.fefo.Allocation;
import org.lotkeeper.model.fefo.Fefo;
import org.lotkeeper.model.fefo.OrderLine;
import org.lotkeeper.model.fefo.ScanCheck;
import org.lotkeeper.model.fefo.ScanOutcome;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.TaskProgress;
import org.lotkeeper.model.wire.TaskRow;

/**
 * Loading a delivery note: <b>one SHIP event per lot (and location) scanned</b>, all stored
 * together when the shipment is confirmed.
 *
 * <ol>
 *   <li>SHIPMENT: scan the delivery note ({@code S:DN-1}); the customer, the lines and what of
 *       each is still missing come from the note (a SHIP task), and the lots picked for its order
 *       are shown where they are staged.</li>
 *   <li>LOTS: scan each lot label or pallet label. The lot's item must be on the note (a line
 *       naming a lot takes only that lot), and the lot available to ship (released, not expired,
 *       enough shelf life for the customer). It ships from where it was picked to for this note,
 *       else where it is staged (a staging or shipping location), else from its only location,
 *       else FROM asks. A lot taken from storage rather than from staging is FEFO-checked: when
 *       another available lot expires earlier, that one is asked for. The quantity is what is
 *       there, at most what the note still misses; {@link Command.KeyQuantity} changes it, never
 *       beyond what is missing.</li>
 *   <li>Scan the delivery note again (or tap {@link Command.Confirm}): every SHIP is stored. What
 *       is still missing is said; the note stays open on the server until it is complete.</li>
 * </ol>
 * A note without lines (an older server, a note typed in by hand) takes any available lot.
 *
 * <p><b>A transfer order to a sister site</b> (a TRANSFER task) is loaded the same way and stores
 * one TRANSFER_OUT per lot and location instead. It takes whole lots, in any status but rejected
 * or recalled (a lot in quarantine, on hold or expired travels as it is): the quantity is everything at the
 * location and cannot be keyed, no FEFO or shelf-life question is asked, and confirming is refused
 * while a loaded lot still lies elsewhere on the site — the lot belongs to the site where it is, so
 * part of a lot is split off first (Produce, Split) and the new lot sent.
 */
public final class ShipWorkflow extends AbstractWorkflow<ShipWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        SHIPMENT,
        LOTS,
        FROM
    }

    private record Line(ItemCode item, LotCode lot, Quantity quantity, LocationRow from, Sscc sscc) {
        LotRef ref() {
            return new LotRef(item, lot);
        }
    }

    /** Where stock stands when it was picked for shipping. */
    private static final Set<LocationType> STAGED = EnumSet.of(LocationType.STAGING, LocationType.SHIPPING);

    private ShipmentTask shipment;
    private final List<Line> lines = new ArrayList<>();
    private Resolve.LotScan pending;

    public ShipWorkflow(WorkflowContext ctx) {
        super(ctx, Step.SHIPMENT);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.SHIP;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL, UiAction.CONFIRM, UiAction.KEY_QUANTITY);
    }

    /** Stores one SHIP per scanned lot (the same as scanning the delivery note again). */
    @Override
    protected void onConfirm() {
        ship();
    }

    /** Changes the quantity of the lot scanned last, never beyond what the note still misses. */
    @Override
    protected void onKeyQuantity(String text) {
        if (lines.isEmpty() || step != Step.LOTS) {
            throw refuse("Scan a lot label first.");
        }
        if (shipment.transfer()) {
            throw refuse("A transfer takes whole lots — to send part of a lot, split it first (Produce, Split).");
        }
        Line last = lines.get(lines.size() - 1);
        ItemRow item = masterData.item(last.item()).orElseThrow();
        Quantities.Keyed keyed = Quantities.parse(text, item, false);
        List<Line> others = lines.subList(0, lines.size() - 1);
        Quantity room = room(last.ref(), others);
        if (room != null && keyed.base().compareTo(room) > 0) {
            throw refuse(
                    shipment.shipment() + " needs only " + room + " more of " + last.item() + " — key at most that.");
        }
        lines.set(lines.size() - 1, new Line(last.item(), last.lot(), keyed.base(), last.from(), last.sscc()));
        good("Lot " + last.lot() + ": " + keyed.shown() + ". " + prompt());
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case SHIPMENT -> {
                Reference ref = Resolve.reference(scan, "the delivery note");
                ShipmentTask found = tasks.shipment(ref)
                        .orElseThrow(() -> Refusal.missingOnDevice("Delivery note or transfer " + ref
                                + " is not known on this device — sync the device, or ask your supervisor."));
                if (!found.lines().isEmpty()
                        && found.lines().stream().allMatch(l -> !l.missing().isPositive())) {
                    throw refuse(noun(found) + " " + ref + " is shipped complete — scan the next delivery note.");
                }
                shipment = found;
                step = Step.LOTS;
                good(noun(found) + " " + ref + " to " + customerName() + ". " + prompt());
            }
            case LOTS -> onLots(scan);
            case FROM -> add(pending, resolve.location(scan));
        }
    }

    private void onLots(Scan scan) {
        if (scan instanceof Scan.Shipment || scan instanceof Scan.Order) {
            Reference ref = Resolve.reference(scan, "the delivery note");
            if (!ref.equals(shipment.shipment())) {
                throw refuse("This is " + ref + ", but you are loading " + shipment.shipment()
                        + " — confirm or cancel it first.");
            }
            ship();
            return;
        }
        if (scan instanceof Scan.Container c && c.data().lot().isEmpty()) {
            ContainerInfo info = stock.container(c.sscc())
                    .orElseThrow(() -> refuse("Pallet " + c.sscc()
                            + " is not known on this device — scan the lot labels on it instead."));
            LocationRow at = masterData.location(info.location()).orElseThrow();
            List<Line> more = new ArrayList<>();
            for (ContainerLine l : info.contents()) {
                checkOnNote(l.lotRef(), more);
                checkAvailable(l.lotRef(), at);
                checkNotListed(l.lotRef(), at);
                more.add(new Line(l.item(), l.lot(), l.quantity(), at, c.sscc()));
            }
            lines.addAll(more);
            good("Pallet " + c.sscc() + ": " + more.size() + " lot(s). " + prompt());
            return;
        }
        Resolve.LotScan scanned = resolve.lot(scan);
        checkOnNote(scanned.ref(), List.of());
        if (!shipment.transfer()) {
            refuseIfBlocked(scanned.ref(), "load");
        }
        Optional<ShipmentTask.Staged> picked = shipment.picked().stream()
                .filter(p -> p.item().equals(scanned.item().code()) && p.lot().equals(scanned.lot()))
                .findFirst();
        if (picked.isPresent() && masterData.location(picked.get().location()).isPresent()) {
            add(scanned, masterData.location(picked.get().location()).orElseThrow());
            return;
        }
        List<StockCandidate> rows = resolve.stockOf(scanned.ref());
        List<StockCandidate> staged =
                rows.stream().filter(r -> STAGED.contains(r.locationType())).toList();
        List<StockCandidate> choice = staged.isEmpty() ? rows : staged;
        if (choice.size() == 1) {
            add(scanned, masterData.location(choice.get(0).location()).orElseThrow());
            return;
        }
        pending = scanned;
        step = Step.FROM;
        good("Lot " + scanned.lot() + ". " + prompt());
    }

    private void add(Resolve.LotScan scanned, LocationRow from) {
        checkAvailable(scanned.ref(), from);
        checkNotListed(scanned.ref(), from);
        checkFefo(scanned.ref(), from);
        Quantity quantity = scanned.containerQuantity() != null
                ? scanned.containerQuantity()
                : stock.stockOfLot(scanned.ref()).stream()
                        .filter(c ->
                                c.location().equals(from.code()) && c.quantity().isPositive())
                        .map(StockCandidate::quantity)
                        .findFirst()
                        .orElse(null);
        if (quantity == null && scanned.label() != null) {
            quantity = Resolve.labelQuantity(scanned.label(), scanned.item());
        }
        if (quantity == null) {
            throw refuse("No stock of lot " + scanned.lot() + " is known at " + from.code()
                    + " on this device — scan the location it is staged at.");
        }
        Quantity room = room(scanned.ref(), lines);
        if (room != null && quantity.compareTo(room) > 0 && !shipment.transfer()) {
            quantity = room;
        }
        lines.add(new Line(scanned.item().code(), scanned.lot(), quantity, from, scanned.sscc()));
        pending = null;
        step = Step.LOTS;
        good("Lot " + scanned.lot() + ": " + quantity + " from " + from.code() + "." + Resolve.warnings(scanned.label())
                + " " + prompt());
    }

    private void checkAvailable(LotRef lot, LocationRow from) {
        if (shipment.transfer()) {
            // a lot in quarantine, on hold or past its date travels as it is; one QA finished with does not
            Optional<Blocked> done =
                    blockedBy(lot, r -> r == UnavailableReason.RECALLED || r == UnavailableReason.REJECTED);
            if (done.isPresent()) {
                throw refuse(
                        "Lot " + lot.lot() + " " + why(done.get()) + " — it may not go to a sister site; set it aside.",
                        done.get());
            }
            return;
        }
        ItemRow item = masterData
                .item(lot.item())
                .orElseThrow(() -> Refusal.missingOnDevice(
                        "Item " + lot.item() + " is not known on this device — sync the device."));
        int days = ShelfLife.requiredRemainingDays(
                masterData.minRemainingShelfLifeDays(shipment.customer()), item.minRemainingShelfLifeDays());
        AvailabilityResult result = Availability.check(resolve.facts(lot, from), StockUse.SHIP, days, ctx.today());
        if (!result.isAvailable()) {
            throw refuse(result.message(), Blocked.of(lot, result).orElseThrow());
        }
    }

    /** The lot's item is on the note, and a line that still misses something takes this lot. */
    private void checkOnNote(LotRef lot, List<Line> alsoLoading) {
        if (shipment.lines().isEmpty()) {
            return;
        }
        List<ShipmentTask.Line> ofItem = shipment.lines().stream()
                .filter(l -> l.item().equals(lot.item()))
                .toList();
        if (ofItem.isEmpty()) {
            throw refuse(lot.item() + " is not on delivery note " + shipment.shipment() + " — set lot " + lot.lot()
                    + " aside and scan what the note asks for.");
        }
        List<Line> loading = new ArrayList<>(lines);
        loading.addAll(alsoLoading);
        Quantity room = room(lot, loading);
        if (room == null || !room.isPositive()) {
            List<LotCode> named = ofItem.stream()
                    .map(ShipmentTask.Line::lot)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            throw refuse(
                    named.isEmpty() || ofItem.stream().anyMatch(l -> l.lot() == null)
                            ? shipment.shipment() + " needs no more " + lot.item() + " — set lot " + lot.lot()
                                    + " aside."
                            : shipment.shipment() + " asks for lot " + named.get(0) + " of " + lot.item() + ", not "
                                    + lot.lot() + " — set it aside and scan lot " + named.get(0) + ".");
        }
    }

    /**
     * How much more of this lot the note takes, after what is shipped and what this screen loads;
     * null for a note without lines (no limit).
     */
    private Quantity room(LotRef lot, List<Line> loading) {
        if (shipment.lines().isEmpty()) {
            return null;
        }
        List<TaskRow.Line> asked = progress(loading);
        Quantity room = null;
        for (TaskRow.Line l : asked) {
            if (l.item().equals(lot.item()) && (l.lot() == null || l.lot().equals(lot.lot()))) {
                Quantity left = l.quantity().minus(l.done());
                if (left.isPositive()) {
                    room = room == null ? left : room.plus(left);
                }
            }
        }
        return room == null ? Quantity.zero(asked.get(0).quantity().uom()) : room;
    }

    /** The note's lines with what is shipped and what is being loaded counted as done. */
    private List<TaskRow.Line> progress(List<Line> loading) {
        List<TaskRow.Line> asked = shipment.lines().stream()
                .map(l -> new TaskRow.Line(l.item(), l.lot(), null, l.quantity(), null, l.shipped(), null))
                .toList();
        List<TaskProgress.Held> held = loading.stream()
                .map(l -> new TaskProgress.Held(l.item(), l.lot(), base(l.item(), l.quantity())))
                .toList();
        return TaskProgress.shipped(asked, held);
    }

    private Quantity base(ItemCode item, Quantity q) {
        return masterData.item(item).map(i -> i.units().toBase(q)).orElse(q);
    }

    /**
     * A lot taken from storage instead of what was staged for the note must be the one FEFO
     * offers: when another available lot expires earlier, that one is asked for. A lot the note
     * names is taken as asked.
     */
    private void checkFefo(LotRef lot, LocationRow from) {
        if (shipment.transfer()
                || STAGED.contains(from.type())
                || shipment.lines().stream()
                        .anyMatch(l -> l.item().equals(lot.item()) && lot.lot().equals(l.lot()))) {
            return;
        }
        ItemRow item = masterData.item(lot.item()).orElseThrow();
        Quantity need = room(lot, lines);
        OrderLine line = new OrderLine(
                lot.item(),
                need == null || !need.isPositive() ? Quantity.of("1", item.baseUom()) : need,
                masterData.minRemainingShelfLifeDays(shipment.customer()),
                item.minRemainingShelfLifeDays());
        List<StockCandidate> candidates = stock.stockOf(lot.item()).stream()
                .filter(c -> !STAGED.contains(c.locationType()))
                .map(this::leftAfterLoading)
                .filter(c -> c.quantity().isPositive())
                .toList();
        ScanCheck verdict = Fefo.checkScan(line, candidates, resolve.facts(lot, from), ctx.today());
        if (verdict.outcome() == ScanOutcome.DEVIATION) {
            Allocation first = verdict.suggestion().orElseThrow();
            throw refuse("Lot " + first.lot().lot() + " at " + first.location()
                    + " expires earlier: ship it first — scan lot "
                    + first.lot().lot() + " instead of " + lot.lot() + ".");
        }
    }

    /** What is left of this stock once what this screen already loads from it is taken. */
    private StockCandidate leftAfterLoading(StockCandidate c) {
        Quantity left = c.quantity();
        for (Line l : lines) {
            if (l.ref().equals(c.lot()) && l.from().code().equals(c.location())) {
                left = left.minus(base(l.item(), l.quantity()));
            }
        }
        return c.withQuantity(left);
    }

    private void checkNotListed(LotRef lot, LocationRow from) {
        if (lines.stream().anyMatch(l -> l.ref().equals(lot) && l.from().code().equals(from.code()))) {
            throw refuse("Lot " + lot.lot() + " is already on this shipment — scan the next lot, or confirm.");
        }
    }

    private void ship() {
        if (lines.isEmpty()) {
            throw refuse("Nothing is loaded yet — scan the lot labels first.");
        }
        if (shipment.transfer()) {
            checkWholeLots();
        }
        List<EventPayload> ships = new ArrayList<>();
        for (Line l : lines) {
            ships.add(
                    shipment.transfer()
                            ? new TransferOut(
                                    shipment.shipment(),
                                    shipment.toSite(),
                                    l.item(),
                                    l.lot(),
                                    l.quantity(),
                                    l.from().code(),
                                    l.sscc())
                            : new Ship(
                                    shipment.shipment(),
                                    shipment.customer(),
                                    l.item(),
                                    l.lot(),
                                    l.quantity(),
                                    l.from().code(),
                                    l.sscc()));
        }
        List<CapturedEvent> captured = ctx.capture().captureAll(ships);
        String missing = missing(progress(lines));
        String done = noun(shipment) + " " + shipment.shipment() + " to " + customerName() + ": " + lines.size()
                + (lines.size() == 1 ? " lot" : " lots") + (shipment.transfer() ? " sent" : " shipped")
                + (missing.isEmpty()
                        ? (shipment.lines().isEmpty() ? "." : ", the note is complete.")
                        : "; still missing " + missing + " — the note stays open.");
        reset();
        good(done + " " + prompt(), captured);
    }

    /**
     * A transfer sends whole lots: everything loaded must be all the site holds of each lot, else the
     * rest would stay behind at a site the lot no longer belongs to.
     */
    private void checkWholeLots() {
        for (Line l : lines) {
            for (StockCandidate at : stock.stockOfLot(l.ref())) {
                Quantity left = at.quantity();
                for (Line loaded : lines) {
                    if (loaded.ref().equals(l.ref()) && loaded.from().code().equals(at.location())) {
                        left = left.minus(base(loaded.item(), loaded.quantity()));
                    }
                }
                if (left.isPositive()) {
                    throw refuse("Lot " + l.lot() + " also lies at " + at.location() + " (" + left
                            + "): a transfer takes the whole lot — load that too, or split the lot first (Produce, "
                            + "Split) and send the new lot.");
                }
            }
        }
    }

    private static String noun(ShipmentTask task) {
        return task.transfer() ? "Transfer" : "Delivery note";
    }

    /** Who receives it: the customer's name, or the sister site's code. */
    private String customerName() {
        if (shipment.transfer()) {
            return "site " + shipment.toSite();
        }
        return masterData
                .partner(shipment.customer())
                .map(p -> p.name())
                .orElse(shipment.customer().value());
    }

    /** "8 pc FG-PRIMER, 2 pc FG-TOPCOAT lot TC-1"; empty when nothing is missing. */
    private static String missing(List<TaskRow.Line> lines) {
        List<String> out = new ArrayList<>();
        for (TaskRow.Line l : lines) {
            Quantity left = l.quantity().minus(l.done());
            if (left.isPositive()) {
                out.add(left + " " + l.item() + (l.lot() == null ? "" : " lot " + l.lot()));
            }
        }
        return String.join(", ", out);
    }

    @Override
    protected void reset() {
        shipment = null;
        lines.clear();
        pending = null;
        step = Step.SHIPMENT;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case SHIPMENT -> "Scan the delivery note or transfer order.";
            case LOTS ->
                lines.isEmpty()
                        ? "Scan each lot you load."
                        : "Scan the next lot, or scan the " + (shipment.transfer() ? "transfer order" : "delivery note")
                                + " again to confirm.";
            case FROM -> "Lot " + pending.lot() + " is in several places: scan the location you load it from.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (shipment != null) {
            f.add(new Field(noun(shipment), shipment.shipment().value()));
            f.add(new Field(shipment.transfer() ? "To" : "Customer", customerName()));
            if (shipment.shipTo() != null) {
                f.add(new Field("Ship to", shipment.shipTo()));
            }
            for (TaskRow.Line l : progress(lines)) {
                Quantity left = l.quantity().minus(l.done());
                f.add(new Field(
                        l.item() + (l.lot() == null ? "" : " lot " + l.lot()),
                        l.done() + " of " + l.quantity()
                                + (left.isPositive() ? ", " + left + " to go" : ", complete")));
            }
            for (ShipmentTask.Staged p : shipment.picked()) {
                f.add(new Field("Picked " + p.lot(), p.item() + " " + p.quantity() + " at " + p.location()));
            }
        }
        for (Line l : lines) {
            f.add(new Field(
                    "Lot " + l.lot(),
                    l.item() + " " + l.quantity() + " from " + l.from().code()
                            + (l.sscc() == null ? "" : " on " + l.sscc())));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (!lines.isEmpty() && step == Step.LOTS) {
            a.add(UiAction.CONFIRM);
            if (!shipment.transfer()) {
                a.add(UiAction.KEY_QUANTITY);
            }
        }
        return a;
    }
}
