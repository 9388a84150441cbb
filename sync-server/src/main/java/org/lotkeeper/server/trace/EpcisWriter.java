package org.lotkeeper.server.trace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.CodeRef;
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
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.masterdata.MasterDataLookup;

/**
 * Ledger events as an EPCIS 2.0 JSON-LD document (docs/DOMAIN.md's table; the mapping is written
 * down in docs/TRACE.md). Lots are classes: {@code https://id.gs1.org/01/{gtin}/10/{lot}} where
 * the item has a GTIN, else {@code urn:lotkeeper:class:{item}:{lot}}. Locations are
 * {@code https://id.gs1.org/414/{site GLN}/254/{location}} where the site has a GLN, else
 * {@code urn:lotkeeper:location:{site}:{location}}; parties {@code https://id.gs1.org/417/{GLN}}
 * or {@code urn:lotkeeper:party:{code}}. Quantities are in the item's base unit.
 */
final class EpcisWriter {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    static final String EXTENSION_PREFIX = "lotkeeper";
    static final String EXTENSION_NS = "https://lotkeeper.org/epcis/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MasterDataLookup masterData;
    private final Map<String, MasterDataLookup.ItemInfo> items = new HashMap<>();
    private final Map<String, Optional<MasterDataLookup.SiteInfo>> sites = new HashMap<>();
    private final Map<String, MasterDataLookup.PartnerInfo> partners = new HashMap<>();

    EpcisWriter(MasterDataLookup masterData) {
        this.masterData = masterData;
    }

    /** The document for these events, in their order. */
    ObjectNode document(List<LotEvents.Stored> events, Instant created) {
        ObjectNode doc = header("EPCISDocument", created);
        doc.putObject("epcisBody").putArray("eventList").addAll(events(events));
        return doc;
    }

    /** A query's answer (EPCIS 2.0's {@code EPCISQueryDocument}) of these rendered events. */
    static ObjectNode queryDocument(List<ObjectNode> events, Instant created) {
        ObjectNode doc = header("EPCISQueryDocument", created);
        doc.putObject("epcisBody")
                .putObject("queryResults")
                .put("queryName", "SimpleEventQuery")
                .putObject("resultsBody")
                .putArray("eventList")
                .addAll(events);
        return doc;
    }

    /** These events as EPCIS events, in their order (their items' and partners' master data read at once). */
    List<ObjectNode> events(List<LotEvents.Stored> events) {
        java.util.Set<String> itemCodes = new java.util.HashSet<>();
        java.util.Set<String> partnerCodes = new java.util.HashSet<>();
        for (LotEvents.Stored e : events) {
            e.event().lots().forEach(l -> itemCodes.add(l.item().value()));
            e.event().codes().forEach(c -> {
                if (c.kind() == CodeRef.Kind.PARTNER) {
                    partnerCodes.add(c.value());
                }
            });
        }
        items.putAll(masterData.items(itemCodes));
        partners.putAll(masterData.partners(partnerCodes));
        return events.stream().map(this::event).toList();
    }

    private static ObjectNode header(String type, Instant created) {
        ObjectNode doc = NODES.objectNode();
        ArrayNode context = doc.putArray("@context");
        context.add(CONTEXT);
        context.addObject().put(EXTENSION_PREFIX, EXTENSION_NS);
        doc.put("type", type);
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", created.toString());
        return doc;
    }

    ObjectNode event(LotEvents.Stored e) {
        ObjectNode body = NODES.objectNode();
        String type = e.event().payload().accept(new Body(body, e.site()));
        ObjectNode o = NODES.objectNode();
        o.put("type", type);
        o.put("eventTime", e.occurredAt().toString());
        o.put("recordTime", e.recordedAt().toString());
        o.put("eventTimeZoneOffset", "+00:00");
        o.put("eventID", "urn:uuid:" + e.eventId());
        o.setAll(body);
        o.put(EXTENSION_PREFIX + ":ledgerSeq", e.ledgerSeq());
        return o;
    }

    /** Writes an event's EPCIS fields after its header and answers its EPCIS event type. */
    private final class Body implements EventPayload.Cases<String> {
        private static final String OBJECT = "ObjectEvent";
        private final ObjectNode o;
        private final String site;

        Body(ObjectNode o, String site) {
            this.o = o;
            this.site = site;
        }

