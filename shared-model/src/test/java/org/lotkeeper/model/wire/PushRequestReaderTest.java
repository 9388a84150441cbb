package org.lotkeeper.model.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.wire.PushRequestReader.EventEnvelopeErrors;

import static org.assertj.core.api.Assertions.assertThat;

class PushRequestReaderTest {

    private static ObjectNode push(JsonNode... events) {
        ObjectNode body = Fixtures.JSON.createObjectNode();
        body.put("deviceId", "dev-7f3a");
        ArrayNode array = body.putArray("events");
        for (JsonNode e : events) {
            array.add(e);
        }
        return body;
    }

    private static Decoded<PushBatch> read(JsonNode body) {
        return PushRequestReader.read(Fixtures.bytes(body));
    }

    private static void assertRequestProblem(JsonNode body, ErrorCode code, String field) {
        Decoded<PushBatch> read = read(body);
        assertThat(read.isOk()).as("expected the request to fail").isFalse();
        assertThat(read.firstProblem().code())
                .as(read.firstProblem().toString())
                .isEqualTo(code);
        assertThat(read.firstProblem().field())
                .as(read.firstProblem().toString())
                .isEqualTo(field);
    }

    @Test
    void validPushGivesEveryEventInOrder() {
        Decoded<PushBatch> read =
                read(push(Fixtures.tree("receive-riverside.json"), Fixtures.tree("move-riverside.json")));

        PushBatch batch = read.value();
        assertThat(batch.deviceId()).isEqualTo(DeviceId.of("dev-7f3a"));
        assertThat(batch.events()).extracting(PushedEvent::index).containsExactly(0, 1);
        assertThat(batch.events()).allMatch(PushedEvent::valid);
        assertThat(batch.events().get(1).event().value()).isEqualTo(Fixtures.event("move-riverside.json"));
        assertThat(batch.events().get(1).deviceSeq()).isEqualTo(1);
    }

    @Test
    void badEventIsRejectedAloneWithItsPath() {
        ObjectNode bad = Fixtures.with(Fixtures.tree("move-riverside.json"), "payload.quantity.value", "0");

        PushBatch batch = read(push(Fixtures.tree("receive-riverside.json"), bad, Fixtures.tree("ship-riverside.json")))
                .value();

        assertThat(batch.events()).extracting(PushedEvent::valid).containsExactly(true, false, true);
        PushedEvent rejected = batch.events().get(1);
        assertThat(rejected.eventId()).hasToString("793f3525-47b1-59a1-ad63-68b865dc62f2");
        assertThat(rejected.path()).isEqualTo("events[1]");
        FieldProblem p = rejected.event().firstProblem();
        assertThat(p.code()).isEqualTo(ErrorCode.NOT_POSITIVE);
        assertThat(p.field()).isEqualTo("events[1].payload.quantity.value");
        PushResult result = PushResult.rejected(rejected.eventId(), p);
        assertThat(result.error().field()).isEqualTo("events[1].payload.quantity.value");
        assertThat(result.error().rejectionCode()).contains(ErrorCode.NOT_POSITIVE);
    }

    @Test
    void rejectedEventCanBeFingerprintedCanonically() {
        ObjectNode bad = Fixtures.with(Fixtures.tree("move-riverside.json"), "payload.lot", "R#1");

        PushedEvent first = read(push(bad)).value().events().get(0);
        PushedEvent reordered =
                read(push(Fixtures.reversedKeys(bad))).value().events().get(0);

        assertThat(EventJson.canonicalBytes(first.raw())).isEqualTo(EventJson.canonicalBytes(reordered.raw()));
    }

    @Test
    void brokenEventTypeRejectsOnlyThatEventByDefault() {
        ObjectNode unknownType = Fixtures.with(Fixtures.tree("move-riverside.json"), "type", "TELEPORT");

        PushBatch batch =
                read(push(unknownType, Fixtures.tree("ship-riverside.json"))).value();

        assertThat(batch.events().get(0).event().firstProblem().field()).isEqualTo("events[0].type");
        assertThat(batch.events().get(1).valid()).isTrue();
    }

    @Test
    void brokenEventTypeFailsTheRequestUnderTheStrictPolicy() {
        ObjectNode unknownType = Fixtures.with(Fixtures.tree("move-riverside.json"), "type", "TELEPORT");

        Decoded<PushBatch> read =
                PushRequestReader.read(Fixtures.bytes(push(unknownType)), EventEnvelopeErrors.REJECT_REQUEST);

        assertThat(read.firstProblem().code()).isEqualTo(ErrorCode.UNKNOWN_ENUM);
        assertThat(read.firstProblem().field()).isEqualTo("events[0].type");
    }

