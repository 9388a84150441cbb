package org.lotkeeper.server.epcis;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openepcis.epc.eventhash.EventHashGenerator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.tasks.TaskService;

/**
 * Captures a partner's EPCIS 2.0 document event by event (docs/INTEROP.md, "EPCIS capture"). Each
 * event is stored in its own transaction with what it causes — or, refused, not at all — so a
 * document is never half-stored event-wise, and sending it again answers DUPLICATE for what is in.
 *
 * <ul>
 *   <li>A supplier's shipping ObjectEvent to a site of this plant (a destination with the site's
 *       GLN, or the site the capture names) with lot classes becomes an expected receipt: a
 *       RECEIPT task of the site whose lines are the items (by GTIN), the supplier's lot codes and
 *       quantities, and whose id is the despatch advice (else the purchase order) named.</li>
 *   <li>A TransformationEvent becomes upstream genealogy: each input with each output, joined to
 *       the plant's ledger where the plant received an output lot from that supplier.</li>
 *   <li>Every other event is stored as it came.</li>
 * </ul>
 */
@ApplicationScoped
public class EpcisCapture {

    /** What became of one event. */
    public enum Status {
        ACCEPTED,
        DUPLICATE,
        REFUSED
    }

    /** One event's outcome, in document order. */
    public record Result(
            int index,
            String eventID,
            String type,
            Status status,
            ErrorCode code,
            String reason,
            List<String> effects) {

        static Result duplicate(int index, String eventID, String type, String reason) {
            return new Result(index, eventID, type, Status.DUPLICATE, null, reason, List.of());
        }

        static Result refused(int index, String eventID, String type, ErrorCode code, String reason) {
            return new Result(index, eventID, type, Status.REFUSED, code, reason, List.of());
        }
    }

    /** The answer to a capture. */
    public record Answer(
            UUID captureId,
            String partner,
            String capturedBy,
            Instant capturedAt,
            int events,
            int accepted,
            int duplicates,
            int refused,
            List<Result> results) {}

    private static final String HASH_ALGORITHM = "sha-256";

    @Inject
    DataSource dataSource;

    @Inject
    MasterDataLookup masterData;

