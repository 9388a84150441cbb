package org.lotkeeper.client.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;

/**
 * What a captured event does to the device's local view until the server's own figures arrive:
 * stock deltas by (lot, location) and lot changes (a lot the device received or produced, a
 * status it set, a released lot that came back and waits for QA) and container deltas by (SSCC,
 * lot, location). COUNT changes no stock (the server computes the variance; it becomes an ADJUST
 * only after approval); PACK and UNPACK change what a container holds but not the stock at the
 * location; a MOVE, SHIP or TRANSFER_OUT/TRANSFER_IN that names an SSCC changes both.
 */
final class LocalEffects {

    /** Stock of a lot at a location changes by {@code delta} (signed). */
    record StockDelta(ItemCode item, LotCode lot, LocationCode location, Quantity delta) {}

    /**
     * A lot change: {@code creates} — the lot exists from this event with this status, expiry and
     * receipt time when the server does not know it yet; otherwise only {@code status} is set.
     */
    record LotChange(
            ItemCode item,
            LotCode lot,
            boolean creates,
            LotStatus status,
            LocalDate expiry,
            LocalDate retestDate,
            Instant receivedAt,
            boolean onlyIfReleased) {

        LotChange(ItemCode item, LotCode lot, boolean creates, LotStatus status, LocalDate expiry, Instant receivedAt) {
            this(item, lot, creates, status, expiry, null, receivedAt, false);
        }
    }

    /** What container {@code sscc} holds of a lot at a location changes by {@code delta} (signed). */
    record ContainerDelta(Sscc sscc, ItemCode item, LotCode lot, LocationCode location, Quantity delta) {}

    record Effects(List<StockDelta> stock, List<LotChange> lots, List<ContainerDelta> containers) {}

    private LocalEffects() {}

