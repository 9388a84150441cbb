package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Ship;
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
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;

/**
 * Loading a shipment: <b>one SHIP event per lot (and location) scanned</b>, all stored together
 * when the shipment is confirmed.
 *
 * <ol>
 *   <li>SHIPMENT: scan the delivery note ({@code S:SHP-1}); the customer comes from the shipment.</li>
 *   <li>LOTS: scan each lot label or pallet label staged for it. The lot must be available to
 *       ship (released, not expired, enough shelf life for the customer); it ships from where it
 *       is staged (a staging or shipping location) or, when it is elsewhere, from its only
 *       location, else FROM asks; all the stock there ships unless {@link Command.KeyQuantity} says
 *       otherwise.</li>
 *   <li>Scan the delivery note again (or tap {@link Command.Confirm}): every SHIP is stored.</li>
 * </ol>
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

    /** Changes the quantity of the lot scanned last. */
    @Override
    protected void onKeyQuantity(String text) {
        if (lines.isEmpty() || step != Step.LOTS) {
            throw refuse("Scan a lot label first.");
        }
        Line last = lines.get(lines.size() - 1);
        ItemRow item = masterData.item(last.item()).orElseThrow();
        Quantities.Keyed keyed = Quantities.parse(text, item, false);
        lines.set(lines.size() - 1, new Line(last.item(), last.lot(), keyed.base(), last.from(), last.sscc()));
        good("Lot " + last.lot() + ": " + keyed.shown() + ". " + prompt());
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case SHIPMENT -> {
                Reference ref = Resolve.reference(scan, "the delivery note");
                shipment = tasks.shipment(ref)
                        .orElseThrow(() -> refuse("Shipment " + ref
                                + " is not known on this device — sync the device, or ask your supervisor."));
                step = Step.LOTS;
                good("Shipment " + ref + " to " + customerName() + ". " + prompt());
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
                checkAvailable(l.lotRef(), at);
                checkNotListed(l.lotRef(), at);
                more.add(new Line(l.item(), l.lot(), l.quantity(), at, c.sscc()));
            }
            lines.addAll(more);
            good("Pallet " + c.sscc() + ": " + more.size() + " lot(s). " + prompt());
            return;
        }
        Resolve.LotScan scanned = resolve.lot(scan);
        List<StockCandidate> rows = resolve.stockOf(scanned.ref());
        List<StockCandidate> staged = rows.stream()
                .filter(r -> r.locationType() == LocationType.STAGING || r.locationType() == LocationType.SHIPPING)
                .toList();
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
        lines.add(new Line(scanned.item().code(), scanned.lot(), quantity, from, scanned.sscc()));
        pending = null;
        step = Step.LOTS;
        good("Lot " + scanned.lot() + ": " + quantity + " from " + from.code() + "." + Resolve.warnings(scanned.label())
                + " " + prompt());
    }

    private void checkAvailable(LotRef lot, LocationRow from) {
        ItemRow item = masterData
                .item(lot.item())
                .orElseThrow(() -> refuse("Item " + lot.item() + " is not known on this device — sync the device."));
        int days = ShelfLife.requiredRemainingDays(
                masterData.minRemainingShelfLifeDays(shipment.customer()), item.minRemainingShelfLifeDays());
        AvailabilityResult result = Availability.check(resolve.facts(lot, from), StockUse.SHIP, days, ctx.today());
        if (!result.isAvailable()) {
            throw refuse(result.message(), Blocked.of(lot, result).orElseThrow());
        }
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
        List<EventPayload> ships = new ArrayList<>();
        for (Line l : lines) {
            ships.add(new Ship(
                    shipment.shipment(),
                    shipment.customer(),
                    l.item(),
                    l.lot(),
                    l.quantity(),
                    l.from().code(),
                    l.sscc()));
        }
        List<CapturedEvent> captured = ctx.capture().captureAll(ships);
        String done = "Shipment " + shipment.shipment() + " to " + customerName() + " is shipped: " + lines.size()
                + (lines.size() == 1 ? " lot." : " lots.");
        reset();
        good(done + " " + prompt(), captured);
    }

    private String customerName() {
        return masterData
                .partner(shipment.customer())
                .map(p -> p.name())
                .orElse(shipment.customer().value());
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
            case SHIPMENT -> "Scan the delivery note.";
            case LOTS ->
                lines.isEmpty()
                        ? "Scan each lot you load."
                        : "Scan the next lot, or scan the delivery note again to confirm.";
            case FROM -> "Lot " + pending.lot() + " is in several places: scan the location you load it from.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (shipment != null) {
            f.add(new Field("Shipment", shipment.shipment().value()));
            f.add(new Field("Customer", customerName()));
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
            a.add(UiAction.KEY_QUANTITY);
        }
        return a;
    }
}
