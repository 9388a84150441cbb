package org.lotkeeper.model.wire;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

/**
 * The configured Jackson mapper for Lotkeeper's wire records, shared by server and device.
 *
 * <ul>
 *   <li>{@link JsonLimits} (nesting, sizes, duplicate keys refused), trailing tokens refused.</li>
 *   <li>Unknown properties ignored; absent ({@code null}) properties not written.</li>
 *   <li>Identifiers ({@link ItemCode}, {@link LotCode}, {@link EventId} …, {@link Reference}) as
 *       plain strings, validated on reading.</li>
 *   <li>{@link Quantity} as {@code {"value": "12.5", "uom": "KGM"}} (the value must be a JSON
 *       string); {@link PackUnit} as {@code {"code": "PAIL", "factor": "20"}}.</li>
 *   <li>{@link Instant} as {@code 2026-11-25T08:15:02.123Z}; {@link LocalDate} as {@code 2027-01-31}
 *       (no jsr310 module needed).</li>
 *   <li>{@link Event} through {@link EventJson}; a bad event fails the whole read with a mapping
 *       error. The server reads pushes with {@link PushRequestReader} instead.</li>
 *   <li>{@link PushResult}: a REJECTED result is written without {@code ledgerSeq} and
 *       {@code flags}; {@link Flag} values this client does not know are dropped on reading, so
 *       old devices survive new flags. Other enums are strict.</li>
 * </ul>
 * Use {@link #read(byte[], Class)} to get a {@link Decoded} with a field path instead of an exception.
 */
public final class WireJson {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper MAPPER = newMapper();

