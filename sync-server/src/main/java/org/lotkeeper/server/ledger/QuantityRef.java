package org.lotkeeper.server.ledger;

import java.util.ArrayList;
import java.util.List;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
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
import org.lotkeeper.model.quantity.Quantity;

/** A quantity of an event with the item it counts and its path under {@code payload}. */
record QuantityRef(ItemCode item, Quantity quantity, String field) {

    static List<QuantityRef> of(EventPayload payload) {
        return payload.accept(QUANTITIES);
    }

    private static final EventPayload.Cases<List<QuantityRef>> QUANTITIES = new EventPayload.Cases<>() {
        @Override
        public List<QuantityRef> receive(Receive r) {
            return List.of(new QuantityRef(r.item(), r.quantity(), "quantity"));
        }

        @Override
        public List<QuantityRef> move(Move m) {
            return List.of(new QuantityRef(m.item(), m.quantity(), "quantity"));
        }

        @Override
        public List<QuantityRef> pick(Pick p) {
            return List.of(new QuantityRef(p.item(), p.quantity(), "quantity"));
        }

        @Override
        public List<QuantityRef> count(Count c) {
            return List.of(new QuantityRef(c.item(), c.counted(), "counted"));
        }

        @Override
        public List<QuantityRef> ship(Ship s) {
            return List.of(new QuantityRef(s.item(), s.quantity(), "quantity"));
        }

        @Override
        public List<QuantityRef> transform(Transform t) {
            List<QuantityRef> out = new ArrayList<>();
            for (int i = 0; i < t.inputs().size(); i++) {
                out.add(new QuantityRef(
                        t.inputs().get(i).item(), t.inputs().get(i).quantity(), "inputs[" + i + "].quantity"));
            }
            for (int i = 0; i < t.outputs().size(); i++) {
                out.add(new QuantityRef(
                        t.outputs().get(i).item(), t.outputs().get(i).quantity(), "outputs[" + i + "].quantity"));
            }
            return out;
        }

        @Override
        public List<QuantityRef> status(StatusChange s) {
            return List.of();
        }

        @Override
        public List<QuantityRef> returned(Return r) {
            return List.of(new QuantityRef(r.item(), r.quantity(), "quantity"));
        }

        @Override
        public List<QuantityRef> adjust(Adjust a) {
            return List.of(new QuantityRef(a.item(), a.delta(), "delta"));
        }

        @Override
        public List<QuantityRef> pack(Pack p) {
            return lines(p.contents());
        }

        @Override
        public List<QuantityRef> unpack(Unpack u) {
            return lines(u.contents());
        }

        @Override
        public List<QuantityRef> inspect(Inspect i) {
            return List.of();
        }

        @Override
        public List<QuantityRef> transferOut(TransferOut t) {
            return List.of(new QuantityRef(t.item(), t.quantity(), "quantity"));
        }

        @Override
        public List<QuantityRef> transferIn(TransferIn t) {
            return List.of(new QuantityRef(t.item(), t.quantity(), "quantity"));
        }
    };

    private static List<QuantityRef> lines(List<ContainerLine> lines) {
        List<QuantityRef> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new QuantityRef(lines.get(i).item(), lines.get(i).quantity(), "contents[" + i + "].quantity"));
        }
        return out;
    }
}
