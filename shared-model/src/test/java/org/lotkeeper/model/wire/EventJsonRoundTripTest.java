package org.lotkeeper.model.wire;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Transform;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonRoundTripTest {

    static final java.util.List<String> FIXTURES = Fixtures.ALL;

    @Test
    void fixturesCoverEveryEventType() {
        Set<EventType> types =
                FIXTURES.stream().map(f -> Fixtures.event(f).type()).collect(Collectors.toSet());
        assertThat(types).isEqualTo(EnumSet.allOf(EventType.class));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void fixtureReadsWithoutProblems(String fixture) {
        Decoded<Event> read = EventJson.read(Fixtures.bytes(fixture));

        assertThat(read.problems()).isEmpty();
        assertThat(read.value().type().name())
                .isEqualTo(Fixtures.tree(fixture).get("type").asText());
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void writtenEventEqualsFixtureAsJsonTree(String fixture) throws Exception {
        Event event = Fixtures.event(fixture);

        JsonNode written = Fixtures.JSON.readTree(EventJson.write(event));

        assertThat(written).isEqualTo(Fixtures.tree(fixture));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void writtenEventReadsBackEqual(String fixture) {
        Event event = Fixtures.event(fixture);

        assertThat(EventJson.read(EventJson.write(event)).value()).isEqualTo(event);
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void writingKeepsProtocolFieldOrder(String fixture) {
        String written = EventJson.writeString(Fixtures.event(fixture));

        assertThat(written).startsWith("{\"eventId\":");
        assertThat(written.indexOf("\"deviceSeq\"")).isLessThan(written.indexOf("\"type\""));
        assertThat(written.indexOf("\"site\"")).isLessThan(written.indexOf("\"payload\""));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void canonicalFormIgnoresKeyOrder(String fixture) {
        JsonNode reordered = Fixtures.reversedKeys(Fixtures.tree(fixture));
        Event original = Fixtures.event(fixture);
        Event fromReordered = Fixtures.read(reordered).value();

        assertThat(EventJson.canonicalBytes(fromReordered)).isEqualTo(EventJson.canonicalBytes(original));
    }

    @Test
    void canonicalFormComparesDecimalsByValue() {
        ObjectNode plain = Fixtures.tree("receive-all-fields.json");
        ObjectNode trailingZero = Fixtures.with(plain, "payload.quantity.value", "12.50");
        ObjectNode leadingZeroes = Fixtures.with(plain, "payload.quantity.value", "012.500000");

        byte[] canonical = EventJson.canonicalBytes(Fixtures.read(plain).value());

        assertThat(EventJson.canonicalBytes(Fixtures.read(trailingZero).value()))
                .isEqualTo(canonical);
        assertThat(EventJson.canonicalBytes(Fixtures.read(leadingZeroes).value()))
                .isEqualTo(canonical);
        assertThat(new String(canonical, StandardCharsets.UTF_8)).contains("\"value\":\"12.5\"");
    }

    @Test
    void canonicalFormDiffersWhenContentDiffers() {
        ObjectNode plain = Fixtures.tree("receive-all-fields.json");
        ObjectNode other = Fixtures.with(plain, "payload.quantity.value", "12.51");

        assertThat(EventJson.canonicalBytes(Fixtures.read(other).value()))
                .isNotEqualTo(EventJson.canonicalBytes(Fixtures.read(plain).value()));
    }

    @Test
    void canonicalFormHasSortedKeysAndNoWhitespace() {
        String canonical = EventJson.canonicalString(Fixtures.event("move-riverside.json"));

        assertThat(canonical)
                .isEqualTo("{\"deviceSeq\":1,\"eventId\":\"793f3525-47b1-59a1-ad63-68b865dc62f2\","
                        + "\"occurredAt\":\"2026-11-16T14:00:00Z\",\"payload\":{\"from\":\"RCV-DOCK-1\",\"item\":\"RM-RESIN\","
                        + "\"lot\":\"R-2401\",\"quantity\":{\"uom\":\"KGM\",\"value\":\"1000\"},\"to\":\"WH-A-01\"},"
                        + "\"site\":\"PLANT-1\",\"type\":\"MOVE\",\"userId\":\"ben\"}");
    }

    @Test
    void canonicalFormTreatsExplicitNullLikeAbsentOptionalField() {
        ObjectNode plain = Fixtures.tree("move-riverside.json");
        ObjectNode withNull = Fixtures.with(
                plain, "payload.sscc", Fixtures.JSON.getNodeFactory().nullNode());

        assertThat(EventJson.canonicalBytes(Fixtures.read(withNull).value()))
                .isEqualTo(EventJson.canonicalBytes(Fixtures.read(plain).value()));
    }

    @Test
    void upperCaseEventIdReadsAsTheSameEvent() {
        ObjectNode plain = Fixtures.tree("move-riverside.json");
        ObjectNode upper =
                Fixtures.with(plain, "eventId", plain.get("eventId").asText().toUpperCase(java.util.Locale.ROOT));

        assertThat(Fixtures.read(upper).value()).isEqualTo(Fixtures.read(plain).value());
    }

    @Test
    void occurredAtKeepsMillisecondsAndTruncatesFinerPrecision() {
        ObjectNode plain = Fixtures.tree("receive-protocol.json");
        ObjectNode micros = Fixtures.with(plain, "occurredAt", "2026-11-25T08:15:02.123456Z");

        Event event = Fixtures.read(micros).value();

        assertThat(event.occurredAt().toString()).isEqualTo("2026-11-25T08:15:02.123Z");
        assertThat(EventJson.canonicalBytes(event))
                .isEqualTo(EventJson.canonicalBytes(Fixtures.event("receive-protocol.json")));
    }

    @Test
    void readsEveryProtocolFieldOfAFullReceive() {
        Receive r = (Receive) Fixtures.event("receive-all-fields.json").payload();

        assertThat(r.reference().value()).isEqualTo("ASN 2026/0042");
        assertThat(r.supplierLot().value()).isEqualTo("ACR-780");
        assertThat(r.quantity().valueText()).isEqualTo("12.5");
        assertThat(r.manufactured()).hasToString("2026-11-01");
        assertThat(r.sscc().value()).isEqualTo("106141410000000019");
        assertThat(r.documents()).extracting(d -> d.value()).containsExactly("doc-0001", "doc-0002");
    }

    @Test
    void readsPickDeviationFromRiverside() {
        Pick p = (Pick) Fixtures.event("pick-deviation-riverside.json").payload();

        assertThat(p.suggestedLot().value()).isEqualTo("PR-1001");
        assertThat(p.deviationReason()).hasToString("CUSTOMER_REQUEST");
        assertThat(p.note()).isEqualTo("Customer asked for the newest lot");
    }

    @Test
    void readsTransformLinesInOrder() {
        Transform t = (Transform)
                Fixtures.event("transform-production-riverside.json").payload();

        assertThat(t.inputs()).extracting(i -> i.lot().value()).containsExactly("R-2402", "P-5001", "S-9001");
        assertThat(t.outputs()).extracting(o -> o.lot().value()).containsExactly("PR-1001");
    }
}
