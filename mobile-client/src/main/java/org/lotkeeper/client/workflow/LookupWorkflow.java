package org.lotkeeper.client.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.UnavailableReason;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;

/**
 * "What is this?": scan anything and see what the device knows about it, from the local view
 * only — a lot (item, status, expiry, retest date, where it is, recent events), an item, a location (what is
 * there), a badge, an order, a shipment. Stores nothing.
 */
public final class LookupWorkflow extends AbstractWorkflow<LookupWorkflow.Step> {

    /** When a recent event happened, in the plant's zone, to the minute: "2026-11-18 08:00". */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The only step. */
    public enum Step implements WorkflowStep {
        SCAN
    }

    /** How many recent events are shown. */
    public static final int RECENT_EVENTS = 5;

    private List<Field> shown = List.of();

    public LookupWorkflow(WorkflowContext ctx) {
        super(ctx, Step.SCAN);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.LOOKUP;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL);
    }

    @Override
    protected void onScan(Scan scan) {
        List<Field> f = new ArrayList<>();
        String said;
        if (scan instanceof Scan.Product p && p.data().lot().isEmpty()) {
            ItemRow item = resolve.itemOf(p.data());
            said = describeItem(item, f);
        } else if (scan instanceof Scan.Product || scan instanceof Scan.Container) {
            said = describeLot(resolve.lot(scan), f);
        } else if (scan instanceof Scan.Location || scan instanceof Scan.GlnLocation) {
            said = describeLocation(resolve.location(scan), f);
        } else if (scan instanceof Scan.Code c) {
            Optional<LocationRow> location = masterData.location(c.asLocationCode());
            if (location.isPresent()) {
                said = describeLocation(location.get(), f);
            } else {
                Resolve.LotScan lot;
                try {
                    lot = resolve.lot(scan);
                } catch (Refusal r) {
                    throw Refusal.missingOnDevice(
                            c.value() + " is neither a lot nor a location known on this device — scan the GS1 "
                                    + "label, or sync the device.");
                }
                said = describeLot(lot, f);
            }
        } else if (scan instanceof Scan.Badge b) {
            var user = masterData
                    .user(b.user())
                    .orElseThrow(() -> refuse("Badge " + b.user() + " is not known on this device."));
            f.add(new Field("User", user.userId() + " " + user.name()));
            f.add(new Field("Roles", user.roles().toString()));
            said = "Badge of " + user.name() + ".";
        } else if (scan instanceof Scan.Order o) {
            var ref = Resolve.reference(scan, "an order");
            var task = tasks.pickTask(ref)
                    .orElseThrow(() -> refuse("Order " + o.order() + " has no task on this device."));
            f.add(new Field("Order", ref.value()));
            if (task.customer() != null) {
                f.add(new Field("Customer", task.customer().value()));
            }
            for (PickTask.Line line : task.lines()) {
                f.add(new Field("Line " + line.item(), line.quantity().toString()));
            }
            said = "Order " + ref + ".";
        } else if (scan instanceof Scan.Shipment s) {
            var ref = Resolve.reference(scan, "a shipment");
            var shipment = tasks.shipment(ref)
                    .orElseThrow(() -> refuse("Shipment " + s.shipment() + " is not known on this device."));
            f.add(new Field("Shipment", ref.value()));
            f.add(new Field("Customer", shipment.customer().value()));
            for (ShipmentTask.Line line : shipment.lines()) {
                f.add(new Field(
                        "Line " + line.item() + (line.lot() == null ? "" : " lot " + line.lot()),
                        line.shipped() + " of " + line.quantity() + " shipped"));
            }
            said = "Shipment " + ref + ".";
        } else {
            throw refuse("This is " + Resolve.describe(scan) + "; the device knows nothing more about it.");
        }
        shown = List.copyOf(f);
        good(said);
    }

    private String describeItem(ItemRow item, List<Field> f) {
        f.add(new Field("Item", item.code() + " " + item.name()));
        f.add(new Field("Unit", item.baseUom().symbol()));
        f.add(new Field("QC", item.qcRequired() ? "required" : "not required"));
        if (item.shelfLifeDays() != null) {
            f.add(new Field("Shelf life", item.shelfLifeDays() + " days"));
        }
        return "Item " + item.code() + " — scan a lot label to see a lot.";
    }

    private String describeLot(Resolve.LotScan scanned, List<Field> f) {
        LotRef ref = scanned.ref();
        LocalDate today = ctx.today();
        f.add(new Field("Item", scanned.item().code() + " " + scanned.item().name()));
        f.add(new Field("Lot", ref.lot().value()));
        Optional<LotRow> row = stock.lot(ref);
        if (row.isEmpty()) {
            f.add(new Field("Status", "not known on this device"));
            return "Lot " + ref.lot() + " of " + ref.item()
                    + " is not known on this device — it may not be synced yet.";
        }
        LotRow lot = row.get();
        f.add(new Field("Status", Words.of(lot.status())));
        List<UnavailableReason> reasons = new ArrayList<>();
        Blocked.reasonOf(lot.status()).ifPresent(reasons::add);
        if (lot.expiry() != null) {
            long days = ShelfLife.remainingDays(lot.expiry(), today);
            f.add(new Field("Expiry", lot.expiry() + (days < 0 ? " (expired)" : " (" + days + " days left)")));
            if (days < 0) {
                reasons.add(UnavailableReason.EXPIRED);
            }
        }
        if (lot.retestDate() != null) {
            boolean due =
                    !ShelfLife.isExpired(lot.expiry(), today) && ShelfLife.isDueForRetest(lot.retestDate(), today);
            f.add(new Field(
                    "Retest by", lot.retestDate() + (due ? " (due — QA must retest it before it is used)" : "")));
            if (due) {
                reasons.add(UnavailableReason.DUE_FOR_RETEST);
            }
        }
        if (lot.potency() != null) {
            f.add(new Field("Potency", lot.potency() + " % (latest conforming assay)"));
        }
        Blocked blocked = reasons.isEmpty() ? null : new Blocked(ref, reasons);
        if (blocked != null) {
            showBlocked(blocked);
        }
        for (StockCandidate c : stock.stockOfLot(ref)) {
            if (c.quantity().signum() != 0) {
                f.add(new Field("At " + c.location(), c.quantity().toString()));
            }
        }
        for (RecentEvent e : history.recentEvents(ref, RECENT_EVENTS)) {
            f.add(new Field(MINUTE.format(e.occurredAt().atZone(ctx.clock().getZone())), e.summary()));
        }
        return blocked == null
                ? "Lot " + ref.lot() + " of " + ref.item() + ": " + resolve.statusOf(ref, today) + "."
                : "Lot " + ref.lot() + " of " + ref.item() + " " + why(blocked)
                        + " — do not use it; set it aside and tell your supervisor.";
    }

    private String describeLocation(LocationRow location, List<Field> f) {
        f.add(new Field("Location", location.code().value()));
        f.add(new Field("Type", Words.of(location.type())));
        for (StockCandidate c : stock.stockAt(location.code())) {
            if (c.quantity().signum() != 0) {
                f.add(new Field(
                        c.lot().item() + " " + c.lot().lot(), c.quantity() + ", " + Words.inSentence(c.status())));
            }
        }
        return "Location " + location.code() + " (" + Resolve.words(location.type()) + ").";
    }

    @Override
    protected void reset() {
        shown = List.of();
    }

    /** A lookup stores nothing, so Cancel only clears what is shown (it never speaks of saving). */
    @Override
    protected void onCancel() {
        reset();
        good("Cleared. " + prompt());
    }

    @Override
    protected String prompt() {
        return "Scan any label to see what it is.";
    }

    @Override
    protected List<Field> fields() {
        return shown;
    }

    @Override
    protected Set<UiAction> actions() {
        return EnumSet.of(UiAction.CANCEL);
    }
}