        @Override
        public String receive(Receive r) {
            o.put("action", "ADD");
            quantities(o.putArray("quantityList"), List.of(line(r.item(), r.lot(), r.quantity())));
            o.put("bizStep", "receiving");
            o.put("disposition", "in_progress");
            place(o, site, r.location().value());
            bizTransaction(o, "po", r.reference().value());
            o.putArray("sourceList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("source", party(r.supplier().value()));
            o.putArray("destinationList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("destination", siteParty(site));
            ObjectNode ilmd = NODES.objectNode();
            if (r.expiry() != null) {
                ilmd.put("cbvmda:itemExpirationDate", r.expiry().toString());
            }
            if (r.supplierLot() != null) {
                ilmd.put(EXTENSION_PREFIX + ":supplierLot", r.supplierLot().value());
            }
            if (!ilmd.isEmpty()) {
                o.set("ilmd", ilmd);
            }
            return OBJECT;
        }

        @Override
        public String ship(Ship s) {
            o.put("action", "OBSERVE");
            quantities(o.putArray("quantityList"), List.of(line(s.item(), s.lot(), s.quantity())));
            o.put("bizStep", "shipping");
            o.put("disposition", "in_transit");
            place(o, site, s.from().value());
            bizTransaction(o, "desadv", s.shipment().value());
            o.putArray("sourceList").addObject().put("type", "owning_party").put("source", siteParty(site));
            o.putArray("destinationList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("destination", party(s.customer().value()));
            return OBJECT;
        }

        /** Shipping to a sister site: in transit between two places of the same owner. */
        @Override
        public String transferOut(TransferOut t) {
            o.put("action", "OBSERVE");
            quantities(o.putArray("quantityList"), List.of(line(t.item(), t.lot(), t.quantity())));
            o.put("bizStep", "shipping");
            o.put("disposition", "in_transit");
            place(o, site, t.from().value());
            bizTransaction(o, "desadv", t.transfer().value());
            o.putArray("sourceList").addObject().put("type", "location").put("source", sitePlace(site));
            o.putArray("destinationList")
                    .addObject()
                    .put("type", "location")
                    .put("destination", sitePlace(t.toSite().value()));
            return OBJECT;
        }

        /** Receiving from a sister site. */
        @Override
        public String transferIn(TransferIn t) {
            o.put("action", "OBSERVE");
            quantities(o.putArray("quantityList"), List.of(line(t.item(), t.lot(), t.quantity())));
            o.put("bizStep", "receiving");
            o.put("disposition", "in_progress");
            place(o, site, t.to().value());
            bizTransaction(o, "desadv", t.transfer().value());
            o.putArray("sourceList")
                    .addObject()
                    .put("type", "location")
                    .put("source", sitePlace(t.fromSite().value()));
            o.putArray("destinationList").addObject().put("type", "location").put("destination", sitePlace(site));
            return OBJECT;
        }

        @Override
        public String returned(Return r) {
            o.put("action", "OBSERVE");
            quantities(o.putArray("quantityList"), List.of(line(r.item(), r.lot(), r.quantity())));
            o.put("bizStep", "receiving");
            o.put("disposition", "returned");
            place(o, site, r.to().value());
            bizTransaction(o, "rma", r.reference().value());
            o.putArray("sourceList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("source", party(r.customer().value()));
            o.putArray("destinationList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("destination", siteParty(site));
            return OBJECT;
        }

        @Override
        public String transform(Transform t) {
            quantities(
                    o.putArray("inputQuantityList"),
                    t.inputs().stream()
                            .map(i -> line(i.item(), i.lot(), i.quantity()))
                            .toList());
            quantities(
                    o.putArray("outputQuantityList"),
                    t.outputs().stream()
                            .map(u -> line(u.item(), u.lot(), u.quantity()))
                            .toList());
            o.put(
                    "transformationID",
                    "urn:lotkeeper:batch:" + pct(site) + ":" + pct(t.batch().value()));
            o.put("bizStep", t.kind() == TransformKind.REPACK ? "repackaging" : "creating_class_instance");
            o.put("disposition", "active");
            place(o, site, t.outputs().get(0).to().value());
            bizTransaction(o, "prodorder", t.batch().value());
            if (t.outputs().size() == 1 && t.outputs().get(0).expiry() != null) {
                o.putObject("ilmd")
                        .put(
                                "cbvmda:itemExpirationDate",
                                t.outputs().get(0).expiry().toString());
            }
            o.put(EXTENSION_PREFIX + ":transformKind", t.kind().name());
            return "TransformationEvent";
        }

        @Override
        public String move(Move m) {
            observe(o, line(m.item(), m.lot(), m.quantity()), "storing", null);
            place(o, site, m.to().value());
            o.put(EXTENSION_PREFIX + ":from", location(site, m.from().value()));
            return OBJECT;
        }

        @Override
        public String pick(Pick k) {
            observe(o, line(k.item(), k.lot(), k.quantity()), "picking", null);
            place(o, site, k.to().value());
            bizTransaction(o, "po", k.order().value());
            o.put(EXTENSION_PREFIX + ":from", location(site, k.from().value()));
            return OBJECT;
        }

        @Override
        public String count(Count n) {
            observe(o, line(n.item(), n.lot(), n.counted()), "cycle_counting", null);
            place(o, site, n.location().value());
            return OBJECT;
        }

        @Override
        public String status(StatusChange s) {
            observe(o, line(s.item(), s.lot(), null), statusBizStep(s), statusDisposition(s));
            o.put(EXTENSION_PREFIX + ":status", s.status().name());
            o.put(EXTENSION_PREFIX + ":reason", s.reason());
            return OBJECT;
        }

        @Override
        public String adjust(Adjust a) {
            boolean scrap = a.delta().signum() < 0 && isScrap(a.reason());
            o.put("action", scrap ? "DELETE" : "OBSERVE");
            quantities(
                    o.putArray("quantityList"),
                    List.of(line(a.item(), a.lot(), a.delta().abs())));
            o.put("bizStep", scrap ? "destroying" : "stock_taking");
            if (scrap) {
                o.put("disposition", "destroyed");
            }
            place(o, site, a.location().value());
            o.put(EXTENSION_PREFIX + ":delta", base(a.item(), a.delta()).valueText());
            o.put(EXTENSION_PREFIX + ":reason", a.reason());
            return OBJECT;
        }

        @Override
        public String pack(Pack k) {
            aggregation(
                    o,
                    "ADD",
                    "packing",
                    k.sscc().value(),
                    k.contents(),
                    site,
                    k.location().value());
            return "AggregationEvent";
        }

        @Override
        public String unpack(Unpack u) {
            aggregation(
                    o,
                    "DELETE",
                    "unpacking",
                    u.sscc().value(),
                    u.contents(),
                    site,
                    u.location().value());
            return "AggregationEvent";
        }

        /** An inspection: observed, conformant or not, with each judged result as an extension. */
        @Override
        public String inspect(Inspect i) {
            observe(
                    o,
                    line(i.item(), i.lot(), null),
                    "inspecting",
                    i.outOfSpecification() ? "non_conformant" : "conformant");
            o.put(EXTENSION_PREFIX + ":specificationVersion", i.specificationVersion());
            o.put(EXTENSION_PREFIX + ":source", i.source().name());
            var results = o.putArray(EXTENSION_PREFIX + ":results");
            i.results()
                    .forEach(r -> results.addObject()
                            .put(EXTENSION_PREFIX + ":test", r.test())
                            .put(EXTENSION_PREFIX + ":value", r.value())
                            .put(EXTENSION_PREFIX + ":judgement", r.judgement().name()));
            if (i.retest() != null) {
                o.put(EXTENSION_PREFIX + ":retestUntil", i.retest().until().toString());
                o.put(
                        EXTENSION_PREFIX + ":retestSignedBy",
                        i.retest().signature().signer().value());
                if (i.retest().basedOn() != null) {
                    o.put(
                            EXTENSION_PREFIX + ":retestBasedOnLedgerEvent",
                            i.retest().basedOn());
                }
            }
            if (i.reason() != null) {
                o.put(EXTENSION_PREFIX + ":reason", i.reason());
            }
            return OBJECT;
        }
    }

    private record Line(ItemCode item, LotCode lot, Quantity quantity) {}

    private static Line line(ItemCode item, LotCode lot, Quantity quantity) {
        return new Line(item, lot, quantity);
    }

    private void observe(ObjectNode o, Line line, String bizStep, String disposition) {
        o.put("action", "OBSERVE");
        quantities(o.putArray("quantityList"), List.of(line));
        o.put("bizStep", bizStep);
        if (disposition != null) {
            o.put("disposition", disposition);
        }
    }

    private void aggregation(
            ObjectNode o,
            String action,
            String bizStep,
            String sscc,
            List<ContainerLine> contents,
            String site,
            String location) {
        o.put("parentID", "https://id.gs1.org/00/" + sscc);
        quantities(
                o.putArray("childQuantityList"),
                contents.stream()
                        .map(c -> line(c.item(), c.lot(), c.quantity()))
                        .toList());
        o.put("action", action);
        o.put("bizStep", bizStep);
        place(o, site, location);
    }

    private void quantities(ArrayNode list, List<Line> lines) {
        for (Line l : lines) {
            ObjectNode q = list.addObject();
            q.put("epcClass", epcClass(l.item().value(), l.lot().value()));
            if (l.quantity() != null) {
                Quantity b = base(l.item(), l.quantity());
                q.put("quantity", b.value());
                q.put("uom", b.uom().name());
            }
        }
    }

    private Quantity base(ItemCode item, Quantity q) {
        MasterDataLookup.ItemInfo info = item(item.value());
        return info == null ? q : info.units().toBase(q);
    }

    private MasterDataLookup.ItemInfo item(String code) {
        return items.computeIfAbsent(code, c -> masterData.item(c).orElse(null));
    }

    private void place(ObjectNode o, String site, String location) {
        String id = location(site, location);
        o.putObject("readPoint").put("id", id);
        o.putObject("bizLocation").put("id", id);
    }

    private static void bizTransaction(ObjectNode o, String type, String reference) {
        o.putArray("bizTransactionList")
                .addObject()
                .put("type", type)
                .put("bizTransaction", "urn:lotkeeper:bt:" + type + ":" + pct(reference));
    }

    String epcClass(String item, String lot) {
        MasterDataLookup.ItemInfo info = item(item);
        if (info != null && info.gtin() != null) {
            return "https://id.gs1.org/01/" + info.gtin() + "/10/" + pct(lot);
        }
        return "urn:lotkeeper:class:" + pct(item) + ":" + pct(lot);
    }

    String location(String site, String location) {
        Optional<MasterDataLookup.SiteInfo> s = sites.computeIfAbsent(site, masterData::site);
        if (s.isPresent() && s.get().gln() != null) {
            return "https://id.gs1.org/414/" + s.get().gln() + "/254/" + pct(location);
        }
        return "urn:lotkeeper:location:" + pct(site) + ":" + pct(location);
    }

    /** A site as a place: its GLN (AI 414) when it has one. */
    private String sitePlace(String site) {
        Optional<MasterDataLookup.SiteInfo> s = sites.computeIfAbsent(site, masterData::site);
        return s.isPresent() && s.get().gln() != null
                ? "https://id.gs1.org/414/" + s.get().gln()
                : "urn:lotkeeper:site:" + pct(site);
    }

    private String siteParty(String site) {
        Optional<MasterDataLookup.SiteInfo> s = sites.computeIfAbsent(site, masterData::site);
        return s.isPresent() && s.get().gln() != null
                ? "https://id.gs1.org/417/" + s.get().gln()
                : "urn:lotkeeper:party:" + pct(site);
    }

    private String party(String code) {
        MasterDataLookup.PartnerInfo p = partners.computeIfAbsent(
                code, c -> masterData.partners(List.of(c)).get(c));
        return p != null && p.gln() != null ? "https://id.gs1.org/417/" + p.gln() : "urn:lotkeeper:party:" + pct(code);
    }

    static String statusBizStep(StatusChange s) {
        return switch (s.status()) {
            case RELEASED, REJECTED -> "inspecting";
            case QUARANTINE, ON_HOLD, RECALLED -> "holding";
        };
    }

    static String statusDisposition(StatusChange s) {
        return switch (s.status()) {
            case RELEASED -> "available";
            case QUARANTINE, ON_HOLD -> "unavailable";
            case REJECTED -> "non_conformant";
            case RECALLED -> "recalled";
        };
    }

    static boolean isScrap(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("scrap") || r.contains("destroy") || r.contains("dispos") || r.contains("discard");
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (a lot code may hold any GS1 set-82 character). */
    static String pct(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
