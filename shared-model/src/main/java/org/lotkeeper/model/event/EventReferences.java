package org.lotkeeper.model.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lotkeeper.model.event.CodeRef.Kind;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotRef;

/** The one place that knows, per payload type, which lots and codes a payload names. */
final class EventReferences {

    private EventReferences() {
    }

    static List<LotRef> lots(EventPayload p) {
        Set<LotRef> lots = new LinkedHashSet<>();
        if (p instanceof Receive r) {
            lots.add(new LotRef(r.item(), r.lot()));
        } else if (p instanceof Move m) {
            lots.add(new LotRef(m.item(), m.lot()));
        } else if (p instanceof Pick k) {
            lots.add(new LotRef(k.item(), k.lot()));
        } else if (p instanceof Count c) {
            lots.add(new LotRef(c.item(), c.lot()));
        } else if (p instanceof Ship s) {
            lots.add(new LotRef(s.item(), s.lot()));
        } else if (p instanceof Transform t) {
            t.inputs().forEach(i -> lots.add(i.lotRef()));
            t.outputs().forEach(o -> lots.add(o.lotRef()));
        } else if (p instanceof StatusChange s) {
            lots.add(new LotRef(s.item(), s.lot()));
        } else if (p instanceof Return r) {
            lots.add(new LotRef(r.item(), r.lot()));
        } else if (p instanceof Adjust a) {
            lots.add(new LotRef(a.item(), a.lot()));
        } else if (p instanceof Pack k) {
            k.contents().forEach(l -> lots.add(l.lotRef()));
        } else if (p instanceof Unpack u) {
            u.contents().forEach(l -> lots.add(l.lotRef()));
        }
        return List.copyOf(lots);
    }

    static List<CodeRef> codes(EventPayload p) {
        Codes c = new Codes();
        if (p instanceof Receive r) {
            c.partner(r.supplier(), "supplier").item(r.item(), "item").location(r.location(), "location");
        } else if (p instanceof Move m) {
            c.item(m.item(), "item").location(m.from(), "from").location(m.to(), "to");
        } else if (p instanceof Pick k) {
            c.item(k.item(), "item").location(k.from(), "from").location(k.to(), "to").partner(k.customer(), "customer");
        } else if (p instanceof Count n) {
            c.item(n.item(), "item").location(n.location(), "location");
        } else if (p instanceof Ship s) {
            c.partner(s.customer(), "customer").item(s.item(), "item").location(s.from(), "from");
        } else if (p instanceof Transform t) {
            for (int i = 0; i < t.inputs().size(); i++) {
                Transform.Input in = t.inputs().get(i);
                c.item(in.item(), "inputs[" + i + "].item").location(in.from(), "inputs[" + i + "].from");
            }
            for (int i = 0; i < t.outputs().size(); i++) {
                Transform.Output out = t.outputs().get(i);
                c.item(out.item(), "outputs[" + i + "].item").location(out.to(), "outputs[" + i + "].to");
            }
        } else if (p instanceof StatusChange s) {
            c.item(s.item(), "item");
        } else if (p instanceof Return r) {
            c.partner(r.customer(), "customer").item(r.item(), "item").location(r.to(), "to");
        } else if (p instanceof Adjust a) {
            c.item(a.item(), "item").location(a.location(), "location");
        } else if (p instanceof Pack k) {
            c.location(k.location(), "location").contents(k.contents());
        } else if (p instanceof Unpack u) {
            c.location(u.location(), "location").contents(u.contents());
        }
        return List.copyOf(c.refs);
    }

    private static final class Codes {
        final List<CodeRef> refs = new ArrayList<>();

        Codes item(ItemCode code, String field) {
            return add(Kind.ITEM, code == null ? null : code.value(), field);
        }

        Codes location(LocationCode code, String field) {
            return add(Kind.LOCATION, code == null ? null : code.value(), field);
        }

        Codes partner(PartnerCode code, String field) {
            return add(Kind.PARTNER, code == null ? null : code.value(), field);
        }

        Codes contents(List<ContainerLine> lines) {
            for (int i = 0; i < lines.size(); i++) {
                item(lines.get(i).item(), "contents[" + i + "].item");
            }
            return this;
        }

        private Codes add(Kind kind, String value, String field) {
            if (value != null) {
                refs.add(new CodeRef(kind, value, "payload." + field));
            }
            return this;
        }
    }

}