    @Inject
    TaskService tasks;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Captures {@code body} as the events of supplier {@code partnerCode}, into {@code site} where a shipment names none. */
    public Answer capture(Actor by, String partnerCode, String site, byte[] body) {
        if (by.isPartner()) {
            if (partnerCode != null && !partnerCode.isEmpty() && !partnerCode.equals(by.partner())) {
                throw Refused.of(
                        ErrorCode.ROLE_NOT_ALLOWED,
                        "this credential captures " + by.partner() + "'s events, not " + partnerCode + "'s",
                        "partner");
            }
            partnerCode = by.partner();
        }
        String partner = Fields.code("partner", partnerCode, PartnerCode::of);
        MasterDataLookup.PartnerInfo info =
                masterData.partners(List.of(partner)).get(partner);
        if (info == null || info.kind() != PartnerKind.SUPPLIER) {
            throw Refused.invalid(
                    ErrorCode.UNKNOWN_PARTNER,
                    "partner " + partner + " is not a supplier in master data: the events are captured as a supplier's",
                    "partner");
        }
        if (site != null && !site.isBlank()) {
            if (!masterData.exists(site)) {
                throw Refused.invalid(ErrorCode.UNKNOWN_SITE, "site " + site + " is not in master data", "site");
            }
            if (!by.canReach(site)) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + site, "site");
            }
        }
        EpcisDocument doc = EpcisDocument.read(body);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew()
                .run(() -> Jdbc.withConnection(
                        dataSource,
                        "capture",
                        c -> Jdbc.update(
                                c,
                                "INSERT INTO epcis_capture (id, partner, captured_by, captured_at, document_sha256, events) "
                                        + "VALUES (?, ?, ?, ?, ?, ?)",
                                id,
                                partner,
                                by.id(),
                                now,
                                sha256(body),
                                doc.events().size())));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < doc.events().size(); i++) {
            results.add(one(by, id, partner, blankToNull(site), doc, i));
        }
        int accepted = count(results, Status.ACCEPTED);
        int duplicates = count(results, Status.DUPLICATE);
        int refused = count(results, Status.REFUSED);
        Answer answer = new Answer(id, partner, by.id(), now, results.size(), accepted, duplicates, refused, results);
        QuarkusTransaction.requiringNew().run(() -> {
            Jdbc.withConnection(
                    dataSource,
                    "capture",
                    c -> Jdbc.update(
                            c,
                            "UPDATE epcis_capture SET accepted = ?, duplicates = ?, refused = ?, results = ? WHERE id = ?",
                            accepted,
                            duplicates,
                            refused,
                            write(results),
                            id));
            audit.record(
                    by.id(),
                    "EPCIS_CAPTURED",
                    id.toString(),
                    null,
                    "from " + partner + ": " + results.size() + " events, " + accepted + " accepted, " + duplicates
                            + " duplicate, " + refused + " refused");
        });
        return answer;
    }

    /** A capture as answered, or empty. */
    public Optional<Answer> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Jdbc.withConnection(
                        dataSource,
                        "capture",
                        c -> Jdbc.query(
                                c,
                                "SELECT partner, captured_by, captured_at, events, accepted, duplicates, refused, results "
                                        + "FROM epcis_capture WHERE id = ?",
                                rs -> new Answer(
                                        uuid,
                                        rs.getString("partner"),
                                        rs.getString("captured_by"),
                                        Jdbc.instant(rs, "captured_at"),
                                        rs.getInt("events"),
                                        rs.getInt("accepted"),
                                        rs.getInt("duplicates"),
                                        rs.getInt("refused"),
                                        read(rs.getString("results"))),
                                uuid))
                .stream()
                .findFirst();
    }

    private Result one(Actor by, UUID captureId, String partner, String site, EpcisDocument doc, int index) {
        ObjectNode event = doc.events().get(index);
        String type = event.path("type").asText();
        String given = event.hasNonNull("eventID") ? event.get("eventID").asText() : null;
        String contentHash;
        try {
            contentHash = eventHash(event, doc.context());
        } catch (RuntimeException e) {
            return Result.refused(
                    index,
                    given,
                    type,
                    ErrorCode.BAD_FORMAT,
                    "GS1's event hash cannot be computed for this event: " + e.getMessage());
        }
        String key = given == null ? contentHash : given;
        if (key.length() > 512) {
            return Result.refused(index, given, type, ErrorCode.TOO_LONG, "eventID has more than 512 characters");
        }
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> Jdbc.withConnection(dataSource, "capture", c -> {
                        Optional<Stored> before = stored(c, "event_key = ?", key);
                        if (before.isPresent() && !before.get().contentHash().equals(contentHash)) {
                            throw Refused.of(
                                    ErrorCode.EVENT_ID_CONFLICT,
                                    "another event was captured under eventID " + key + " ("
                                            + before.get().describe() + "); this one is different");
                        }
                        // the same event again, under its ID or under another (or none): its CBV hash
                        Optional<Stored> same =
                                before.isPresent() ? before : stored(c, "content_hash = ? LIMIT 1", contentHash);
                        if (same.isPresent()) {
                            return Result.duplicate(
                                    index,
                                    key,
                                    type,
                                    "captured before (" + same.get().describe() + "); stored once");
                        }
                        return store(c, by, captureId, partner, site, event, key, contentHash, index);
                    }));
        } catch (Refused r) {
            return Result.refused(index, key, type, r.code(), r.getMessage());
        }
    }

    private Result store(
            Connection c,
            Actor by,
            UUID captureId,
            String partner,
            String site,
            ObjectNode event,
            String key,
            String contentHash,
            int index)
            throws SQLException {
        String type = event.path("type").asText();
        String bizStep = limited(EpcIds.vocabulary(event.path("bizStep").asText(null)), 256, "bizStep");
        Instant eventTime;
        try {
            eventTime = OffsetDateTime.parse(event.path("eventTime").asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refused.invalid(ErrorCode.BAD_FORMAT, "eventTime is not a date and time with an offset", "eventTime");
        }
        int inserted = Jdbc.update(
                c,
                "INSERT INTO epcis_event (event_key, content_hash, capture_id, partner, event_type, event_time, biz_step, body) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING",
                key,
                contentHash,
                captureId,
                partner,
                type,
                eventTime,
                bizStep,
                write(event));
        if (inserted == 0) { // another capture stored it a moment ago
            return Result.duplicate(index, key, type, "captured by another capture just now; stored once");
        }
        List<String> effects = new ArrayList<>();
        if ("TransformationEvent".equals(type)) {
            effects.add(upstream(c, partner, key, event));
        } else if ("ObjectEvent".equals(type) && "shipping".equals(bizStep)) {
            effects.add(expectedReceipt(c, by, partner, site, event, key));
        } else {
            effects.add("stored");
        }
        return new Result(index, key, type, Status.ACCEPTED, null, null, effects);
    }

    /** Each input with each output of a supplier's transformation. */
    private static String upstream(Connection c, String partner, String key, ObjectNode event) throws SQLException {
        List<Quantified> inputs = quantified(event, "inputQuantityList", "inputEPCList");
        List<Quantified> outputs = quantified(event, "outputQuantityList", "outputEPCList");
        int links = 0;
        for (Quantified out : outputs) {
            Optional<EpcIds.Product> op = EpcIds.product(out.epc());
            for (Quantified in : inputs) {
                Optional<EpcIds.Product> ip = EpcIds.product(in.epc());
                Jdbc.update(
                        c,
                        "INSERT INTO upstream_link (event_key, partner, output_epc, output_gtin, output_lot, input_epc, "
                                + "input_gtin, input_lot, input_quantity, input_uom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        key,
                        partner,
                        limited(EpcIds.canonical(out.epc()), 1024, "output"),
                        op.map(EpcIds.Product::gtin).orElse(null),
                        limited(op.map(EpcIds.Product::lot).orElse(null), 80, "output lot"),
                        limited(EpcIds.canonical(in.epc()), 1024, "input"),
                        ip.map(EpcIds.Product::gtin).orElse(null),
                        limited(ip.map(EpcIds.Product::lot).orElse(null), 80, "input lot"),
                        in.quantity(),
                        limited(in.uom(), 16, "uom"));
                links++;
            }
        }
        return "upstream genealogy: " + inputs.size() + " input(s) to " + outputs.size() + " output(s), " + links
                + " link(s)";
    }

    /** A shipping event to one of the plant's sites: an expected receipt (RECEIPT task) of its lots. */
    private String expectedReceipt(Connection c, Actor by, String partner, String site, ObjectNode event, String key)
            throws SQLException {
        String to = destinationSite(c, event).orElse(site);
        List<TaskService.LineRequest> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<String, String> items = new HashMap<>();
        for (Quantified q : quantified(event, "quantityList", null)) {
            Optional<EpcIds.Product> p = EpcIds.product(q.epc());
            if (p.isEmpty() || p.get().lot() == null) {
                continue;
            }
            String item = items.computeIfAbsent(p.get().gtin(), g -> itemOf(c, g));
            if (item == null) {
                unknown.add(p.get().gtin());
                continue;
            }
            lines.add(new TaskService.LineRequest(item, p.get().lot(), null, q.quantity(), q.uom(), null));
        }
        if (to == null || (lines.isEmpty() && unknown.isEmpty())) {
            return "stored; not an advance ship notice for this plant (no destination with a site's GLN, or no lots)";
        }
        if (!unknown.isEmpty()) {
            throw Refused.of(
                    ErrorCode.UNKNOWN_ITEM,
                    "GTIN " + String.join(", ", unknown) + " is no item in master data: add the item with its GTIN, "
                            + "then send the event again");
        }
        String named = namedReference(event);
        String reference = named != null
                ? named
                : "ASN-"
                        + sha256(key.getBytes(StandardCharsets.UTF_8))
                                .substring(0, 12)
                                .toUpperCase(java.util.Locale.ROOT);
        String shipFrom = shipFrom(partner, event);
        TaskService.TaskView task = tasks.expectedReceipt(
                by, new TaskService.TaskRequest(reference, to, "RECEIPT", partner, null, lines, null, shipFrom));
        Jdbc.update(c, "UPDATE epcis_event SET expected_receipt = ? WHERE event_key = ?", task.id(), key);
        return "expected receipt " + task.id()
                + (named == null && event.path("bizTransactionList").size() > 0
                        ? " (the event's despatch advice and purchase order numbers are too long or not printable, "
                                + "so it has a number of its own)"
                        : "")
                + " at " + to + ": " + lines.size() + " line(s)"
                + (task.lines().size() > lines.size() ? ", " + task.lines().size() + " in all" : "");
    }

    /** The supplier's own location (master data's partner locations) whose GLN a source carries, if one does. */
    private String shipFrom(String partner, ObjectNode event) {
        List<MasterDataLookup.PartnerLocationInfo> places =
                masterData.partnerLocations(List.of(partner)).getOrDefault(partner, List.of());
        for (JsonNode source : event.path("sourceList")) {
            Optional<String> gln = EpcIds.gln(source.path("source").asText(""));
            for (MasterDataLookup.PartnerLocationInfo place : places) {
                if (gln.isPresent() && gln.get().equals(place.gln())) {
                    return place.code();
                }
            }
        }
        return null;
    }

    /** The site whose GLN a destination (owning party or location) carries. */
    private Optional<String> destinationSite(Connection c, ObjectNode event) throws SQLException {
        for (JsonNode d : event.path("destinationList")) {
            Optional<String> gln = EpcIds.gln(d.path("destination").asText(""));
            if (gln.isPresent()) {
                List<String> site =
                        Jdbc.query(c, "SELECT code FROM site WHERE gln = ?", rs -> rs.getString(1), gln.get());
                if (!site.isEmpty()) {
                    return Optional.of(site.get(0));
                }
            }
        }
        return Optional.empty();
    }

    private static String itemOf(Connection c, String gtin) {
        try {
            List<String> code = Jdbc.query(c, "SELECT code FROM item WHERE gtin = ?", rs -> rs.getString(1), gtin);
            return code.isEmpty() ? null : code.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("item by GTIN", e);
        }
    }

    /**
     * The despatch advice's (else the purchase order's) own number — the last segment of its
     * identifier — where it is a valid reference; else null (the expected receipt then gets
     * {@code ASN-} and the start of the event's key).
     */
    static String namedReference(ObjectNode event) {
        for (String type : List.of("desadv", "po")) {
            for (JsonNode bt : event.path("bizTransactionList")) {
                if (type.equals(EpcIds.vocabulary(bt.path("type").asText("")))) {
                    String id = bt.path("bizTransaction").asText("");
                    String last = id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf(':')) + 1);
                    try {
                        return Reference.of(java.net.URLDecoder.decode(last, StandardCharsets.UTF_8))
                                .value();
                    } catch (IllegalArgumentException notAReference) {
                        // fall through to the next
                    }
                }
            }
        }
        return null;
    }

    private record Quantified(String epc, BigDecimal quantity, String uom) {}

    /** A list of quantities (epcClass, quantity, uom) and, when named, a list of instances (quantity 1, no unit). */
    private static List<Quantified> quantified(ObjectNode event, String quantities, String instances) {
        List<Quantified> out = new ArrayList<>();
        for (JsonNode q : event.path(quantities)) {
            out.add(new Quantified(
                    q.path("epcClass").asText(),
                    q.hasNonNull("quantity") ? q.get("quantity").decimalValue() : null,
                    q.hasNonNull("uom") ? q.get("uom").asText() : null));
        }
        if (instances != null) {
            for (JsonNode epc : event.path(instances)) {
                out.add(new Quantified(epc.asText(), BigDecimal.ONE, null));
            }
        }
        return out;
    }

    private static String limited(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw Refused.invalid(ErrorCode.TOO_LONG, what + " has more than " + max + " characters", what);
        }
        return value;
    }

    /** An event captured before: its key and content hash, and who captured it as whose. */
    private record Stored(String key, String contentHash, String partner, String capturedBy, UUID captureId) {
        String describe() {
            return key + ", capture " + captureId + " by " + capturedBy + " as " + partner + "'s";
        }
    }

    private static Optional<Stored> stored(Connection c, String where, String value) throws SQLException {
        return Jdbc.query(
                        c,
                        "SELECT e.event_key, e.content_hash, e.partner, x.captured_by, e.capture_id FROM epcis_event e "
                                + "JOIN epcis_capture x ON x.id = e.capture_id WHERE e." + where,
                        rs -> new Stored(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, UUID.class)),
                        value)
                .stream()
                .findFirst();
    }

    /** GS1's CBV 2.0 event hash ({@code ni:///sha-256;…?ver=CBV2.0}), by OpenEPCIS's generator. */
    static String eventHash(ObjectNode event, Map<String, String> context) {
        ObjectNode copy = event.deepCopy();
        copy.remove("eventID");
        return new EventHashGenerator().fromObjectNode(copy, context, HASH_ALGORITHM);
    }

    private static int count(List<Result> results, Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Result> read(String results) {
        if (results == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(results, Result[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored capture results cannot be read", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