    /**
     * The effects of {@code event}.
     *
     * @param qcRequired whether an item's new lots start in QUARANTINE (unknown items: yes, the
     *                   cautious answer)
     */
    static Effects of(Event event, Predicate<ItemCode> qcRequired) {
        List<StockDelta> stock = new ArrayList<>(2);
        List<LotChange> lots = new ArrayList<>(1);
        List<ContainerDelta> containers = new ArrayList<>(0);
        Instant at = event.occurredAt();
        event.payload().accept(new EventPayload.Cases<Void>() {
            @Override
            public Void receive(Receive r) {
                stock.add(new StockDelta(r.item(), r.lot(), r.location(), r.quantity()));
                lots.add(new LotChange(
                        r.item(),
                        r.lot(),
                        true,
                        initialStatus(r.item(), qcRequired),
                        r.expiry(),
                        r.retestDate(),
                        at,
                        false));
                return null;
            }

            @Override
            public Void move(Move m) {
                stock.add(
                        new StockDelta(m.item(), m.lot(), m.from(), m.quantity().negate()));
                stock.add(new StockDelta(m.item(), m.lot(), m.to(), m.quantity()));
                if (m.sscc() != null) {
                    containers.add(new ContainerDelta(
                            m.sscc(), m.item(), m.lot(), m.from(), m.quantity().negate()));
                    containers.add(new ContainerDelta(m.sscc(), m.item(), m.lot(), m.to(), m.quantity()));
                }
                return null;
            }

            @Override
            public Void pick(Pick k) {
                stock.add(
                        new StockDelta(k.item(), k.lot(), k.from(), k.quantity().negate()));
                stock.add(new StockDelta(k.item(), k.lot(), k.to(), k.quantity()));
                if (k.sscc() != null) {
                    containers.add(new ContainerDelta(
                            k.sscc(), k.item(), k.lot(), k.from(), k.quantity().negate()));
                    containers.add(new ContainerDelta(k.sscc(), k.item(), k.lot(), k.to(), k.quantity()));
                }
                return null;
            }

            @Override
            public Void count(Count c) {
                return null; // the server computes the variance
            }

            @Override
            public Void ship(Ship s) {
                stock.add(
                        new StockDelta(s.item(), s.lot(), s.from(), s.quantity().negate()));
                if (s.sscc() != null) {
                    containers.add(new ContainerDelta(
                            s.sscc(), s.item(), s.lot(), s.from(), s.quantity().negate()));
                }
                return null;
            }

            @Override
            public Void transform(Transform t) {
                for (Transform.Input i : t.inputs()) {
                    stock.add(new StockDelta(
                            i.item(), i.lot(), i.from(), i.quantity().negate()));
                }
                for (Transform.Output o : t.outputs()) {
                    stock.add(new StockDelta(o.item(), o.lot(), o.to(), o.quantity()));
                    lots.add(new LotChange(
                            o.item(), o.lot(), true, initialStatus(o.item(), qcRequired), o.expiry(), at));
                }
                return null;
            }

            @Override
            public Void status(StatusChange c) {
                lots.add(new LotChange(c.item(), c.lot(), false, c.status(), null, null));
                return null;
            }

            @Override
            public Void returned(Return r) {
                stock.add(new StockDelta(r.item(), r.lot(), r.to(), r.quantity()));
                // goods that came back wait for QA: a released lot goes back to QUARANTINE, as on the server
                lots.add(new LotChange(r.item(), r.lot(), false, LotStatus.QUARANTINE, null, null, null, true));
                return null;
            }

            @Override
            public Void adjust(Adjust a) {
                stock.add(new StockDelta(a.item(), a.lot(), a.location(), a.delta()));
                return null;
            }

            @Override
            public Void pack(Pack k) {
                // stock moves into a container at the same location: the location's stock stays
                for (ContainerLine line : k.contents()) {
                    containers.add(
                            new ContainerDelta(k.sscc(), line.item(), line.lot(), k.location(), line.quantity()));
                }
                return null;
            }

            @Override
            public Void unpack(Unpack u) {
                for (ContainerLine line : u.contents()) {
                    containers.add(new ContainerDelta(
                            u.sscc(),
                            line.item(),
                            line.lot(),
                            u.location(),
                            line.quantity().negate()));
                }
                return null;
            }

            @Override
            public Void transferOut(TransferOut t) {
                stock.add(
                        new StockDelta(t.item(), t.lot(), t.from(), t.quantity().negate()));
                if (t.sscc() != null) {
                    containers.add(new ContainerDelta(
                            t.sscc(), t.item(), t.lot(), t.from(), t.quantity().negate()));
                }
                return null;
            }

            /** The lot arrives as it is (its row came with the pull that brought the transfer). */
            @Override
            public Void transferIn(TransferIn t) {
                stock.add(new StockDelta(t.item(), t.lot(), t.to(), t.quantity()));
                if (t.sscc() != null) {
                    containers.add(new ContainerDelta(t.sscc(), t.item(), t.lot(), t.to(), t.quantity()));
                }
                return null;
            }

            @Override
            public Void inspect(Inspect i) {
                // a supplier's COA keyed here: a result outside its limits holds a released lot, as on the server
                if (i.outOfSpecification()) {
                    lots.add(new LotChange(i.item(), i.lot(), false, LotStatus.ON_HOLD, null, null, null, true));
                }
                return null;
            }
        });
        return new Effects(stock, lots, containers);
    }

    private static LotStatus initialStatus(ItemCode item, Predicate<ItemCode> qcRequired) {
        return qcRequired.test(item) ? LotStatus.QUARANTINE : LotStatus.RELEASED;
    }

    /**
     * {@code a + b} exactly: in {@code a}'s unit when {@code b} converts exactly, otherwise both in
     * the base unit of their dimension (always exact).
     */
    static Quantity add(Quantity a, Quantity b) {
        if (a == null) {
            return b;
        }
        try {
            return a.plus(b);
        } catch (RuntimeException e) {
            return a.inBase().plus(b.inBase());
        }
    }
}
