package org.lotkeeper.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.store.StoreView;
import org.lotkeeper.client.workflow.ContainerInfo;
import org.lotkeeper.client.workflow.DeviceData;
import org.lotkeeper.client.workflow.ExpectedReceipt;
import org.lotkeeper.client.workflow.InboundTransfer;
import org.lotkeeper.client.workflow.PickTask;
import org.lotkeeper.client.workflow.RecentEvent;
import org.lotkeeper.client.workflow.ReturnAuthorisation;
import org.lotkeeper.client.workflow.ShipmentTask;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.DeviceTag;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ContainerRow;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.SiteRow;
import org.lotkeeper.model.wire.TaskKind;
import org.lotkeeper.model.wire.TaskProgress;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.model.wire.UserRow;

/**
 * The workflows' read port on the SQLite store: reference data and the local view (server figures
 * plus this device's unsent events) as the store keeps them.
 *
 * <p>What the pulled data does not carry, and what this adapter answers instead:
 * <ul>
 *   <li>{@link #pickTask}: from pulled tasks of kind {@code PICK} whose id is the order; their
 *       lines give item and quantity, the task's partner the customer (whose minimum remaining
 *       shelf life then applies on the device too).</li>
 *   <li>{@link #expectedReceipt}: from pulled tasks of kind {@code RECEIPT} (a PO or ASN): the
 *       supplier is the task's partner, the items its lines'.</li>
 *   <li>{@link #shipment}: from pulled tasks of kind {@code SHIP} (the delivery note): its
 *       customer, ship-to, lines with what the ledger holds against each, plus this device's SHIP
 *       events for it that the server's figures may not include yet; the lots picked for its
 *       order where they are staged.</li>
 *   <li>{@link #returnAuthorisation}: from pulled tasks of kind {@code RETURN} (the RMA), the same
 *       way with RETURN events.</li>
 *   <li>{@link #shipment} also answers a transfer order this site sends (a {@code TRANSFER} task
 *       without stock in transit), with its TRANSFER_OUT events; {@link #inboundTransfer} one a
 *       sister site sent here (with {@code inTransit} rows), less this device's unsent
 *       TRANSFER_INs.</li>
 *   <li>{@link #container}: the pulled containers with this device's unsent PACK, UNPACK, MOVE
 *       and SHIP applied; a pallet is where most of its lines are.</li>
 *   <li>{@link #siteGln}: the site row of the last pull; before the first pull, or for a site
 *       without a GLN, empty: a GS1 location label (AI 414 + 254) is then accepted by its
 *       extension alone.</li>
 *   <li>{@link #recentEvents}: this device's own events from the local outbox (newest
 *       {@value #RECENT_SCAN} only); the ledger's history of the lot is not pulled.</li>
 *   <li>{@link #deviceTag}: the tag the server gave at enrollment; a device enrolled without one
 *       throws {@link IllegalStateException} and a PATTERN item's receipt is refused with that
 *       message rather than inventing a tag that could collide.</li>
 * </ul>
 */
public final class SqliteDeviceData implements DeviceData {

    /** How many of the newest outbox rows {@link #recentEvents} looks through. */
    static final int RECENT_SCAN = 500;

    private final SqliteStore store;
    private final StoreView view;

    public SqliteDeviceData(SqliteStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.view = store.view();
    }

    @Override
    public Optional<ItemRow> item(ItemCode code) {
        return view.item(code);
    }

    @Override
    public Optional<ItemRow> itemByGtin(Gtin gtin) {
        return view.itemByGtin(gtin);
    }

    @Override
    public Optional<LocationRow> location(LocationCode code) {
        return view.location(code);
    }

    @Override
    public Optional<Gln> siteGln() {
        return store.settings().siteRow().map(SiteRow::gln);
    }

    @Override
    public Optional<PartnerRow> partner(PartnerCode code) {
        return view.partner(code);
    }

    @Override
    public List<PartnerRow> partners() {
        return view.partners();
    }

    @Override
    public Optional<LotRow> lot(LotRef lot) {
        return view.lot(lot);
    }

