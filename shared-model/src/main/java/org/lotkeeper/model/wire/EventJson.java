package org.lotkeeper.model.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventBounds;
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
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.JsonFields.Problems;
import org.lotkeeper.model.wire.JsonFields.Sign;

/**
 * The JSON wire form of an {@link Event}, exactly as docs/PROTOCOL.md writes it.
 *
 * <h2>Reading</h2>
 * {@link #read(byte[])} and {@link #read(JsonNode, String)} never throw for bad input: they answer
 * a {@link Decoded} with the event or with every problem found (at most 20), each with a stable
 * {@link ErrorCode} and the field's path under the given prefix
 * ({@code events[3].payload.quantity.value}). Rules:
 * <ul>
 *   <li>Unknown fields are ignored. An optional field that is JSON {@code null} counts as absent;
 *       a required one as missing ({@code MISSING_FIELD}).</li>
 *   <li>Strings only where the contract says string ({@code WRONG_TYPE} otherwise), in
 *       particular a quantity's value: {@code {"value": "12.5", "uom": "KGM"}}; a JSON number
 *       there is refused, so is an exponent ({@code "1e3"}, {@code BAD_FORMAT}).</li>
 *   <li>{@code occurredAt} is {@code YYYY-MM-DDThh:mm:ss[.f{1,9}]Z}, within {@link EventBounds},
 *       kept to milliseconds; dates are {@code YYYY-MM-DD} within {@link EventBounds}.</li>
 *   <li>Enum values are their exact names ({@code UNKNOWN_ENUM} otherwise).</li>
 *   <li>{@code deviceSeq} is optional here (events made on the server have none); the push
 *       request reader ({@link PushRequestReader}) requires it.</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * {@link #write(Event)} writes the fields in docs/PROTOCOL.md's order, omits absent optional fields
 * (never writes {@code null}) and empty optional lists, writes decimals in shortest plain form
 * ({@code "12.5"}, never {@code "12.50"} or {@code "1E+3"}) and instants with {@code Z}.
 *
 * <h2>Canonical form</h2>
 * {@link #canonicalBytes(Event)} is the form duplicate detection compares and the hash chain
 * hashes: the written form's tree serialised as UTF-8 with object keys sorted by their UTF-16
 * code units (as RFC 8785), array order kept, no whitespace, absent optional fields and empty
 * optional lists omitted, decimals shortest, instants as {@link Instant#toString()} of the
 * millisecond-truncated time, dates {@code YYYY-MM-DD}; strings escaped minimally (only
 * {@code "}, {@code \} and control characters, which validated events never hold), everything else
 * as raw UTF-8. Two events that mean the same have the
 * same canonical bytes whatever the key order or trailing zeros of the JSON they came from.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonLimits.mapperBuilder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {}

    // ------------------------------------------------------------------ reading

    /** Reads one event from JSON bytes (UTF-8); paths have no prefix ({@code payload.lot}). */
    public static Decoded<Event> read(byte[] json) {
        Decoded<JsonNode> tree = parse(json);
        return tree.isOk() ? read(tree.value(), "") : Decoded.failed(tree.problems());
    }

    /** Reads one event from a JSON string; paths have no prefix. */
    public static Decoded<Event> read(String json) {
        return read(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one event from a JSON tree.
     *
     * @param node   the event object
     * @param prefix put in front of every field path, e.g. {@code events[3]}; empty for none
     * @return the event or its problems
     */
    public static Decoded<Event> read(JsonNode node, String prefix) {
        Problems problems = new Problems();
        Event event = null;
        try {
            event = readEvent(node, prefix == null ? "" : prefix, problems);
        } catch (RuntimeException e) {
            // a safety net: the field readers above should have caught everything
            problems.add(
                    JsonFields.codeOf(e), prefix == null || prefix.isEmpty() ? null : prefix, JsonFields.messageOf(e));
        }
        if (!problems.isEmpty() || event == null) {
            if (problems.isEmpty()) {
                problems.add(
                        ErrorCode.INVALID_FIELD,
                        prefix == null || prefix.isEmpty() ? null : prefix,
                        "the event could not be read");
            }
            return Decoded.failed(problems.list());
        }
        return Decoded.ok(event);
    }

    /**
     * Parses JSON bytes into a tree under {@link JsonLimits}; malformed input, or input that breaks
     * a limit, answers {@code MALFORMED_JSON}.
     */
    public static Decoded<JsonNode> parse(byte[] json) {
        if (json == null || json.length == 0) {
            return Decoded.failed(new FieldProblem(ErrorCode.MALFORMED_JSON, null, "the body is empty"));
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                return Decoded.failed(new FieldProblem(ErrorCode.MALFORMED_JSON, null, "the body holds no JSON value"));
            }
            return Decoded.ok(tree);
        } catch (JacksonException e) {
            return Decoded.failed(new FieldProblem(ErrorCode.MALFORMED_JSON, null, "malformed JSON: " + brief(e)));
        } catch (IOException | RuntimeException e) {
            return Decoded.failed(new FieldProblem(
                    ErrorCode.MALFORMED_JSON,
                    null,
                    "unreadable JSON: " + e.getClass().getSimpleName()));
        }
    }

    /** A parser message without the source excerpt Jackson appends (it may hold hostile input). */
    static String brief(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        m = m.length() > 200 ? m.substring(0, 200) + "…" : m;
        StringBuilder out = new StringBuilder();
        m.chars()
                .forEach(
                        c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : (char) c));
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            out.append(" (line ")
                    .append(e.getLocation().getLineNr())
                    .append(", column ")
                    .append(e.getLocation().getColumnNr())
                    .append(')');
        }
        return out.toString();
    }

    private static Event readEvent(JsonNode node, String prefix, Problems problems) {
        JsonFields f = JsonFields.of(node, prefix, "event", problems);
        if (f == null) {
            return null;
        }
        EventId eventId = f.code("eventId", true, EventId::parse);
        Long deviceSeq = f.positiveLong("deviceSeq", false);
        EventType type = f.enumValue("type", true, EventType.class);
        Instant occurredAt = f.instant("occurredAt", true);
        UserId userId = f.code("userId", true, UserId::new);
        SiteCode site = f.code("site", true, SiteCode::new);
        JsonFields p = f.object("payload", true);
        EventPayload payload = type == null || p == null ? null : readPayload(type, p);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Event(eventId, deviceSeq, occurredAt, userId, site, payload);
        } catch (RuntimeException e) {
            problems.add(JsonFields.codeOf(e), f.path("payload"), JsonFields.messageOf(e));
            return null;
        }
    }

    private static EventPayload readPayload(EventType type, JsonFields p) {
        int before = p.problems().list().size();
        EventPayload payload = switch (type) {
            case RECEIVE -> receive(p);
            case MOVE -> move(p);
            case PICK -> pick(p);
            case COUNT -> count(p);
            case SHIP -> ship(p);
            case TRANSFORM -> transform(p);
            case STATUS -> status(p);
            case RETURN -> returned(p);
            case ADJUST -> adjust(p);
            case PACK -> pack(p);
            case UNPACK -> unpack(p);
            case INSPECT -> inspect(p);
            case TRANSFER_OUT -> transferOut(p);
            case TRANSFER_IN -> transferIn(p);
        };
        if (payload == null && p.problems().list().size() == before) {
            p.problems().add(ErrorCode.INVALID_FIELD, p.path(), "payload could not be read");
        }
        return payload;
    }

    /** Builds a record once its fields are read without problems; a constructor's refusal becomes one. */
    private static <T> T build(JsonFields f, int problemsBefore, java.util.function.Supplier<T> make) {
        if (f.problems().list().size() > problemsBefore) {
            return null;
        }
        try {
            return make.get();
        } catch (RuntimeException e) {
            f.problems().add(JsonFields.codeOf(e), f.path(), JsonFields.messageOf(e));
            return null;
        }
    }

    private static Receive receive(JsonFields p) {
        int n = p.problems().list().size();
        PartnerCode supplier = p.code("supplier", true, PartnerCode::new);
        Reference reference = p.reference("reference", true);
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        LotCode supplierLot = p.code("supplierLot", false, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocalDate expiry = p.date("expiry", false);
        LocalDate manufactured = p.date("manufactured", false);
        LocationCode location = p.code("location", true, LocationCode::new);
        Sscc sscc = p.code("sscc", false, Sscc::new);
        List<Reference> documents = p.strings("documents", false, EventBounds.MAX_DOCUMENTS, Reference::new);
        LocalDate retestDate = p.date("retestDate", false);
        return build(
                p,
                n,
                () -> new Receive(
                        supplier,
                        reference,
                        item,
                        lot,
                        supplierLot,
                        quantity,
                        expiry,
                        manufactured,
                        location,
                        sscc,
                        documents,
                        retestDate));
    }

    private static Move move(JsonFields p) {
        int n = p.problems().list().size();
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocationCode from = p.code("from", true, LocationCode::new);
        LocationCode to = p.code("to", true, LocationCode::new);
        Sscc sscc = p.code("sscc", false, Sscc::new);
        return build(p, n, () -> new Move(item, lot, quantity, from, to, sscc));
    }

    private static Pick pick(JsonFields p) {
        int n = p.problems().list().size();
        Reference order = p.reference("order", true);
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocationCode from = p.code("from", true, LocationCode::new);
        LocationCode to = p.code("to", true, LocationCode::new);
        PartnerCode customer = p.code("customer", false, PartnerCode::new);
        LotCode suggestedLot = p.code("suggestedLot", false, LotCode::new);
        DeviationReason reason = p.enumValue("deviationReason", false, DeviationReason.class);
        String note = p.freeText("note", false);
        if (reason == DeviationReason.OTHER && note == null && p.get("note", false) == null) {
            p.problems().add(ErrorCode.MISSING_FIELD, p.path("note"), "note is required with deviation reason OTHER");
        }
        Sscc sscc = p.code("sscc", false, Sscc::new);
        return build(
                p, n, () -> new Pick(order, item, lot, quantity, from, to, customer, suggestedLot, reason, note, sscc));
    }

    private static Count count(JsonFields p) {
        int n = p.problems().list().size();
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        LocationCode location = p.code("location", true, LocationCode::new);
        Quantity counted = p.quantity("counted", true, Sign.NOT_NEGATIVE);
        Reference task = p.reference("task", false);
        return build(p, n, () -> new Count(item, lot, location, counted, task));
    }

    private static Ship ship(JsonFields p) {
        int n = p.problems().list().size();
        Reference shipment = p.reference("shipment", true);
        PartnerCode customer = p.code("customer", true, PartnerCode::new);
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocationCode from = p.code("from", true, LocationCode::new);
        Sscc sscc = p.code("sscc", false, Sscc::new);
        return build(p, n, () -> new Ship(shipment, customer, item, lot, quantity, from, sscc));
    }

    private static TransferOut transferOut(JsonFields p) {
        int n = p.problems().list().size();
        Reference transfer = p.reference("transfer", true);
        SiteCode toSite = p.code("toSite", true, SiteCode::new);
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocationCode from = p.code("from", true, LocationCode::new);
        Sscc sscc = p.code("sscc", false, Sscc::new);
        return build(p, n, () -> new TransferOut(transfer, toSite, item, lot, quantity, from, sscc));
    }

    private static TransferIn transferIn(JsonFields p) {
        int n = p.problems().list().size();
        Reference transfer = p.reference("transfer", true);
        SiteCode fromSite = p.code("fromSite", true, SiteCode::new);
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocationCode to = p.code("to", true, LocationCode::new);
        Sscc sscc = p.code("sscc", false, Sscc::new);
        return build(p, n, () -> new TransferIn(transfer, fromSite, item, lot, quantity, to, sscc));
    }

    private static Transform transform(JsonFields p) {
        int n = p.problems().list().size();
        TransformKind kind = p.enumValue("kind", true, TransformKind.class);
        Reference batch = p.reference("batch", true);
        List<Transform.Input> inputs = p.objects("inputs", true, 1, EventBounds.MAX_LINES, EventJson::input);
        List<Transform.Output> outputs = p.objects("outputs", true, 1, EventBounds.MAX_LINES, EventJson::output);
        return build(p, n, () -> new Transform(kind, batch, inputs, outputs));
    }

    private static Transform.Input input(JsonFields l) {
        int n = l.problems().list().size();
        ItemCode item = l.code("item", true, ItemCode::new);
        LotCode lot = l.code("lot", true, LotCode::new);
        Quantity quantity = l.quantity("quantity", true, Sign.POSITIVE);
        LocationCode from = l.code("from", true, LocationCode::new);
        Potency potency = l.code("potency", false, Potency::parse);
        return build(l, n, () -> new Transform.Input(item, lot, quantity, from, potency));
    }

    private static Transform.Output output(JsonFields l) {
        int n = l.problems().list().size();
        ItemCode item = l.code("item", true, ItemCode::new);
        LotCode lot = l.code("lot", true, LotCode::new);
        Quantity quantity = l.quantity("quantity", true, Sign.POSITIVE);
        LocationCode to = l.code("to", true, LocationCode::new);
        LocalDate expiry = l.date("expiry", false);
        return build(l, n, () -> new Transform.Output(item, lot, quantity, to, expiry));
    }

    private static StatusChange status(JsonFields p) {
        int n = p.problems().list().size();
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        LotStatus status = p.enumValue("status", true, LotStatus.class);
        String reason = p.freeText("reason", true);
        JsonFields s = p.object("signature", false);
        StatusChange.Signature signature = s == null ? null : signature(s);
        String concession = p.freeText("concession", false);
        LocalDate retestDate = p.date("retestDate", false);
        return build(p, n, () -> new StatusChange(item, lot, status, reason, signature, concession, retestDate));
    }

    private static StatusChange.Signature signature(JsonFields s) {
        int n = s.problems().list().size();
        UserId signer = s.code("signer", true, UserId::new);
        String name = s.freeText("name", true);
        String meaning = s.freeText("meaning", true);
        Instant signedAt = s.instant("signedAt", true);
        return build(s, n, () -> new StatusChange.Signature(signer, name, meaning, signedAt));
    }

    private static Return returned(JsonFields p) {
        int n = p.problems().list().size();
        PartnerCode customer = p.code("customer", true, PartnerCode::new);
        Reference reference = p.reference("reference", true);
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Quantity quantity = p.quantity("quantity", true, Sign.POSITIVE);
        LocationCode to = p.code("to", true, LocationCode::new);
        String reason = p.freeText("reason", true);
        return build(p, n, () -> new Return(customer, reference, item, lot, quantity, to, reason));
    }

    private static Adjust adjust(JsonFields p) {
        int n = p.problems().list().size();
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        LocationCode location = p.code("location", true, LocationCode::new);
        Quantity delta = p.quantity("delta", true, Sign.NOT_ZERO);
        String reason = p.freeText("reason", true);
        return build(p, n, () -> new Adjust(item, lot, location, delta, reason));
    }

    private static Pack pack(JsonFields p) {
        int n = p.problems().list().size();
        Sscc sscc = p.code("sscc", true, Sscc::new);
        LocationCode location = p.code("location", true, LocationCode::new);
        List<ContainerLine> contents = p.objects("contents", true, 1, EventBounds.MAX_LINES, EventJson::containerLine);
        return build(p, n, () -> new Pack(sscc, location, contents));
    }

    private static Unpack unpack(JsonFields p) {
        int n = p.problems().list().size();
        Sscc sscc = p.code("sscc", true, Sscc::new);
        LocationCode location = p.code("location", true, LocationCode::new);
        List<ContainerLine> contents = p.objects("contents", true, 1, EventBounds.MAX_LINES, EventJson::containerLine);
        return build(p, n, () -> new Unpack(sscc, location, contents));
    }

    private static Inspect inspect(JsonFields p) {
        int n = p.problems().list().size();
        ItemCode item = p.code("item", true, ItemCode::new);
        LotCode lot = p.code("lot", true, LotCode::new);
        Long version = p.positiveLong("specificationVersion", true);
        InspectionSource source = p.enumValue("source", true, InspectionSource.class);
        UUID document = p.code("document", false, UUID::fromString);
        JsonFields r = p.object("retest", false);
        Inspect.Retest retest = r == null ? null : retest(r);
        boolean signsEarlier = retest != null && retest.basedOn() != null;
        List<Inspect.Result> results =
                p.objects("results", !signsEarlier, signsEarlier ? 0 : 1, EventBounds.MAX_LINES, EventJson::result);
        String reason = p.freeText("reason", false);
        Potency potency = p.code("potency", false, Potency::parse);
        if (version != null && version > Integer.MAX_VALUE) {
            p.problems()
                    .add(ErrorCode.OUT_OF_RANGE, p.path("specificationVersion"), "specificationVersion is too large");
        }
        return build(
                p,
                n,
                () -> new Inspect(
                        item,
                        lot,
                        version.intValue(),
                        source,
                        document,
                        results == null ? List.of() : results,
                        reason,
                        retest,
                        potency));
    }

    private static Inspect.Retest retest(JsonFields r) {
        int n = r.problems().list().size();
        LocalDate until = r.date("until", true);
        Long basedOn = r.positiveLong("basedOn", false);
        JsonFields s = r.object("signature", true);
        StatusChange.Signature signature = s == null ? null : signature(s);
        return build(r, n, () -> new Inspect.Retest(until, basedOn, signature));
    }

    private static Inspect.Result result(JsonFields r) {
        int n = r.problems().list().size();
        String test = r.freeText("test", true);
        String value = r.freeText("value", true);
        Judgement judgement = r.enumValue("judgement", true, Judgement.class);
        return build(r, n, () -> new Inspect.Result(test, value, judgement));
    }

    private static ContainerLine containerLine(JsonFields l) {
        int n = l.problems().list().size();
        ItemCode item = l.code("item", true, ItemCode::new);
        LotCode lot = l.code("lot", true, LotCode::new);
        Quantity quantity = l.quantity("quantity", true, Sign.POSITIVE);
        return build(l, n, () -> new ContainerLine(item, lot, quantity));
    }

    // ------------------------------------------------------------------ writing

    /** The event's wire form as UTF-8 JSON bytes. */
    public static byte[] write(Event event) {
        try {
            return MAPPER.writeValueAsBytes(toTree(event));
        } catch (JacksonException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event's wire form as a JSON string. */
    public static String writeString(Event event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }

    /** The event's wire form as a JSON tree, fields in docs/PROTOCOL.md's order. */
    public static ObjectNode toTree(Event event) {
        ObjectNode o = NODES.objectNode();
        o.put("eventId", event.eventId().toString());
        if (event.deviceSeq() != null) {
            o.put("deviceSeq", event.deviceSeq().longValue());
        }
        o.put("type", event.type().name());
        o.put("occurredAt", event.occurredAt().toString());
        o.put("userId", event.userId().value());
        o.put("site", event.site().value());
        o.set("payload", payloadTree(event.payload()));
        return o;
    }

    /** A payload's wire form as a JSON tree. */
    public static ObjectNode payloadTree(EventPayload payload) {
        return payload.accept(PAYLOAD_TREE).node;
    }

    /** Each payload type's fields, in wire order. */
    private static final EventPayload.Cases<Out> PAYLOAD_TREE = new EventPayload.Cases<>() {
        @Override
        public Out receive(Receive r) {
            return new Out()
                    .put("supplier", r.supplier())
                    .put("reference", r.reference())
                    .put("item", r.item())
                    .put("lot", r.lot())
                    .put("supplierLot", r.supplierLot())
                    .quantity("quantity", r.quantity())
                    .put("expiry", r.expiry())
                    .put("manufactured", r.manufactured())
                    .put("location", r.location())
                    .put("sscc", r.sscc())
                    .list("documents", r.documents(), d -> NODES.textNode(d.value()))
                    .put("retestDate", r.retestDate());
        }

        @Override
        public Out move(Move m) {
            return new Out()
                    .put("item", m.item())
                    .put("lot", m.lot())
                    .quantity("quantity", m.quantity())
                    .put("from", m.from())
                    .put("to", m.to())
                    .put("sscc", m.sscc());
        }

        @Override
        public Out pick(Pick k) {
            return new Out()
                    .put("order", k.order())
                    .put("item", k.item())
                    .put("lot", k.lot())
                    .quantity("quantity", k.quantity())
                    .put("from", k.from())
                    .put("to", k.to())
                    .put("customer", k.customer())
                    .put("suggestedLot", k.suggestedLot())
                    .put("deviationReason", k.deviationReason())
                    .put("note", k.note())
                    .put("sscc", k.sscc());
        }

        @Override
        public Out count(Count c) {
            return new Out()
                    .put("item", c.item())
                    .put("lot", c.lot())
                    .put("location", c.location())
                    .quantity("counted", c.counted())
                    .put("task", c.task());
        }

        @Override
        public Out ship(Ship s) {
            return new Out()
                    .put("shipment", s.shipment())
                    .put("customer", s.customer())
                    .put("item", s.item())
                    .put("lot", s.lot())
                    .quantity("quantity", s.quantity())
                    .put("from", s.from())
                    .put("sscc", s.sscc());
        }

        @Override
        public Out transferOut(TransferOut t) {
            return new Out()
                    .put("transfer", t.transfer())
                    .put("toSite", t.toSite())
                    .put("item", t.item())
                    .put("lot", t.lot())
                    .quantity("quantity", t.quantity())
                    .put("from", t.from())
                    .put("sscc", t.sscc());
        }

        @Override
        public Out transferIn(TransferIn t) {
            return new Out()
                    .put("transfer", t.transfer())
                    .put("fromSite", t.fromSite())
                    .put("item", t.item())
                    .put("lot", t.lot())
                    .quantity("quantity", t.quantity())
                    .put("to", t.to())
                    .put("sscc", t.sscc());
        }

        @Override
        public Out transform(Transform t) {
            return new Out()
                    .put("kind", t.kind())
                    .put("batch", t.batch())
                    .list(
                            "inputs",
                            t.inputs(),
                            i -> new Out()
                                    .put("item", i.item())
                                    .put("lot", i.lot())
                                    .quantity("quantity", i.quantity())
                                    .put("from", i.from())
                                    .put("potency", i.potency())
                                    .node)
                    .list(
                            "outputs",
                            t.outputs(),
                            u -> new Out()
                                    .put("item", u.item())
                                    .put("lot", u.lot())
                                    .quantity("quantity", u.quantity())
                                    .put("to", u.to())
                                    .put("expiry", u.expiry())
                                    .node);
        }

        @Override
        public Out status(StatusChange s) {
            Out o = new Out()
                    .put("item", s.item())
                    .put("lot", s.lot())
                    .put("status", s.status())
                    .put("reason", s.reason());
            if (s.signature() != null) {
                o.node.set("signature", signatureTree(s.signature()));
            }
            return o.put("concession", s.concession()).put("retestDate", s.retestDate());
        }

        @Override
        public Out returned(Return r) {
            return new Out()
                    .put("customer", r.customer())
                    .put("reference", r.reference())
                    .put("item", r.item())
                    .put("lot", r.lot())
                    .quantity("quantity", r.quantity())
                    .put("to", r.to())
                    .put("reason", r.reason());
        }

        @Override
        public Out adjust(Adjust a) {
            return new Out()
                    .put("item", a.item())
                    .put("lot", a.lot())
                    .put("location", a.location())
                    .quantity("delta", a.delta())
                    .put("reason", a.reason());
        }

        @Override
        public Out pack(Pack k) {
            return new Out()
                    .put("sscc", k.sscc())
                    .put("location", k.location())
                    .list("contents", k.contents(), EventJson::lineTree);
        }

        @Override
        public Out unpack(Unpack u) {
            return new Out()
                    .put("sscc", u.sscc())
                    .put("location", u.location())
                    .list("contents", u.contents(), EventJson::lineTree);
        }

        @Override
        public Out inspect(Inspect i) {
            Out o = new Out().put("item", i.item()).put("lot", i.lot());
            o.node.put("specificationVersion", i.specificationVersion());
            o.put("source", i.source())
                    .put("document", i.document())
                    .list(
                            "results",
                            i.results(),
                            r -> new Out()
                                    .put("test", r.test())
                                    .put("value", r.value())
                                    .put("judgement", r.judgement())
                                    .node)
                    .put("reason", i.reason());
            if (i.retest() != null) {
                Inspect.Retest t = i.retest();
                Out r = new Out().put("until", t.until());
                if (t.basedOn() != null) {
                    r.node.put("basedOn", t.basedOn().longValue());
                }
                r.node.set("signature", signatureTree(t.signature()));
                o.node.set("retest", r.node);
            }
            return o.put("potency", i.potency());
        }
    };

    private static JsonNode signatureTree(StatusChange.Signature g) {
        return new Out()
                .put("signer", g.signer())
                .put("name", g.name())
                .put("meaning", g.meaning())
                .put("signedAt", g.signedAt())
                .node;
    }

    /** A quantity's wire form: {@code {"value": "12.5", "uom": "KGM"}}. */
    public static ObjectNode quantityTree(Quantity q) {
        ObjectNode n = NODES.objectNode();
        n.put("value", q.valueText());
        n.put("uom", q.uom().name());
        return n;
    }

    private static JsonNode lineTree(ContainerLine l) {
        return new Out().put("item", l.item()).put("lot", l.lot()).quantity("quantity", l.quantity()).node;
    }

    /** Builds an object, skipping absent values; a value is written by its {@code toString()}. */
    private static final class Out {
        final ObjectNode node = NODES.objectNode();

        Out put(String name, Object value) {
            if (value != null) {
                node.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
            }
            return this;
        }

        Out quantity(String name, Quantity q) {
            if (q != null) {
                node.set(name, quantityTree(q));
            }
            return this;
        }

        <T> Out list(String name, List<T> values, Function<T, JsonNode> element) {
            if (!values.isEmpty()) {
                ArrayNode a = node.putArray(name);
                values.forEach(v -> a.add(element.apply(v)));
            }
            return this;
        }
    }

    // ------------------------------------------------------------------ canonical form

    /** The canonical bytes of an event (see the class comment). */
    public static byte[] canonicalBytes(Event event) {
        return canonicalBytes(toTree(event));
    }

    /**
     * The canonical bytes of any JSON tree: keys sorted, no whitespace, integers as written, other
     * numbers as the shortest {@link BigDecimal} text. Meant for an event's tree; the server may also
     * use it to fingerprint the raw content of an event it rejected.
     */
    public static byte[] canonicalBytes(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writeCanonical(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The canonical form as a string, for logs and tests. */
    public static String canonicalString(Event event) {
        return new String(canonicalBytes(event), StandardCharsets.UTF_8);
    }

    private static void writeCanonical(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(n.properties());
                fields.sort(Map.Entry.comparingByKey());
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : fields) {
                    g.writeFieldName(e.getKey());
                    writeCanonical(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : n) {
                    writeCanonical(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case NUMBER -> {
                if (n.isIntegralNumber()) {
                    g.writeNumber(n.bigIntegerValue());
                } else {
                    BigDecimal d = n.decimalValue().stripTrailingZeros();
                    g.writeNumber(
                            d.scale() < 0 && d.precision() - d.scale() <= 21
                                    ? d.setScale(0).toPlainString()
                                    : d.toString());
                }
            }
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            default -> g.writeNull();
        }
    }
}
