package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.LocationRow;

/**
 * Putaway and other moves: one MOVE per lot (a pallet holding several lots moves as one MOVE per
 * lot, each naming the SSCC).
 *
 * <ol>
 *   <li>LOT: scan the lot label or the pallet's SSCC label.</li>
 *   <li>FROM, only when the device does not know a single place the lot is at: scan it.</li>
 *   <li>QUANTITY, only when the device knows no stock there: key it. Otherwise the whole stock
 *       there moves (the putaway case); {@link Command.KeyQuantity} moves part of it.</li>
 *   <li>TO: scan the target location: the MOVE is stored.</li>
 * </ol>
 */
public final class MoveWorkflow extends AbstractWorkflow<MoveWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        LOT,
        FROM,
        QUANTITY,
        TO
    }

    private Resolve.LotScan lot;
    private ContainerInfo container;
    private LocationRow from;
    private Quantity quantity;
    private String quantityShown;

    public MoveWorkflow(WorkflowContext ctx) {
        super(ctx, Step.LOT);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.MOVE;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL, UiAction.KEY_QUANTITY);
    }

    /** Keys the quantity to move (part of the stock). */
    @Override
    protected void onKeyQuantity(String text) {
        if (lot == null) {
            throw refuse(
                    container != null
                            ? "A pallet moves whole — scan the target location."
                            : "Scan the lot label first.");
        }
        Quantities.Keyed keyed = Quantities.parse(text, lot.item(), false);
        quantity = keyed.base();
        quantityShown = keyed.shown();
        step = from == null ? Step.FROM : Step.TO;
        good("Quantity " + keyed.shown() + ". " + prompt());
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case LOT -> onLot(scan);
            case FROM -> {
                LocationRow location = resolve.location(scan);
                Quantity there = stockAt(location);
                from = location;
                if (quantity == null && there != null) {
                    quantity = there;
                    quantityShown = there.toString();
                }
                step = quantity == null ? Step.QUANTITY : Step.TO;
                good("From " + location.code() + ". " + prompt());
            }
            case QUANTITY -> throw refuse("Key the quantity you move.");
            case TO -> onTo(scan);
        }
    }

    private void onLot(Scan scan) {
        if (scan instanceof Scan.Container c && c.data().lot().isEmpty()) {
            ContainerInfo info = stock.container(c.sscc())
                    .orElseThrow(() -> refuse("Pallet " + c.sscc()
                            + " is not known on this device — scan the lot labels on it instead."));
            if (info.contents().isEmpty()) {
                throw refuse("Pallet " + c.sscc() + " is empty on this device — scan the lot labels on it instead.");
            }
            LocationRow at = masterData
                    .location(info.location())
                    .orElseThrow(() -> Refusal.missingOnDevice(
                            "Location " + info.location() + " is not known on this device — sync the device."));
            container = info;
            from = at;
            step = Step.TO;
            String said = "Pallet " + c.sscc() + " with " + info.contents().size() + " lot(s) at " + at.code() + ".";
            Optional<Blocked> unusable = unusableBeingMoved();
            if (unusable.isPresent()) {
                attention(
                        "Lot " + unusable.get().lot().lot() + " on it " + why(unusable.get())
                                + " — the pallet may only go to a quarantine or returns location. " + said + " "
                                + prompt(),
                        List.of(),
                        unusable.get());
            } else {
                good(said + " " + prompt());
            }
            return;
        }
        Resolve.LotScan scanned = resolve.lot(scan);
        List<StockCandidate> rows = resolve.stockOf(scanned.ref());
        lot = scanned;
        from = null;
        quantity = scanned.containerQuantity();
        quantityShown = quantity == null ? null : quantity.toString();
        if (rows.size() == 1) {
            from = masterData.location(rows.get(0).location()).orElseThrow();
            if (quantity == null) {
                quantity = rows.get(0).quantity();
                quantityShown = quantity.toString();
            }
        }
        step = from == null ? Step.FROM : quantity == null ? Step.QUANTITY : Step.TO;
        String said = "Lot " + scanned.lot() + " of " + scanned.item().code()
                + (from == null ? "" : " at " + from.code() + ", " + quantity) + "."
                + Resolve.warnings(scanned.label());
        Optional<Blocked> unusable = blockedLot(scanned.ref());
        if (unusable.isPresent()) {
            // answered on this scan: red, the reason, and the only places it may go
            attention(
                    "Lot " + scanned.lot() + " " + why(unusable.get())
                            + " — it may only go to a quarantine or returns location. " + said + " " + prompt(),
                    List.of(),
                    unusable.get());
        } else {
            good(said + " " + prompt());
        }
    }

    /** The lots being moved that may not be used, and why (the first found). */
    private Optional<Blocked> unusableBeingMoved() {
        if (container != null) {
            return container.contents().stream()
                    .map(line -> blockedLot(new LotRef(line.item(), line.lot())))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return blockedLot(lot.ref());
    }

    private Quantity stockAt(LocationRow location) {
        return stock.stockOfLot(lot.ref()).stream()
                .filter(c ->
                        c.location().equals(location.code()) && c.quantity().isPositive())
                .map(StockCandidate::quantity)
                .findFirst()
                .orElse(null);
    }

    private void onTo(Scan scan) {
        LocationRow to = resolve.location(scan);
        if (to.code().equals(from.code())) {
            throw refuse("This is " + to.code() + ", where it is now — scan the location you put it in.");
        }
        Optional<Blocked> unusable = unusableBeingMoved();
        if (unusable.isPresent() && to.type().pickable()) {
            throw refuse(
                    "Lot " + unusable.get().lot().lot() + " " + why(unusable.get()) + " — it may only go to a"
                            + " quarantine or returns location, not " + to.code() + " ("
                            + Resolve.words(to.type())
                            + "). Scan a quarantine or returns location.",
                    unusable.get());
        }
        List<EventPayload> moves = new ArrayList<>();
        String what;
        if (container != null) {
            Sscc sscc = container.sscc();
            for (ContainerLine line : container.contents()) {
                moves.add(new Move(line.item(), line.lot(), line.quantity(), from.code(), to.code(), sscc));
            }
            what = "Pallet " + sscc;
        } else {
            moves.add(new Move(lot.item().code(), lot.lot(), quantity, from.code(), to.code(), lot.sscc()));
            what = quantity + " of lot " + lot.lot();
        }
        List<CapturedEvent> captured = ctx.capture().captureAll(moves);
        String done = what + " moved from " + from.code() + " to " + to.code() + ".";
        reset();
        good(done + " " + prompt(), captured);
    }

    @Override
    protected void reset() {
        lot = null;
        container = null;
        from = null;
        quantity = null;
        quantityShown = null;
        step = Step.LOT;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case LOT -> "Scan the lot label or the pallet label.";
            case FROM -> "Scan the location you take it from.";
            case QUANTITY -> "Key the quantity you move.";
            case TO -> "Scan the location you put it in.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (container != null) {
            f.add(new Field("Pallet", container.sscc().value()));
            for (ContainerLine line : container.contents()) {
                f.add(new Field("Lot " + line.lot(), line.item() + " " + line.quantity()));
            }
        }
        if (lot != null) {
            f.add(new Field("Item", lot.item().code() + " " + lot.item().name()));
            f.add(new Field("Lot", lot.lot().value()));
        }
        if (from != null) {
            f.add(new Field("From", from.code().value()));
        }
        if (quantityShown != null) {
            f.add(new Field("Quantity", quantityShown));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (lot != null) {
            a.add(UiAction.KEY_QUANTITY);
        }
        return a;
    }
}
