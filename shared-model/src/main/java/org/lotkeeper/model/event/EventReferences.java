package org.lotkeeper.model.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lotkeeper.model.event.CodeRef.Kind;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;

/** The one place that knows, per payload type, which lots and codes a payload names. */
final class EventReferences {

    private EventReferences() {}

    /** The SSCC a payload names, or null. */
    static Sscc container(EventPayload p) {
        return p.accept(new EventPayload.Cases<Sscc>() {
            @Override
            public Sscc receive(Receive r) {
                return r.sscc();
            }

            @Override
            public Sscc move(Move m) {
                return m.sscc();
            }

            @Override
            public Sscc pick(Pick k) {
                return k.sscc();
            }

            @Override
            public Sscc count(Count c) {
                return null;
            }

            @Override
            public Sscc ship(Ship s) {
                return s.sscc();
            }

            @Override
            public Sscc transform(Transform t) {
                return null;
            }

            @Override
            public Sscc status(StatusChange s) {
                return null;
            }

            @Override
            public Sscc returned(Return r) {
                return null;
            }

            @Override
            public Sscc adjust(Adjust a) {
                return null;
            }

            @Override
            public Sscc pack(Pack k) {
                return k.sscc();
            }

            @Override
            public Sscc unpack(Unpack u) {
                return u.sscc();
            }

            @Override
            public Sscc inspect(Inspect i) {
                return null;
            }

            @Override
            public Sscc transferOut(TransferOut t) {
                return t.sscc();
            }

            @Override
            public Sscc transferIn(TransferIn t) {
                return t.sscc();
            }
        });
    }

    static List<LotField> lotFields(EventPayload p) {
        List<LotField> lots = new ArrayList<>();
        p.accept(new EventPayload.Cases<Void>() {
            @Override
            public Void receive(Receive r) {
                return add(r.item(), r.lot());
            }

            @Override
            public Void move(Move m) {
                return add(m.item(), m.lot());
            }

            @Override
            public Void pick(Pick k) {
                return add(k.item(), k.lot());
            }

            @Override
            public Void count(Count c) {
                return add(c.item(), c.lot());
            }

            @Override
            public Void ship(Ship s) {
                return add(s.item(), s.lot());
            }

            @Override
            public Void transform(Transform t) {
                for (int i = 0; i < t.inputs().size(); i++) {
                    lots.add(new LotField(t.inputs().get(i).lotRef(), "payload.inputs[" + i + "].lot"));
                }
                for (int i = 0; i < t.outputs().size(); i++) {
                    lots.add(new LotField(t.outputs().get(i).lotRef(), "payload.outputs[" + i + "].lot"));
                }
                return null;
            }

            @Override
            public Void status(StatusChange s) {
                return add(s.item(), s.lot());
            }

            @Override
            public Void returned(Return r) {
                return add(r.item(), r.lot());
            }

            @Override
            public Void adjust(Adjust a) {
                return add(a.item(), a.lot());
            }

            @Override
            public Void pack(Pack k) {
                return contents(k.contents());
            }

            @Override
            public Void unpack(Unpack u) {
                return contents(u.contents());
            }

            @Override
            public Void inspect(Inspect i) {
                return add(i.item(), i.lot());
            }

            @Override
            public Void transferOut(TransferOut t) {
                return add(t.item(), t.lot());
            }

            @Override
            public Void transferIn(TransferIn t) {
                return add(t.item(), t.lot());
            }

            private Void contents(List<ContainerLine> lines) {
                for (int i = 0; i < lines.size(); i++) {
                    lots.add(new LotField(lines.get(i).lotRef(), "payload.contents[" + i + "].lot"));
                }
                return null;
            }

            private Void add(ItemCode item, LotCode lot) {
                lots.add(new LotField(new LotRef(item, lot), "payload.lot"));
                return null;
            }
        });
        return List.copyOf(lots);
    }

    static List<LotRef> lots(EventPayload p) {
        Set<LotRef> lots = new LinkedHashSet<>();
        lotFields(p).forEach(f -> lots.add(f.lot()));
        return List.copyOf(lots);
    }

    static List<CodeRef> codes(EventPayload p) {
        return List.copyOf(p.accept(new EventPayload.Cases<Codes>() {
                    @Override
                    public Codes receive(Receive r) {
                        return new Codes()
                                .partner(r.supplier(), "supplier")
                                .item(r.item(), "item")
                                .location(r.location(), "location");
                    }

                    @Override
                    public Codes move(Move m) {
                        return new Codes()
                                .item(m.item(), "item")
                                .location(m.from(), "from")
                                .location(m.to(), "to");
                    }

                    @Override
                    public Codes pick(Pick k) {
                        return new Codes()
                                .item(k.item(), "item")
                                .location(k.from(), "from")
                                .location(k.to(), "to")
                                .partner(k.customer(), "customer");
                    }

                    @Override
                    public Codes count(Count n) {
                        return new Codes().item(n.item(), "item").location(n.location(), "location");
                    }

                    @Override
                    public Codes ship(Ship s) {
                        return new Codes()
                                .partner(s.customer(), "customer")
                                .item(s.item(), "item")
                                .location(s.from(), "from");
                    }

                    @Override
                    public Codes transform(Transform t) {
                        Codes c = new Codes();
                        for (int i = 0; i < t.inputs().size(); i++) {
                            Transform.Input in = t.inputs().get(i);
                            c.item(in.item(), "inputs[" + i + "].item").location(in.from(), "inputs[" + i + "].from");
                        }
                        for (int i = 0; i < t.outputs().size(); i++) {
                            Transform.Output out = t.outputs().get(i);
                            c.item(out.item(), "outputs[" + i + "].item").location(out.to(), "outputs[" + i + "].to");
                        }
                        return c;
                    }

                    @Override
                    public Codes status(StatusChange s) {
                        return new Codes().item(s.item(), "item");
                    }

                    @Override
                    public Codes returned(Return r) {
                        return new Codes()
                                .partner(r.customer(), "customer")
                                .item(r.item(), "item")
                                .location(r.to(), "to");
                    }

                    @Override
                    public Codes adjust(Adjust a) {
                        return new Codes().item(a.item(), "item").location(a.location(), "location");
                    }

                    @Override
                    public Codes pack(Pack k) {
                        return new Codes().location(k.location(), "location").contents(k.contents());
                    }

                    @Override
                    public Codes unpack(Unpack u) {
                        return new Codes().location(u.location(), "location").contents(u.contents());
                    }

                    @Override
                    public Codes inspect(Inspect i) {
                        return new Codes().item(i.item(), "item");
                    }

                    @Override
                    public Codes transferOut(TransferOut t) {
                        return new Codes()
                                .site(t.toSite(), "toSite")
                                .item(t.item(), "item")
                                .location(t.from(), "from");
                    }

                    @Override
                    public Codes transferIn(TransferIn t) {
                        return new Codes()
                                .site(t.fromSite(), "fromSite")
                                .item(t.item(), "item")
                                .location(t.to(), "to");
                    }
                })
                .refs);
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

        Codes site(SiteCode code, String field) {
            return add(Kind.SITE, code == null ? null : code.value(), field);
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
