package org.lotkeeper.server.ledger;

import java.util.ArrayList;
import java.util.List;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.quantity.Quantity;

/** A quantity of an event with the item it counts and its path under {@code payload}. */
record QuantityRef(ItemCode item, Quantity quantity, String field) {

    static List<QuantityRef> of(EventPayload payload) {
        List<QuantityRef> out = new ArrayList<>();
        if (payload instanceof Receive r) {
            out.add(new QuantityRef(r.item(), r.quantity(), "quantity"));
        } else if (payload instanceof Move m) {
            out.add(new QuantityRef(m.item(), m.quantity(), "quantity"));
        } else if (payload instanceof Pick p) {
            out.add(new QuantityRef(p.item(), p.quantity(), "quantity"));
        } else if (payload instanceof Count c) {
            out.add(new QuantityRef(c.item(), c.counted(), "counted"));
        } else if (payload instanceof Ship s) {
            out.add(new QuantityRef(s.item(), s.quantity(), "quantity"));
        } else if (payload instanceof Return r) {
            out.add(new QuantityRef(r.item(), r.quantity(), "quantity"));
        } else if (payload instanceof Adjust a) {
            out.add(new QuantityRef(a.item(), a.delta(), "delta"));
        } else if (payload instanceof Transform t) {
            for (int i = 0; i < t.inputs().size(); i++) {
                out.add(new QuantityRef(t.inputs().get(i).item(), t.inputs().get(i).quantity(), "inputs[" + i + "].quantity"));
            }
            for (int i = 0; i < t.outputs().size(); i++) {
                out.add(new QuantityRef(t.outputs().get(i).item(), t.outputs().get(i).quantity(), "outputs[" + i + "].quantity"));
            }
        } else if (payload instanceof Pack p) {
            lines(out, p.contents());
        } else if (payload instanceof Unpack u) {
            lines(out, u.contents());
        } else if (!(payload instanceof StatusChange)) {
            throw new IllegalStateException("no quantities known for " + payload.type());
        }
        return out;
    }

    private static void lines(List<QuantityRef> out, List<ContainerLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            out.add(new QuantityRef(lines.get(i).item(), lines.get(i).quantity(), "contents[" + i + "].quantity"));
        }
    }
}
