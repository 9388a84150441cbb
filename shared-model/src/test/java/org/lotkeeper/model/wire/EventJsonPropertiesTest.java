package org.lotkeeper.model.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.lotkeeper.model.event.Event;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the event codec: it round-trips, its canonical form is semantic, and it never throws. */
class EventJsonPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<Event> events() {
        return EventArbitraries.events();
    }

    @Property(tries = 500)
    void generatedEventsRoundTrip(@ForAll("events") Event event) {
        Decoded<Event> read = EventJson.read(EventJson.write(event));

        assertThat(read.problems()).isEmpty();
        assertThat(read.value()).isEqualTo(event);
    }

    @Property(tries = 500)
    void canonicalBytesAreEqualForReorderedKeysAndPaddedDecimals(@ForAll("events") Event event) {
        JsonNode variant = padDecimals(Fixtures.reversedKeys(EventJson.toTree(event)));

        Event reread = EventJson.read(Fixtures.bytes(variant)).value();

        assertThat(EventJson.canonicalBytes(reread)).isEqualTo(EventJson.canonicalBytes(event));
    }

    @Property(tries = 300)
    void canonicalBytesAreThemselvesAValidEncodingOfTheSameEvent(@ForAll("events") Event event) {
        byte[] canonical = EventJson.canonicalBytes(event);

        Event reread = EventJson.read(canonical).value();

        assertThat(reread).isEqualTo(event);
        assertThat(EventJson.canonicalBytes(reread)).isEqualTo(canonical);
    }

    @Property(tries = 300)
    void differentEventsHaveDifferentCanonicalBytes(@ForAll("events") Event a, @ForAll("events") Event b) {
        assertThat(java.util.Arrays.equals(EventJson.canonicalBytes(a), EventJson.canonicalBytes(b)))
                .isEqualTo(a.equals(b));
    }

    @Property(tries = 1_000)
    void randomBytesNeverThrow(@ForAll @Size(max = 300) byte[] bytes) {
        Decoded<Event> event = EventJson.read(bytes);
        Decoded<PushBatch> push = PushRequestReader.read(bytes);
        Decoded<PullResponse> pull = WireJson.read(bytes, PullResponse.class);

        assertThat(event.isOk()).isFalse();
        assertThat(event.problems()).allSatisfy(EventJsonPropertiesTest::wellFormed);
        assertThat(push.problems()).allSatisfy(EventJsonPropertiesTest::wellFormed);
        assertThat(pull.problems()).allSatisfy(EventJsonPropertiesTest::wellFormed);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings()
                .withChars("{}[]\":,.-+0123456789eE truefalsnu\\/abcdefgh\u0000\u001f\u00e9\ud800")
                .ofMaxLength(200);
    }

    @Property(tries = 1_000)
    void randomJsonishTextNeverThrows(@ForAll("jsonish") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(EventJson.read(bytes).problems()).allSatisfy(EventJsonPropertiesTest::wellFormed);
        assertThat(PushRequestReader.read(bytes).problems()).allSatisfy(EventJsonPropertiesTest::wellFormed);
    }

    @Provide
    Arbitrary<JsonNode> junkValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.strings()
                        .withChars("0123456789.-eE+")
                        .ofMaxLength(25)
                        .map(NODES::textNode),
                Arbitraries.of(
                                "RELEASED",
                                "ON_HOLD",
                                "MOVE",
                                "KGM",
                                "2027-02-30",
                                "2026-11-25T08:15:02Z",
                                "",
                                " ",
                                "A".repeat(5_000),
                                "R#1",
                                "\u0000")
                        .map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode()),
                Arbitraries.of(
                        NODES.arrayNode().add("x").add(1),
                        NODES.objectNode().put("value", "1").put("uom", "KGM")));
    }

    @Property(tries = 2_000)
    void mutatedFixturesAreReadOrRefusedButNeverThrow(
            @ForAll("fixtureNames") String fixture,
            @ForAll("junkValues") JsonNode junk,
            @ForAll int which,
            @ForAll boolean remove) {
        ObjectNode tree = Fixtures.tree(fixture);
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        Slot slot = slots.get(Math.floorMod(which, slots.size()));
        if (remove && slot.parent instanceof ObjectNode o) {
            o.remove(slot.name);
        } else {
            slot.set(junk);
        }

        Decoded<Event> read = EventJson.read(Fixtures.bytes(tree));
        Decoded<PushBatch> push = PushRequestReader.read(Fixtures.bytes(pushOf(tree)));

        if (read.isOk()) {
            assertThat(EventJson.read(EventJson.write(read.value())).value()).isEqualTo(read.value());
        } else {
            assertThat(read.problems()).isNotEmpty().allSatisfy(EventJsonPropertiesTest::wellFormed);
        }
        assertThat(push.problems()).allSatisfy(EventJsonPropertiesTest::wellFormed);
    }

    @Provide
    Arbitrary<String> fixtureNames() {
        return Arbitraries.of(Fixtures.ALL);
    }

    private static void wellFormed(FieldProblem p) {
        assertThat(p.code()).isNotNull();
        assertThat(p.detail()).isNotBlank().hasSizeLessThan(600);
        assertThat(p.detail()).doesNotContain("\u0000");
    }

    private static ObjectNode pushOf(JsonNode event) {
        ObjectNode body = NODES.objectNode();
        body.put("deviceId", "dev-1");
        body.putArray("events").add(event);
        return body;
    }

    /** A place in a tree where a value sits. */
    private record Slot(JsonNode parent, String name, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode n, List<Slot> out) {
        if (n instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> {
                out.add(new Slot(o, k, -1));
                collect(o.get(k), out);
            });
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    /** Every quantity value gets trailing zeros ("12.5" → "12.500", "800" → "800.00"). */
    private static JsonNode padDecimals(JsonNode n) {
        if (n instanceof ObjectNode o) {
            if (o.size() == 2 && o.has("value") && o.has("uom")) {
                String v = o.get("value").asText();
                o.put("value", v.contains(".") ? v + "00" : v + ".00");
            }
            o.forEach(EventJsonPropertiesTest::padDecimals);
        } else if (n instanceof ArrayNode a) {
            a.forEach(EventJsonPropertiesTest::padDecimals);
        }
        return n;
    }
}
