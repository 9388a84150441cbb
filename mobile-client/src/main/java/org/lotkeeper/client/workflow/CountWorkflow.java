package org.lotkeeper.client.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;

/**
 * Blind cycle count: one COUNT per lot found at a location. The screen never shows what the device
 * expects there: no stock, no quantity, no list of lots — the counter reports what is on the shelf
 * and the server computes the variance.
 *
 * <ol>
 *   <li>LOCATION: scan the location.</li>
 *   <li>LOT: scan each lot found there (scanning another location moves on to it).</li>
 *   <li>QUANTITY: key what was counted ({@link Command.KeyQuantity}; 0 is allowed, pack units too):
 *       the COUNT is stored and the next lot is asked for.</li>
 * </ol>
 *
 * A pallet label on LOT names the lots on the pallet, one after the other, for QUANTITY — still
 * blind: the count asked for is each lot's at the location, on the pallet and loose alike.
 */
public final class CountWorkflow extends AbstractWorkflow<CountWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        LOCATION,
        LOT,
        QUANTITY
    }

    private LocationRow location;
    private Resolve.LotScan lot;
    private int counted;
    /** The lots of a scanned pallet still to count after {@link #lot}. */
    private final Deque<Resolve.LotScan> palletLots = new ArrayDeque<>();

    public CountWorkflow(WorkflowContext ctx) {
        super(ctx, Step.LOCATION);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.COUNT;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL, UiAction.KEY_QUANTITY);
    }

    /** Keys what was counted of the scanned lot; stores the COUNT. */
    @Override
    protected void onKeyQuantity(String text) {
        if (step != Step.QUANTITY) {
            throw refuse(prompt());
        }
        Quantities.Keyed keyed = Quantities.parse(text, lot.item(), true);
        CapturedEvent captured =
                ctx.capture().capture(new Count(lot.item().code(), lot.lot(), location.code(), keyed.base(), null));
        String done = "Counted " + keyed.shown() + " of lot " + lot.lot() + " at " + location.code() + ".";
        counted++;
        lot = palletLots.poll();
        step = lot == null ? Step.LOT : Step.QUANTITY;
        good(done + " " + prompt(), List.of(captured));
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case LOCATION -> {
                location = resolve.location(scan);
                counted = 0;
                step = Step.LOT;
                good("Counting " + location.code() + ". " + prompt());
            }
            case LOT -> onLot(scan);
            case QUANTITY -> throw refuse("Key how many of lot " + lot.lot() + " you counted (0 for none).");
        }
    }

    private void onLot(Scan scan) {
        if (scan instanceof Scan.Location || scan instanceof Scan.GlnLocation) {
            nextLocation(resolve.location(scan));
            return;
        }
        if (scan instanceof Scan.Container c && c.data().lot().isEmpty()) {
            onPallet(c);
            return;
        }
        Resolve.LotScan scanned;
        try {
            scanned = resolve.lot(scan);
        } catch (Refusal notALot) {
            if (scan instanceof Scan.Code c
                    && masterData.location(c.asLocationCode()).isPresent()) {
                nextLocation(resolve.location(scan));
                return;
            }
            throw notALot;
        }
        lot = scanned;
        step = Step.QUANTITY;
        String said = "Lot " + scanned.lot() + " of " + scanned.item().code() + "." + Resolve.warnings(scanned.label());
        Optional<Blocked> unusable = blockedLot(scanned.ref());
        if (unusable.isPresent()) {
            // counted like any other lot, but the counter is told on this scan that it may not be used
            attention(
                    "Lot " + scanned.lot() + " " + why(unusable.get()) + " — count it as it is"
                            + (location.type().pickable()
                                    ? " and tell your supervisor it stands in " + location.code() + "."
                                    : ".")
                            + " " + said + " " + prompt(),
                    List.of(),
                    unusable.get());
        } else {
            good(said + " " + prompt());
        }
    }

    /** The pallet's lots are counted one after the other, blind. */
    private void onPallet(Scan.Container c) {
        ContainerInfo info = stock.container(c.sscc())
                .filter(p -> !p.contents().isEmpty())
                .orElseThrow(() -> refuse("Pallet " + c.sscc()
                        + " holds nothing this device knows of — scan the lot labels on it instead."));
        List<Resolve.LotScan> lots = new ArrayList<>();
        for (ContainerLine l : info.contents()) {
            ItemRow item = masterData
                    .item(l.item())
                    .orElseThrow(() -> Refusal.missingOnDevice("Item " + l.item() + " on pallet " + c.sscc()
                            + " is not known on this device — sync the device."));
            lots.add(new Resolve.LotScan(item, l.lot(), null, c.sscc(), null));
        }
        palletLots.clear();
        palletLots.addAll(lots.subList(1, lots.size()));
        lot = lots.get(0);
        step = Step.QUANTITY;
        good("Pallet " + c.sscc() + " holds " + lots.size() + " lot(s). " + prompt());
    }

    private void nextLocation(LocationRow next) {
        String was = location.code().value();
        int lots = counted;
        location = next;
        counted = 0;
        good(was + " done (" + lots + (lots == 1 ? " lot" : " lots") + "). Counting " + next.code() + ". " + prompt());
    }

    @Override
    protected void reset() {
        location = null;
        lot = null;
        palletLots.clear();
        counted = 0;
        step = Step.LOCATION;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case LOCATION -> "Scan the location to count.";
            case LOT -> "Scan a lot at " + location.code() + ", or scan the next location.";
            case QUANTITY ->
                "Key how many of lot " + lot.lot() + " you count"
                        + (lot.sscc() == null ? "." : " here, on the pallet and loose.");
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (location != null) {
            f.add(new Field("Location", location.code().value()));
            f.add(new Field("Lots counted", Integer.toString(counted)));
        }
        if (lot != null) {
            f.add(new Field("Item", lot.item().code() + " " + lot.item().name()));
            f.add(new Field("Lot", lot.lot().value()));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step == Step.QUANTITY) {
            a.add(UiAction.KEY_QUANTITY);
        }
        return a;
    }
}
