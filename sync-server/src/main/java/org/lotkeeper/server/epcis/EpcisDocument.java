package org.lotkeeper.server.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;

/**
 * An EPCIS 2.0 document as a partner sent it, read defensively: at most {@value #MAX_BYTES} bytes
 * and {@value #MAX_EVENTS} events, nested at most {@value #MAX_DEPTH} deep, no key twice in an
 * object, and valid against GS1's EPCIS 2.0 JSON schema (a copy in {@code epcis/}, with format
 * assertions). Anything else is refused whole, as a problem naming where it lies.
 */
public record EpcisDocument(ObjectNode document, List<ObjectNode> events, Map<String, String> context) {

    public static final int MAX_BYTES = 16 * 1024 * 1024;
    public static final int MAX_EVENTS = 10_000;
    static final int MAX_DEPTH = 32;
    private static final int MAX_PROBLEMS = 20;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(1_000_000)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Schema SCHEMA = loadSchema();

    static final List<String> EVENT_TYPES =
            List.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");

    /** The document in {@code body}, or a refusal saying what is wrong with it. */
    public static EpcisDocument read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw Refused.of(
                    ErrorCode.TOO_LARGE, "an EPCIS document may have at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (StreamConstraintsException e) {
            throw Refused.invalid(
                    ErrorCode.MALFORMED_JSON,
                    "the document breaks a limit: it nests deeper than " + MAX_DEPTH
                            + " levels, or holds a string or number too long to be a field",
                    null);
        } catch (JsonProcessingException e) {
            throw Refused.invalid(
                    ErrorCode.MALFORMED_JSON,
                    "the document is not JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(root instanceof ObjectNode doc)) {
            throw Refused.invalid(ErrorCode.WRONG_TYPE, "an EPCIS document is a JSON object", null);
        }
        if (!"EPCISDocument".equals(doc.path("type").asText())) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "type must be EPCISDocument (a capture takes EPCIS 2.0 documents)",
                    "type");
        }
        JsonNode list = doc.path("epcisBody").path("eventList");
        if (list.isArray() && list.size() > MAX_EVENTS) {
            throw Refused.of(
                    ErrorCode.TOO_MANY_EVENTS,
                    "a document may carry at most " + MAX_EVENTS + " events; this one has " + list.size(),
                    "epcisBody.eventList");
        }
        // A JSON-LD blank node ("_:document1", as in GS1's own examples) names the document
        // locally; the schema's URI format would refuse it, so it is not checked.
        if (doc.path("id").asText("").startsWith("_:")) {
            doc.remove("id");
        }
        checkEventTypes(list);
        checkSchema(doc);
        List<ObjectNode> events = new ArrayList<>();
        list.forEach(e -> events.add((ObjectNode) e));
        return new EpcisDocument(doc, events, context(doc.path("@context")));
    }

    /** Each event's type is one of EPCIS 2.0's (the schema's own answer to another is about URIs). */
    private static void checkEventTypes(JsonNode list) {
        ValidationErrors problems = new ValidationErrors();
        for (int i = 0; i < list.size() && problems.size() < MAX_PROBLEMS; i++) {
            JsonNode type = list.get(i).path("type");
            if (!EVENT_TYPES.contains(type.asText(""))) {
                String field = "epcisBody.eventList[" + i + "].type";
                problems.add(
                        field,
                        ErrorCode.UNKNOWN_ENUM,
                        field + " must be one of " + String.join(", ", EVENT_TYPES) + " (EPCIS 2.0's event types)");
            }
        }
        problems.throwIfAny();
    }

    private static void checkSchema(ObjectNode doc) {
        List<Error> errors;
        try {
            errors = SCHEMA.validate(STRICT.writeValueAsString(doc), InputFormat.JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (errors.isEmpty()) {
            return;
        }
        ValidationErrors problems = new ValidationErrors();
        // a wrong type or value first: the schema's alternatives (one per event shape) add
        // "required property" complaints about shapes the event never meant to have
        errors.stream()
                .sorted(java.util.Comparator.comparingInt(e -> "required".equals(e.getKeyword()) ? 1 : 0))
                .map(e -> java.util.Map.entry(e.getInstanceLocation().toString(), e.toString()))
                .distinct()
                .limit(MAX_PROBLEMS)
                .forEach(e -> problems.add(
                        field(e.getKey()),
                        ErrorCode.BAD_FORMAT,
                        "not valid EPCIS 2.0 (GS1's schema): " + e.getValue()));
        problems.throwIfAny();
    }

    /** A JSON Pointer or path from the validator ({@code /epcisBody/eventList/0/action}) as a field ({@code epcisBody.eventList[0].action}). */
    static String field(String location) {
        String s = location.startsWith("$") ? location.substring(1) : location;
        StringBuilder out = new StringBuilder();
        for (String part : s.split("[/.]")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(part);
            }
        }
        return out.length() == 0 ? null : out.toString().replace(".[", "[");
    }

    /** The prefixes the document's {@code @context} defines (extension namespaces), for the event hash. */
    private static Map<String, String> context(JsonNode context) {
        Map<String, String> out = new LinkedHashMap<>();
        List<JsonNode> parts = new ArrayList<>();
        if (context.isArray()) {
            context.forEach(parts::add);
        } else {
            parts.add(context);
        }
        for (JsonNode part : parts) {
            if (part.isObject()) {
                part.fields().forEachRemaining(f -> {
                    if (f.getValue().isTextual()) {
                        out.put(f.getKey(), f.getValue().asText());
                    }
                });
            }
        }
        return out;
    }

    private static Schema loadSchema() {
        try (InputStream in =
                EpcisDocument.class.getClassLoader().getResourceAsStream("epcis/EPCIS-JSON-Schema.json")) {
            if (in == null) {
                throw new IllegalStateException("epcis/EPCIS-JSON-Schema.json is missing from the server");
            }
            String schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_7,
                            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(schema, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a JSON text; empty when valid (for tests of what the server writes). */
    public static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }
}