    private WireJson() {}

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the same configuration, for callers that want to add to it. */
    public static ObjectMapper newMapper() {
        return JsonLimits.mapperBuilder()
                .addModule(module())
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The Jackson module with Lotkeeper's value types, for a framework's own mapper (Quarkus). */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("lotkeeper-wire");
        scalar(m, ItemCode.class, ItemCode::new);
        scalar(m, LotCode.class, LotCode::new);
        scalar(m, LocationCode.class, LocationCode::new);
        scalar(m, PartnerCode.class, PartnerCode::new);
        scalar(m, SiteCode.class, SiteCode::new);
        scalar(m, UserId.class, UserId::new);
        scalar(m, DeviceId.class, DeviceId::new);
        scalar(m, EventId.class, EventId::parse);
        scalar(m, Sscc.class, Sscc::new);
        scalar(m, Gtin.class, Gtin::new);
        scalar(m, Gln.class, Gln::new);
        scalar(m, CompanyPrefix.class, CompanyPrefix::new);
        scalar(m, Potency.class, Potency::parse);
        scalar(m, Reference.class, Reference::new);
        scalar(m, Instant.class, WireJson::parseInstant);
        scalar(m, LocalDate.class, WireJson::parseDate);
        m.addSerializer(Quantity.class, new JsonSerializer<>() {
            @Override
            public void serialize(Quantity q, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartObject();
                g.writeStringField("value", q.valueText());
                g.writeStringField("uom", q.uom().name());
                g.writeEndObject();
            }
        });
        m.addDeserializer(Quantity.class, new JsonDeserializer<>() {
            @Override
            public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode n = ctxt.readTree(p);
                return valueOf(p, ctxt, n, Quantity.class, () -> Quantity.parse(text(n, "value"), text(n, "uom")));
            }
        });
        m.addSerializer(PackUnit.class, new JsonSerializer<>() {
            @Override
            public void serialize(PackUnit u, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartObject();
                g.writeStringField("code", u.code());
                g.writeStringField("factor", u.factor().stripTrailingZeros().toPlainString());
                g.writeEndObject();
            }
        });
        m.addDeserializer(PackUnit.class, new JsonDeserializer<>() {
            @Override
            public PackUnit deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode n = ctxt.readTree(p);
                // the factor follows the quantity rules: a plain decimal string, no exponent
                return valueOf(
                        p,
                        ctxt,
                        n,
                        PackUnit.class,
                        () -> new PackUnit(
                                text(n, "code"),
                                Quantity.of(text(n, "factor"), Uom.H87).value()));
            }
        });
        m.addSerializer(Event.class, new JsonSerializer<>() {
            @Override
            public void serialize(Event e, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeTree(EventJson.toTree(e));
            }
        });
        m.addDeserializer(Event.class, new JsonDeserializer<>() {
            @Override
            public Event deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode n = ctxt.readTree(p);
                Decoded<Event> d = EventJson.read(n, "");
                if (!d.isOk()) {
                    FieldProblem first = d.firstProblem();
                    return ctxt.reportInputMismatch(Event.class, "%s", first.toString());
                }
                return d.value();
            }
        });
        m.addSerializer(PushResult.class, new JsonSerializer<>() {
            @Override
            public void serialize(PushResult r, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartObject();
                g.writeStringField("eventId", r.eventId().toString());
                g.writeStringField("status", r.status().name());
                if (r.ledgerSeq() != null) {
                    g.writeNumberField("ledgerSeq", r.ledgerSeq());
                }
                if (r.status() != PushStatus.REJECTED) {
                    g.writeArrayFieldStart("flags");
                    for (Flag f : r.flags()) {
                        g.writeString(f.name());
                    }
                    g.writeEndArray();
                }
                if (r.error() != null) {
                    g.writeFieldName("error");
                    p.defaultSerializeValue(r.error(), g);
                }
                g.writeEndObject();
            }
        });
        m.addDeserializer(Flag.class, new JsonDeserializer<>() {
            @Override
            public Flag deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return ctxt.reportInputMismatch(Flag.class, "a flag must be a string");
                }
                String s = p.getText();
                for (Flag f : Flag.values()) {
                    if (f.name().equals(s)) {
                        return f;
                    }
                }
                return null; // a flag of a newer server: dropped by PushResult
            }
        });
        return m;
    }

    private static <T> void scalar(SimpleModule m, Class<T> type, Function<String, T> parse) {
        m.addSerializer(type, ToStringSerializer.instance);
        m.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return ctxt.reportInputMismatch(type, "%s must be a JSON string", type.getSimpleName());
                }
                String s = p.getText();
                try {
                    return parse.apply(s);
                } catch (RuntimeException e) {
                    throw InvalidFormatException.from(p, JsonFields.messageOf(e), s, type);
                }
            }
        });
    }

    private interface Maker<T> {
        T make();
    }

    private static <T> T valueOf(JsonParser p, DeserializationContext ctxt, JsonNode n, Class<T> type, Maker<T> make)
            throws IOException {
        if (!n.isObject()) {
            return ctxt.reportInputMismatch(type, "%s must be a JSON object", type.getSimpleName());
        }
        try {
            return make.make();
        } catch (RuntimeException e) {
            throw InvalidFormatException.from(p, JsonFields.messageOf(e), n.toString(), type);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a JSON string");
        }
        return v.textValue();
    }

    /** An instant in the wire form {@code YYYY-MM-DDThh:mm:ss[.fff]Z}; no other offsets. */
    public static Instant parseInstant(String s) {
        if (s == null || s.length() > 40 || !INSTANT.matcher(s).matches()) {
            throw new IllegalArgumentException("not a UTC time like 2026-11-25T08:15:02.123Z");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid UTC time");
        }
    }

    /** A date in the wire form {@code YYYY-MM-DD}. */
    public static LocalDate parseDate(String s) {
        if (s == null || !DATE.matcher(s).matches()) {
            throw new IllegalArgumentException("not a date like 2027-01-31");
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid date");
        }
    }

    // ------------------------------------------------------------------ reading without exceptions

    /**
     * Reads {@code json} as {@code type} with {@link #mapper()}; never throws for bad input.
     * Problems carry the JSON path of the failing value ({@code lots[2].status}).
     */
    public static <T> Decoded<T> read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            return Decoded.failed(new FieldProblem(ErrorCode.MALFORMED_JSON, null, "the body is empty"));
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                return Decoded.failed(new FieldProblem(ErrorCode.MISSING_FIELD, null, "the body is null"));
            }
            return Decoded.ok(value);
        } catch (JacksonException e) {
            return Decoded.failed(problemOf(e));
        } catch (IOException | RuntimeException e) {
            return Decoded.failed(new FieldProblem(
                    ErrorCode.MALFORMED_JSON,
                    null,
                    "unreadable JSON: " + e.getClass().getSimpleName()));
        }
    }

    /** A Jackson failure as a problem with the path of the failing value. */
    public static FieldProblem problemOf(JacksonException e) {
        if (isParserFailure(e)) {
            return new FieldProblem(ErrorCode.MALFORMED_JSON, null, "malformed JSON: " + EventJson.brief(e));
        }
        String field = null;
        if (e instanceof JsonMappingException me) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : me.getPath()) {
                if (r.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            field = path.length() == 0 ? null : path.toString();
        }
        ErrorCode code;
        String detail = EventJson.brief(e);
        if (e instanceof ValueInstantiationException vi && vi.getCause() instanceof RuntimeException cause) {
            code = cause instanceof NullPointerException ? ErrorCode.MISSING_FIELD : JsonFields.codeOf(cause);
            detail = JsonFields.messageOf(cause);
        } else if (e instanceof InvalidFormatException fe) {
            code = fe.getTargetType() != null && fe.getTargetType().isEnum()
                    ? ErrorCode.UNKNOWN_ENUM
                    : ErrorCode.BAD_FORMAT;
        } else if (e instanceof MismatchedInputException) {
            code = ErrorCode.WRONG_TYPE;
        } else {
            code = ErrorCode.INVALID_FIELD;
        }
        return new FieldProblem(code, field, detail);
    }

    /** Malformed input or a broken parser limit, possibly wrapped by databind. */
    private static boolean isParserFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /** Writes a wire record as UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
