package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Reference;
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
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.UserRow;

/** A real in-memory {@link DeviceData} for tests: maps filled by the test, joined like the store joins them. */
final class InMemoryDeviceData implements DeviceData {

    private record StockKey(LotRef lot, LocationCode location) {}

    final Map<ItemCode, ItemRow> items = new LinkedHashMap<>();
    final Map<LocationCode, LocationRow> locations = new LinkedHashMap<>();
    final Map<PartnerCode, PartnerRow> partners = new LinkedHashMap<>();
    final Map<LotRef, LotRow> lots = new LinkedHashMap<>();
    private final Map<StockKey, Quantity> stock = new LinkedHashMap<>();
    final Map<Sscc, ContainerInfo> containers = new LinkedHashMap<>();
    final Map<UserId, UserRow> users = new LinkedHashMap<>();
    final Map<Reference, PickTask> pickTasks = new LinkedHashMap<>();
    final Map<Reference, ExpectedReceipt> receipts = new LinkedHashMap<>();
    final Map<Reference, ShipmentTask> shipments = new LinkedHashMap<>();
    final Map<Reference, InboundTransfer> inbound = new LinkedHashMap<>();
    final Map<Reference, ReturnAuthorisation> returns = new LinkedHashMap<>();
    final Map<LotRef, List<RecentEvent>> events = new LinkedHashMap<>();
    Gln siteGln;
    DeviceTag deviceTag = DeviceTag.of("7A");

    InMemoryDeviceData item(ItemRow row) {
        items.put(row.code(), row);
        return this;
    }

    InMemoryDeviceData location(LocationRow row) {
        locations.put(row.code(), row);
        return this;
    }

    InMemoryDeviceData partner(PartnerRow row) {
        partners.put(row.code(), row);
        return this;
    }

    InMemoryDeviceData lot(LotRow row) {
        lots.put(row.ref(), row);
        return this;
    }

    /** Sets a lot's status (a later STATUS event arrived by pull). */
    InMemoryDeviceData status(String item, String lot, LotStatus status) {
        LotRow old = lots.get(LotRef.of(item, lot));
        lots.put(
                old.ref(), new LotRow(old.item(), old.lot(), status, old.expiry(), old.retestDate(), old.receivedAt()));
        return this;
    }

    InMemoryDeviceData stock(String item, String lot, String location, Quantity quantity) {
        stock.put(new StockKey(LotRef.of(item, lot), LocationCode.of(location)), quantity);
        return this;
    }

    InMemoryDeviceData clearStock() {
        stock.clear();
        return this;
    }

    @Override
    public Optional<ItemRow> item(ItemCode code) {
        return Optional.ofNullable(items.get(code));
    }

    @Override
    public Optional<ItemRow> itemByGtin(Gtin gtin) {
        return items.values().stream().filter(i -> gtin.equals(i.gtin())).findFirst();
    }

    @Override
    public Optional<LocationRow> location(LocationCode code) {
        return Optional.ofNullable(locations.get(code));
    }

    @Override
    public Optional<Gln> siteGln() {
        return Optional.ofNullable(siteGln);
    }

    @Override
    public Optional<PartnerRow> partner(PartnerCode code) {
        return Optional.ofNullable(partners.get(code));
    }

    @Override
    public List<PartnerRow> partners() {
        return partners.values().stream()
                .sorted(java.util.Comparator.comparing(p -> p.code().value()))
                .toList();
    }

    @Override
    public Optional<LotRow> lot(LotRef lot) {
        return Optional.ofNullable(lots.get(lot));
    }

    @Override
    public List<LotRow> lotsByCode(LotCode code) {
        return lots.values().stream().filter(l -> l.lot().equals(code)).toList();
    }

    private List<StockCandidate> candidates(Predicate<StockKey> which) {
        List<StockCandidate> out = new ArrayList<>();
        stock.forEach((key, quantity) -> {
            if (!which.test(key)) {
                return;
            }
            LotRow lot = lots.get(key.lot());
            LocationRow loc = Objects.requireNonNull(
                    locations.get(key.location()), key.location().value());
            out.add(new StockCandidate(
                    key.lot(),
                    key.location(),
                    loc.type(),
                    loc.pickSequence(),
                    quantity,
                    lot == null ? LotStatus.RELEASED : lot.status(),
                    lot == null ? null : lot.expiry(),
                    null,
                    lot == null ? null : lot.receivedAt()));
        });
        return out;
    }

    @Override
    public List<StockCandidate> stockOf(ItemCode item) {
        return candidates(k -> k.lot().item().equals(item));
    }

    @Override
    public List<StockCandidate> stockOfLot(LotRef lot) {
        return candidates(k -> k.lot().equals(lot));
    }

    @Override
    public List<StockCandidate> stockAt(LocationCode location) {
        return candidates(k -> k.location().equals(location));
    }

    @Override
    public Optional<ContainerInfo> container(Sscc sscc) {
        return Optional.ofNullable(containers.get(sscc));
    }

    @Override
    public Optional<Quantity> onPallets(LotRef lot, LocationCode location) {
        return containers.values().stream()
                .filter(c -> c.location().equals(location))
                .flatMap(c -> c.contents().stream())
                .filter(l -> l.lotRef().equals(lot))
                .map(ContainerLine::quantity)
                .reduce(Quantity::plus);
    }

    @Override
    public Optional<UserRow> user(UserId user) {
        return Optional.ofNullable(users.get(user));
    }

    @Override
    public Optional<UserRow> userByBadge(String badge) {
        return users.values().stream().filter(u -> badge.equals(u.badge())).findFirst();
    }

    @Override
    public Optional<PickTask> pickTask(Reference order) {
        return Optional.ofNullable(pickTasks.get(order));
    }

    @Override
    public List<ExpectedReceipt> expectedReceipts() {
        return List.copyOf(receipts.values());
    }

    @Override
    public Optional<ExpectedReceipt> expectedReceipt(Reference reference) {
        return Optional.ofNullable(receipts.get(reference));
    }

    @Override
    public Optional<ShipmentTask> shipment(Reference shipment) {
        return Optional.ofNullable(shipments.get(shipment));
    }

    @Override
    public Optional<InboundTransfer> inboundTransfer(Reference transfer) {
        return Optional.ofNullable(inbound.get(transfer));
    }

    @Override
    public Optional<ReturnAuthorisation> returnAuthorisation(Reference rma) {
        return Optional.ofNullable(returns.get(rma));
    }

    @Override
    public List<RecentEvent> recentEvents(LotRef lot, int limit) {
        return events.getOrDefault(lot, List.of()).stream().limit(limit).toList();
    }

    @Override
    public DeviceTag deviceTag() {
        return deviceTag;
    }
}