    @Test
    void payloadErrorRejectsOnlyTheEventEvenUnderTheStrictPolicy() {
        ObjectNode bad = Fixtures.with(Fixtures.tree("move-riverside.json"), "payload.lot", "R#1");

        Decoded<PushBatch> read = PushRequestReader.read(Fixtures.bytes(push(bad)), EventEnvelopeErrors.REJECT_REQUEST);

        assertThat(read.value().events().get(0).event().firstProblem().field()).isEqualTo("events[0].payload.lot");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "eventId   | MISSING_FIELD",
                "deviceSeq | MISSING_FIELD",
            })
    void eventWithoutIdentityFailsTheRequest(String field, ErrorCode code) {
        ObjectNode e = Fixtures.without(Fixtures.tree("move-riverside.json"), field);

        assertRequestProblem(push(Fixtures.tree("receive-riverside.json"), e), code, "events[1]." + field);
    }

    @Test
    void eventIdentityOfTheWrongShapeFailsTheRequest() {
        ObjectNode move = Fixtures.tree("move-riverside.json");

        assertRequestProblem(push(Fixtures.with(move, "eventId", "abc")), ErrorCode.BAD_FORMAT, "events[0].eventId");
        assertRequestProblem(push(Fixtures.with(move, "deviceSeq", "41")), ErrorCode.WRONG_TYPE, "events[0].deviceSeq");
        assertRequestProblem(
                push(Fixtures.with(
                        move, "deviceSeq", Fixtures.JSON.getNodeFactory().numberNode(-3))),
                ErrorCode.OUT_OF_RANGE,
                "events[0].deviceSeq");
    }

    @Test
    void brokenRequestEnvelopeFailsTheRequest() throws Exception {
        ObjectNode ok = push(Fixtures.tree("move-riverside.json"));

        assertRequestProblem(Fixtures.without(ok, "deviceId"), ErrorCode.MISSING_FIELD, "deviceId");
        assertRequestProblem(Fixtures.with(ok, "deviceId", "dev 7"), ErrorCode.BAD_CHARACTER, "deviceId");
        assertRequestProblem(Fixtures.without(ok, "events"), ErrorCode.MISSING_FIELD, "events");
        assertRequestProblem(Fixtures.with(ok, "events", Fixtures.JSON.readTree("{}")), ErrorCode.WRONG_TYPE, "events");
        assertRequestProblem(push(Fixtures.JSON.readTree("\"x\"")), ErrorCode.WRONG_TYPE, "events[0]");
        assertRequestProblem(Fixtures.JSON.readTree("[]"), ErrorCode.WRONG_TYPE, null);
    }

    @Test
    void malformedBodyFailsTheRequest() {
        Decoded<PushBatch> read = PushRequestReader.read("{\"deviceId\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(read.firstProblem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(PushRequestReader.read(new byte[0]).firstProblem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void moreThanAThousandEventsFailTheRequest() {
        JsonNode[] events = new JsonNode[1_001];
        java.util.Arrays.fill(events, Fixtures.tree("move-riverside.json"));

        assertRequestProblem(push(events), ErrorCode.TOO_LONG, "events");
    }

    @Test
    void aThousandEventsAreFine() {
        JsonNode[] events = new JsonNode[1_000];
        java.util.Arrays.fill(events, Fixtures.tree("move-riverside.json"));

        assertThat(read(push(events)).value().events()).hasSize(1_000);
    }

    @Test
    void emptyPushIsFine() {
        assertThat(read(push()).value().events()).isEmpty();
    }

    @Test
    void unknownRequestFieldsAreIgnored() {
        ObjectNode body = push(Fixtures.tree("move-riverside.json"));
        body.put("clientVersion", "1.4.2");

        assertThat(read(body).value().events()).hasSize(1);
    }

    @Test
    void devicePushWrittenWithTheMapperReadsBack() {
        PushRequest request = new PushRequest(
                DeviceId.of("dev-7f3a"), List.of(Fixtures.event("receive-protocol.json"), Fixtures.event("pack.json")));

        PushBatch batch = PushRequestReader.read(WireJson.write(request)).value();

        assertThat(batch.events()).extracting(e -> e.event().value()).containsExactlyElementsOf(request.events());
    }
}