    @Override
    public List<LotRow> lotsByCode(LotCode code) {
        return view.lotsByCode(code);
    }

    @Override
    public List<StockCandidate> stockOf(ItemCode item) {
        return view.stockCandidates(item);
    }

    @Override
    public List<StockCandidate> stockOfLot(LotRef lot) {
        return view.stockCandidates(lot.item()).stream()
                .filter(c -> c.lot().equals(lot))
                .toList();
    }

    @Override
    public List<StockCandidate> stockAt(LocationCode location) {
        return view.stockCandidatesAt(location);
    }

    @Override
    public Optional<ContainerInfo> container(Sscc sscc) {
        List<ContainerRow> rows = view.container(sscc);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        // a pallet is in one place; should its rows name several (a move not yet synced half-seen), the one holding
        // most lines
        LocationCode at = rows.stream()
                .collect(Collectors.groupingBy(ContainerRow::location, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        return Optional.of(new ContainerInfo(
                sscc,
                at,
                rows.stream()
                        .filter(r -> r.location().equals(at))
                        .map(r -> new ContainerLine(r.item(), r.lot(), r.quantity()))
                        .toList()));
    }

    @Override
    public Optional<Quantity> onPallets(LotRef lot, LocationCode location) {
        return view.onPallets(lot, location);
    }

    @Override
    public Optional<UserRow> user(UserId user) {
        return view.user(user);
    }

    @Override
    public Optional<UserRow> userByBadge(String badge) {
        return badge == null ? Optional.empty() : view.userByBadge(badge);
    }

    @Override
    public Optional<PickTask> pickTask(Reference order) {
        return view.task(order)
                .filter(t -> "PICK".equals(t.kind().toUpperCase(Locale.ROOT)))
                .flatMap(SqliteDeviceData::pickTask);
    }

    private static Optional<PickTask> pickTask(TaskRow task) {
        List<PickTask.Line> lines = new ArrayList<>();
        for (TaskRow.Line line : task.lines()) {
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                continue;
            }
            lines.add(new PickTask.Line(line.item(), line.quantity()));
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(new PickTask(task.id(), task.partner(), lines));
    }

    @Override
    public List<ExpectedReceipt> expectedReceipts() {
        return view.tasks().stream()
                .map(t -> expectedReceipt(Optional.of(t)))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<ExpectedReceipt> expectedReceipt(Reference reference) {
        return expectedReceipt(view.task(reference));
    }

    private static Optional<ExpectedReceipt> expectedReceipt(Optional<TaskRow> task) {
        return task.filter(t -> "RECEIPT".equals(t.kind().toUpperCase(Locale.ROOT)) && t.partner() != null)
                .map(t -> new ExpectedReceipt(
                        t.id(),
                        t.partner(),
                        t.lines().stream().map(TaskRow.Line::item).distinct().toList(),
                        t.lines().stream()
                                .filter(l -> l.lot() != null)
                                .map(l -> new ExpectedReceipt.Lot(l.item(), l.lot(), l.quantity(), l.done()))
                                .toList(),
                        t.partnerLocation() == null ? null : t.partnerLocation().describe()));
    }

    @Override
    public Optional<ShipmentTask> shipment(Reference shipment) {
        return view.task(shipment)
                .filter(t -> (t.knownKind().orElse(null) == TaskKind.SHIP && t.partner() != null)
                        || (t.knownKind().orElse(null) == TaskKind.TRANSFER
                                && t.toSite() != null
                                && t.inTransit().isEmpty()))
                .map(t -> {
                    boolean transfer = t.knownKind().orElse(null) == TaskKind.TRANSFER;
                    List<TaskProgress.Held> local = new ArrayList<>();
                    // this device's events for it that the server's figures may not include yet (one type's)
                    if (transfer) {
                        for (Event e : view.unsettled(EventType.TRANSFER_OUT)) {
                            TransferOut s = (TransferOut) e.payload();
                            if (s.transfer().equals(t.id())) {
                                local.add(new TaskProgress.Held(s.item(), s.lot(), base(s.item(), s.quantity())));
                            }
                        }
                    } else {
                        for (Event e : view.unsettled(EventType.SHIP)) {
                            Ship s = (Ship) e.payload();
                            if (s.shipment().equals(t.id()) && s.customer().equals(t.partner())) {
                                local.add(new TaskProgress.Held(s.item(), s.lot(), base(s.item(), s.quantity())));
                            }
                        }
                    }
                    List<ShipmentTask.Line> lines = TaskProgress.shipped(t.lines(), local).stream()
                            .filter(l -> l.quantity() != null)
                            .map(l -> new ShipmentTask.Line(
                                    l.item(),
                                    l.lot(),
                                    l.quantity(),
                                    l.done() == null
                                            ? Quantity.zero(l.quantity().uom())
                                            : l.done()))
                            .toList();
                    List<ShipmentTask.Staged> picked = new ArrayList<>();
                    for (TaskRow.Line p : t.picked()) {
                        Quantity left = p.quantity();
                        for (TaskProgress.Held h : local) {
                            if (h.item().equals(p.item()) && h.lot().equals(p.lot())) {
                                left = left.minus(h.quantity());
                            }
                        }
                        if (left.isPositive() && p.lot() != null && p.location() != null) {
                            picked.add(new ShipmentTask.Staged(p.item(), p.lot(), p.location(), left));
                        }
                    }
                    return new ShipmentTask(
                            t.id(),
                            transfer ? null : t.partner(),
                            shipTo(t),
                            lines,
                            picked,
                            transfer ? t.toSite() : null);
                });
    }

    /** A delivery note's ship-to as the loader reads it: the customer's location the note names, then its free text. */
    private static String shipTo(TaskRow t) {
        if (t.partnerLocation() == null) {
            return t.shipTo();
        }
        return t.partnerLocation().describe() + (t.shipTo() == null ? "" : " — " + t.shipTo());
    }

    /** What of a transfer order is still on its way here: the pulled rows less this device's unsent TRANSFER_INs. */
    @Override
    public Optional<InboundTransfer> inboundTransfer(Reference transfer) {
        return view.task(transfer)
                .filter(t -> t.knownKind().orElse(null) == TaskKind.TRANSFER
                        && t.fromSite() != null
                        && !t.inTransit().isEmpty())
                .map(t -> {
                    List<TransferIn> arrived = new ArrayList<>();
                    for (Event e : view.unsettled(EventType.TRANSFER_IN)) {
                        TransferIn in = (TransferIn) e.payload();
                        if (in.transfer().equals(t.id())) {
                            arrived.add(in);
                        }
                    }
                    List<InboundTransfer.Line> lines = new ArrayList<>();
                    for (TaskRow.Transit r : t.inTransit()) {
                        Quantity left = r.quantity();
                        for (TransferIn in : arrived) {
                            if (in.item().equals(r.item())
                                    && in.lot().equals(r.lot())
                                    && Objects.equals(in.sscc(), r.sscc())) {
                                left = left.minus(base(in.item(), in.quantity()));
                            }
                        }
                        if (left.isPositive()) {
                            lines.add(new InboundTransfer.Line(r.item(), r.lot(), r.sscc(), left));
                        }
                    }
                    return new InboundTransfer(t.id(), t.fromSite(), lines);
                });
    }

    @Override
    public Optional<ReturnAuthorisation> returnAuthorisation(Reference rma) {
        return view.task(rma)
                .filter(t -> t.knownKind().orElse(null) == TaskKind.RETURN && t.partner() != null)
                .map(t -> {
                    List<TaskProgress.Held> local = new ArrayList<>();
                    for (Event e : view.unsettled(EventType.RETURN)) {
                        Return r = (Return) e.payload();
                        if (r.reference().equals(t.id()) && r.customer().equals(t.partner())) {
                            local.add(new TaskProgress.Held(r.item(), r.lot(), base(r.item(), r.quantity())));
                        }
                    }
                    List<ReturnAuthorisation.Line> lines = TaskProgress.returned(t.lines(), local).stream()
                            .filter(l -> l.lot() != null && l.quantity() != null)
                            .map(l -> new ReturnAuthorisation.Line(
                                    l.item(),
                                    l.lot(),
                                    l.quantity(),
                                    l.done() == null
                                            ? Quantity.zero(l.quantity().uom())
                                            : l.done(),
                                    l.reason()))
                            .toList();
                    return new ReturnAuthorisation(t.id(), t.partner(), lines);
                });
    }

    /** A quantity in its item's base unit, as task lines keep them (as it is, for an item the device does not know). */
    private Quantity base(ItemCode item, Quantity q) {
        return view.item(item).map(i -> i.units().toBase(q)).orElse(q);
    }

    @Override
    public List<RecentEvent> recentEvents(LotRef lot, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<RecentEvent> out = new ArrayList<>();
        for (OutboxEntry entry : store.outbox().latest(RECENT_SCAN)) {
            Event e = entry.event();
            if (e.lots().contains(lot)) {
                out.add(new RecentEvent(e.type(), e.occurredAt(), summary(e, entry)));
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** One line for the lookup screen, e.g. "Moved 1000 kg RCV-DOCK-1 → WH-A-01 (ben, pending)". */
    static String summary(Event e, OutboxEntry entry) {
        return e.payload().accept(SUMMARY) + " (" + e.userId().value() + ", "
                + entry.state().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** What each event type did, in a few words. */
    private static final EventPayload.Cases<String> SUMMARY = new EventPayload.Cases<>() {
        @Override
        public String receive(Receive r) {
            return "Received " + r.quantity() + " from " + r.supplier().value() + " at "
                    + r.location().value();
        }

        @Override
        public String move(Move m) {
            return "Moved " + m.quantity() + " " + m.from().value() + " → " + m.to().value();
        }

        @Override
        public String pick(Pick k) {
            return "Picked " + k.quantity() + " for " + k.order().value() + " "
                    + k.from().value() + " → " + k.to().value();
        }

        @Override
        public String count(Count c) {
            return "Counted at " + c.location().value();
        }

        @Override
        public String ship(Ship s) {
            return "Shipped " + s.quantity() + " to " + s.customer().value() + " on "
                    + s.shipment().value();
        }

        @Override
        public String transform(Transform t) {
            return Words.of(t.kind()) + " batch " + t.batch().value();
        }

        @Override
        public String status(StatusChange c) {
            return "Set " + Words.inSentence(c.status());
        }

        @Override
        public String returned(Return r) {
            return "Returned " + r.quantity() + " from " + r.customer().value() + " into " + r.to().value();
        }

        @Override
        public String adjust(Adjust a) {
            return "Adjusted " + a.delta() + " at " + a.location().value();
        }

        @Override
        public String pack(Pack p) {
            return "Packed " + p.contents().size() + (p.contents().size() == 1 ? " lot" : " lots") + " onto "
                    + p.sscc().value() + " at " + p.location().value();
        }

        @Override
        public String unpack(Unpack u) {
            return "Unpacked " + u.contents().size() + (u.contents().size() == 1 ? " lot" : " lots") + " off "
                    + u.sscc().value() + " at " + u.location().value();
        }

        @Override
        public String inspect(Inspect i) {
            return "Test results of " + i.lot().value(); // recorded by QA on the server; never captured here
        }

        @Override
        public String transferOut(TransferOut t) {
            return "Sent " + t.quantity() + " to site " + t.toSite().value() + " on "
                    + t.transfer().value();
        }

        @Override
        public String transferIn(TransferIn t) {
            return "Received " + t.quantity() + " from site " + t.fromSite().value() + " on "
                    + t.transfer().value() + " at " + t.to().value();
        }
    };

    @Override
    public DeviceTag deviceTag() {
        return store.settings()
                .deviceTag()
                .map(DeviceTag::of)
                .orElseThrow(() -> new IllegalStateException(
                        "this device has no lot-number tag from its enrollment, so it cannot number PATTERN lots — "
                                + "key the lot, or re-enroll the device"));
    }
}
