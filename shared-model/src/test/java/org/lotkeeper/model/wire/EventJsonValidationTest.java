package org.lotkeeper.model.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lotkeeper.model.event.Event;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonValidationTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fixture → the required fields of its type (besides the envelope's). */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(
                    "receive-all-fields.json",
                    List.of(
                            "payload.supplier",
                            "payload.reference",
                            "payload.item",
                            "payload.lot",
                            "payload.quantity",
                            "payload.quantity.value",
                            "payload.quantity.uom",
                            "payload.location")),
            Map.entry(
                    "move-sscc.json",
                    List.of("payload.item", "payload.lot", "payload.quantity", "payload.from", "payload.to")),
            Map.entry(
                    "pick-deviation-riverside.json",
                    List.of(
                            "payload.order",
                            "payload.item",
                            "payload.lot",
                            "payload.quantity",
                            "payload.from",
                            "payload.to")),
            Map.entry(
                    "count-task-zero.json",
                    List.of(
                            "payload.item",
                            "payload.lot",
                            "payload.location",
                            "payload.counted",
                            "payload.counted.value",
                            "payload.counted.uom")),
            Map.entry(
                    "ship-sscc.json",
                    List.of(
                            "payload.shipment",
                            "payload.customer",
                            "payload.item",
                            "payload.lot",
                            "payload.quantity",
                            "payload.from")),
            Map.entry(
                    "transform-split-expiry.json",
                    List.of(
                            "payload.kind",
                            "payload.batch",
                            "payload.inputs",
                            "payload.outputs",
                            "payload.inputs[0].item",
                            "payload.inputs[0].lot",
                            "payload.inputs[0].quantity",
                            "payload.inputs[0].from",
                            "payload.outputs[1].item",
                            "payload.outputs[1].lot",
                            "payload.outputs[1].quantity",
                            "payload.outputs[1].quantity.uom",
                            "payload.outputs[1].to")),
            Map.entry("status-hold.json", List.of("payload.item", "payload.lot", "payload.status", "payload.reason")),
            Map.entry(
                    "return-riverside.json",
                    List.of(
                            "payload.customer",
                            "payload.reference",
                            "payload.item",
                            "payload.lot",
                            "payload.quantity",
                            "payload.to",
                            "payload.reason")),
            Map.entry(
                    "adjust-scrap.json",
                    List.of("payload.item", "payload.lot", "payload.location", "payload.delta", "payload.reason")),
            Map.entry(
                    "pack.json",
                    List.of(
                            "payload.sscc",
                            "payload.location",
                            "payload.contents",
                            "payload.contents[1].item",
                            "payload.contents[1].lot",
                            "payload.contents[1].quantity")),
            Map.entry(
                    "unpack.json",
                    List.of(
                            "payload.sscc",
                            "payload.location",
                            "payload.contents",
                            "payload.contents[0].quantity.value")));

    private static final List<String> ENVELOPE = List.of("eventId", "type", "occurredAt", "userId", "site", "payload");

    /** Fixture → its optional fields. */
    private static final Map<String, List<String>> OPTIONAL = Map.of(
            "receive-all-fields.json",
                    List.of(
                            "payload.supplierLot",
                            "payload.expiry",
                            "payload.manufactured",
                            "payload.sscc",
                            "payload.documents",
                            "deviceSeq"),
            "move-sscc.json", List.of("payload.sscc"),
            "pick-deviation-riverside.json",
                    List.of("payload.customer", "payload.suggestedLot", "payload.deviationReason", "payload.note"),
            "count-task-zero.json", List.of("payload.task"),
            "ship-sscc.json", List.of("payload.sscc"),
            "transform-split-expiry.json", List.of("payload.outputs[0].expiry"));

    static Stream<Arguments> requiredFields() {
        List<Arguments> out = new ArrayList<>();
        REQUIRED.forEach((fixture, fields) -> {
            fields.forEach(f -> out.add(Arguments.of(fixture, f)));
            ENVELOPE.forEach(f -> out.add(Arguments.of(fixture, f)));
        });
        return out.stream();
    }

    static Stream<Arguments> optionalFields() {
        List<Arguments> out = new ArrayList<>();
        OPTIONAL.forEach((fixture, fields) -> fields.forEach(f -> out.add(Arguments.of(fixture, f))));
        return out.stream();
    }

    private static FieldProblem onlyProblem(JsonNode event) {
        Decoded<Event> read = Fixtures.read(event);
        assertThat(read.isOk()).as("expected a problem").isFalse();
        assertThat(read.problems()).hasSize(1);
        return read.firstProblem();
    }

    private static void assertProblem(JsonNode event, ErrorCode code, String field) {
        FieldProblem p = onlyProblem(event);
        assertThat(p.code()).as(p.toString()).isEqualTo(code);
        assertThat(p.field()).as(p.toString()).isEqualTo(field);
        assertThat(p.detail()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void missingRequiredFieldIsReportedAtItsPath(String fixture, String field) {
        assertProblem(Fixtures.without(Fixtures.tree(fixture), field), ErrorCode.MISSING_FIELD, field);
    }

    @ParameterizedTest(name = "{0} with null {1}")
    @MethodSource("requiredFields")
    void nullRequiredFieldIsReportedAsMissing(String fixture, String field) {
        assertProblem(Fixtures.with(Fixtures.tree(fixture), field, NODES.nullNode()), ErrorCode.MISSING_FIELD, field);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("optionalFields")
    void absentOptionalFieldIsFine(String fixture, String field) throws Exception {
        Decoded<Event> read = Fixtures.read(Fixtures.without(Fixtures.tree(fixture), field));

        assertThat(read.problems()).isEmpty();
        assertThat(Fixtures.JSON.readTree(EventJson.write(read.value())))
                .isEqualTo(Fixtures.without(Fixtures.tree(fixture), field));
    }

    @Test
    void pathsAreUnderTheGivenPrefix() {
        ObjectNode broken =
                Fixtures.without(Fixtures.tree("transform-production-riverside.json"), "payload.inputs[1].lot");

        Decoded<Event> read = EventJson.read(broken, "events[3]");

        assertThat(read.firstProblem().field()).isEqualTo("events[3].payload.inputs[1].lot");
        assertThat(read.firstProblem().under("x").field()).isEqualTo("x.events[3].payload.inputs[1].lot");
    }

    @Test
    void everyProblemOfAnEventIsReported() {
        ObjectNode e = Fixtures.tree("move-riverside.json");
        e = Fixtures.with(e, "payload.lot", "BAD#LOT");
        e = Fixtures.with(e, "payload.quantity.value", "-5");
        e = Fixtures.without(e, "payload.to");

        Decoded<Event> read = Fixtures.read(e);

        assertThat(read.problems())
                .extracting(FieldProblem::field)
                .containsExactly("payload.lot", "payload.quantity.value", "payload.to");
    }

    @ParameterizedTest(name = "{1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "move-riverside.json      | payload.quantity.value | 0      | NOT_POSITIVE",
                "move-riverside.json      | payload.quantity.value | -1     | NOT_POSITIVE",
                "ship-riverside.json      | payload.quantity.value | -0.001 | NOT_POSITIVE",
                "pack.json                | payload.contents[0].quantity.value | 0 | NOT_POSITIVE",
                "transform-split-expiry.json | payload.outputs[1].quantity.value | 0.0 | NOT_POSITIVE",
                "count-riverside.json     | payload.counted.value  | -1     | OUT_OF_RANGE",
                "adjust-scrap.json        | payload.delta.value    | 0      | OUT_OF_RANGE",
                "adjust-scrap.json        | payload.delta.value    | -0.000 | OUT_OF_RANGE",
                "move-riverside.json      | payload.quantity.value | 1e3    | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | 1E+3   | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | 1,5    | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | ' 12'  | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | NaN    | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | Infinity | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | 0x10   | BAD_FORMAT",
                "move-riverside.json      | payload.quantity.value | 1234567890123456 | OUT_OF_RANGE",
                "move-riverside.json      | payload.quantity.value | 0.0000000001 | OUT_OF_RANGE",
                "move-riverside.json      | payload.quantity.uom   | kgm    | UNKNOWN_UNIT",
                "move-riverside.json      | payload.quantity.uom   | DRUM   | UNKNOWN_UNIT",
                "move-riverside.json      | payload.lot            | R#2401 | BAD_CHARACTER",
                "move-riverside.json      | payload.lot            | R-2401-ABCDEFGHIJKLMN | TOO_LONG",
                "move-riverside.json      | payload.lot            | ''     | EMPTY",
                "move-riverside.json      | payload.item           | RM RESIN | BAD_CHARACTER",
                "move-riverside.json      | payload.from           | -DOCK  | BAD_CHARACTER",
                "move-riverside.json      | payload.sscc           | 106141410000000018 | CHECK_DIGIT",
                "move-riverside.json      | payload.sscc           | 1234   | BAD_FORMAT",
                "move-riverside.json      | eventId                | not-a-uuid | BAD_FORMAT",
                "move-riverside.json      | eventId                | 793f3525-47b1-59a1-ad63-68b865dc62fz | BAD_CHARACTER",
                "move-riverside.json      | userId                 | ana<script> | BAD_CHARACTER",
                "move-riverside.json      | site                   | PLANT 1 | BAD_CHARACTER",
                "move-riverside.json      | type                   | move   | UNKNOWN_ENUM",
                "move-riverside.json      | type                   | TELEPORT | UNKNOWN_ENUM",
                "status-hold.json         | payload.status         | EXPIRED | UNKNOWN_ENUM",
                "transform-split-expiry.json | payload.kind        | SMELT  | UNKNOWN_ENUM",
                "pick-deviation-riverside.json | payload.deviationReason | LAZY | UNKNOWN_ENUM",
                "move-riverside.json      | occurredAt             | 2026-11-16T14:00:00+01:00 | BAD_FORMAT",
                "move-riverside.json      | occurredAt             | 2026-11-16 14:00:00Z | BAD_FORMAT",
                "move-riverside.json      | occurredAt             | 2026-11-16T14:00Z | BAD_FORMAT",
                "move-riverside.json      | occurredAt             | 2026-13-16T14:00:00Z | BAD_FORMAT",
                "move-riverside.json      | occurredAt             | 2026-02-30T14:00:00Z | BAD_FORMAT",
                "move-riverside.json      | occurredAt             | 1700000000 | BAD_FORMAT",
                "move-riverside.json      | occurredAt             | 9999-12-31T23:59:59Z | OUT_OF_RANGE",
                "move-riverside.json      | occurredAt             | 0001-01-01T00:00:00Z | OUT_OF_RANGE",
                "move-riverside.json      | occurredAt             | 1999-12-31T23:59:59.999Z | OUT_OF_RANGE",
                "move-riverside.json      | occurredAt             | 2100-01-01T00:00:00Z | OUT_OF_RANGE",
                "receive-riverside.json   | payload.expiry         | 9999-12-31 | OUT_OF_RANGE",
                "receive-riverside.json   | payload.expiry         | 0001-01-01 | OUT_OF_RANGE",
                "receive-riverside.json   | payload.expiry         | 2027-02-29 | BAD_FORMAT",
                "receive-riverside.json   | payload.expiry         | 31.01.2027 | BAD_FORMAT",
                "receive-riverside.json   | payload.expiry         | +12027-01-31 | BAD_FORMAT",
                "receive-riverside.json   | payload.expiry         | 2027-01-31T00:00:00Z | BAD_FORMAT",
                "transform-split-expiry.json | payload.outputs[0].expiry | 2200-01-01 | OUT_OF_RANGE",
                "status-hold.json         | payload.reason         | '   '  | EMPTY",
                "receive-riverside.json   | payload.reference      | ''     | EMPTY",
            })
    void invalidValueIsReportedWithItsCodeAndPath(String fixture, String field, String value, ErrorCode code) {
        assertProblem(Fixtures.with(Fixtures.tree(fixture), field, value), code, field);
    }

    @Test
    void dateBoundsAreInclusiveAtTheStartAndExclusiveAtTheEnd() {
        ObjectNode receive = Fixtures.tree("receive-riverside.json");

        assertThat(Fixtures.read(Fixtures.with(receive, "payload.expiry", "1900-01-01"))
                        .isOk())
                .isTrue();
        assertThat(Fixtures.read(Fixtures.with(receive, "payload.expiry", "2199-12-31"))
                        .isOk())
                .isTrue();
        assertThat(Fixtures.read(Fixtures.with(receive, "occurredAt", "2000-01-01T00:00:00Z"))
                        .isOk())
                .isTrue();
        assertThat(Fixtures.read(Fixtures.with(receive, "occurredAt", "2099-12-31T23:59:59.999Z"))
                        .isOk())
                .isTrue();
    }

    @Test
    void quantityValueAsJsonNumberIsRefusedWithAClearMessage() {
        ObjectNode e =
                Fixtures.with(Fixtures.tree("move-riverside.json"), "payload.quantity.value", NODES.numberNode(12.5));

        FieldProblem p = onlyProblem(e);

        assertThat(p.code()).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(p.field()).isEqualTo("payload.quantity.value");
        assertThat(p.detail()).contains("decimal string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "payload.item      | 42",
                "payload.item      | true",
                "payload.item      | []",
                "payload.item      | {}",
                "payload.quantity  | '\"800 KGM\"'",
                "payload.quantity  | []",
                "payload          | '\"MOVE\"'",
                "payload          | []",
                "deviceSeq         | '\"1\"'",
                "deviceSeq         | 1.5",
                "eventId           | 12345",
                "occurredAt        | 1700000000000",
                "type              | 3",
            })
    void wrongJsonTypeIsReportedAtItsPath(String field, String json) throws Exception {
        JsonNode value = Fixtures.JSON.readTree(json);

        assertProblem(Fixtures.with(Fixtures.tree("move-riverside.json"), field, value), ErrorCode.WRONG_TYPE, field);
    }

    @Test
    void listsOfTheWrongTypeOrSizeAreReported() throws Exception {
        ObjectNode transform = Fixtures.tree("transform-split-expiry.json");

        assertProblem(Fixtures.with(transform, "payload.inputs", NODES.arrayNode()), ErrorCode.EMPTY, "payload.inputs");
        assertProblem(Fixtures.with(transform, "payload.outputs", "lots"), ErrorCode.WRONG_TYPE, "payload.outputs");
        assertProblem(
                Fixtures.with(transform, "payload.inputs", Fixtures.JSON.readTree("[\"R-2401\"]")),
                ErrorCode.WRONG_TYPE,
                "payload.inputs[0]");
        assertProblem(
                Fixtures.with(
                        Fixtures.tree("receive-all-fields.json"),
                        "payload.documents",
                        Fixtures.JSON.readTree("[\"doc-1\", 7]")),
                ErrorCode.WRONG_TYPE,
                "payload.documents[1]");
    }

    @Test
    void tooManyLinesAreRefused() {
        ObjectNode pack = Fixtures.tree("pack.json");
        var contents = NODES.arrayNode();
        for (int i = 0; i < 501; i++) {
            contents.add(pack.get("payload").get("contents").get(0).deepCopy());
        }

        assertProblem(Fixtures.with(pack, "payload.contents", contents), ErrorCode.TOO_LONG, "payload.contents");
    }

    @Test
    void deviceSeqBelowOneIsOutOfRange() {
        ObjectNode e = Fixtures.with(Fixtures.tree("move-riverside.json"), "deviceSeq", NODES.numberNode(0));

        assertProblem(e, ErrorCode.OUT_OF_RANGE, "deviceSeq");
    }

    @Test
    void deviceSeqBeyondLongIsOutOfRange() throws Exception {
        ObjectNode e = Fixtures.with(
                Fixtures.tree("move-riverside.json"),
                "deviceSeq",
                Fixtures.JSON.readTree("123456789012345678901234567890"));

        assertProblem(e, ErrorCode.OUT_OF_RANGE, "deviceSeq");
    }

    @Test
    void otherDeviationNeedsANote() {
        ObjectNode pick =
                Fixtures.with(Fixtures.tree("pick-deviation-riverside.json"), "payload.deviationReason", "OTHER");

        assertThat(Fixtures.read(pick).isOk()).isTrue();
        assertProblem(Fixtures.without(pick, "payload.note"), ErrorCode.MISSING_FIELD, "payload.note");
    }

    @Test
    void controlCharactersInTextAreRefused() {
        ObjectNode status = Fixtures.tree("status-hold.json");

        assertProblem(
                Fixtures.with(status, "payload.reason", "leaking\u0000drum"),
                ErrorCode.BAD_CHARACTER,
                "payload.reason");
        assertProblem(
                Fixtures.with(status, "payload.reason", "line one\nline two"),
                ErrorCode.BAD_CHARACTER,
                "payload.reason");
        assertProblem(Fixtures.with(status, "payload.lot", "R-2401\u001d"), ErrorCode.BAD_CHARACTER, "payload.lot");
    }

    @Test
    void unpairedSurrogateIsRefused() {
        ObjectNode status = Fixtures.tree("status-hold.json");

        String escaped = status.toString().replace("Damaged drum", "Damaged \\ud800 drum");
        Decoded<Event> read = EventJson.read(escaped);

        assertThat(read.firstProblem().code()).isEqualTo(ErrorCode.BAD_CHARACTER);
        assertThat(read.firstProblem().field()).isEqualTo("payload.reason");
        assertThat(Fixtures.read(Fixtures.with(status, "payload.reason", "Fass beschädigt 🛢"))
                        .isOk())
                .isTrue();
    }

    @Test
    void hostileButValidTextIsKeptVerbatim() {
        String html = "<script>alert('x')</script> \"; DROP TABLE events; --";
        ObjectNode status = Fixtures.with(Fixtures.tree("status-hold.json"), "payload.reason", html);

        Event e = Fixtures.read(status).value();

        assertThat(((org.lotkeeper.model.event.StatusChange) e.payload()).reason())
                .isEqualTo(html);
        assertThat(EventJson.read(EventJson.write(e)).value()).isEqualTo(e);
    }

    @Test
    void hugeStringIsTooLongWithoutEchoingIt() {
        String huge = "A".repeat(50_000);

        FieldProblem p = onlyProblem(Fixtures.with(Fixtures.tree("move-riverside.json"), "payload.lot", huge));

        assertThat(p.code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(p.field()).isEqualTo("payload.lot");
        assertThat(p.detail().length()).isLessThan(200);
    }

    @Test
    void longFreeTextIsTooLong() {
        FieldProblem p =
                onlyProblem(Fixtures.with(Fixtures.tree("status-hold.json"), "payload.reason", "x".repeat(501)));

        assertThat(p.code()).isEqualTo(ErrorCode.TOO_LONG);
    }

    @Test
    void unknownFieldsAreIgnoredAndNotWrittenBack() throws Exception {
        ObjectNode e = Fixtures.tree("move-riverside.json");
        e.put("extra", "x");
        ((ObjectNode) e.get("payload")).set("futureField", Fixtures.JSON.readTree("{\"deep\": [1, 2, {\"a\": null}]}"));
        ((ObjectNode) e.get("payload").get("quantity")).put("precision", 3);

        Decoded<Event> read = Fixtures.read(e);

        assertThat(read.problems()).isEmpty();
        assertThat(read.value()).isEqualTo(Fixtures.event("move-riverside.json"));
        assertThat(EventJson.writeString(read.value())).doesNotContain("extra", "futureField", "precision");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty           | ''",
                "not json        | hello",
                "truncated       | '{\"eventId\": \"01936b2e'",
                "trailing junk   | '{} {}'",
                "duplicate key   | '{\"type\": \"MOVE\", \"type\": \"SHIP\"}'",
                "comment         | '{/* hi */}'",
                "unquoted names  | '{type: 1}'",
            })
    void malformedJsonIsOneProblemWithoutAField(String what, String json) {
        Decoded<Event> read = EventJson.read(json);

        assertThat(read.firstProblem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(read.firstProblem().field()).isNull();
    }

    @Test
    void jsonThatIsNotAnObjectIsWrongType() {
        assertThat(EventJson.read("[1, 2]").firstProblem().code()).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(EventJson.read("\"MOVE\"").firstProblem().code()).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(EventJson.read("null").firstProblem().code()).isEqualTo(ErrorCode.MISSING_FIELD);
    }

    @Test
    void deepNestingIsMalformedNotAStackOverflow() {
        String deep = "{\"payload\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        Decoded<Event> read = EventJson.read(deep);

        assertThat(read.firstProblem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(read.firstProblem().detail()).containsIgnoringCase("depth");
    }

    @Test
    void hugeNumberLiteralIsMalformed() {
        String json = "{\"deviceSeq\": " + "9".repeat(1_000) + "}";

        assertThat(EventJson.read(json).firstProblem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(EventJson.read(bad).firstProblem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void problemDetailNeverEchoesControlCharacters() {
        ObjectNode e = Fixtures.with(Fixtures.tree("move-riverside.json"), "type", "MO\u0007VE\u001b[31m");

        FieldProblem p = onlyProblem(e);

        assertThat(p.code()).isEqualTo(ErrorCode.UNKNOWN_ENUM);
        assertThat(p.detail()).doesNotContain("\u0007", "\u001b");
    }

    @Test
    void problemsAreCappedForHostileInput() {
        ObjectNode pack = Fixtures.tree("pack.json");
        var contents = NODES.arrayNode();
        for (int i = 0; i < 400; i++) {
            contents.add(NODES.objectNode());
        }

        Decoded<Event> read = Fixtures.read(Fixtures.with(pack, "payload.contents", contents));

        assertThat(read.problems()).hasSize(20);
    }
}
