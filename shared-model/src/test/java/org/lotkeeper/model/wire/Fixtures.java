package org.lotkeeper.model.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lotkeeper.model.event.Event;

/** The event fixtures in {@code src/test/resources/events/} and small tree edits by path. */
final class Fixtures {

    static final List<String> ALL = List.of(
            "receive-riverside.json",
            "receive-protocol.json",
            "receive-all-fields.json",
            "move-riverside.json",
            "move-sscc.json",
            "pick-deviation-riverside.json",
            "count-riverside.json",
            "count-task-zero.json",
            "ship-riverside.json",
            "ship-sscc.json",
            "transform-production-riverside.json",
            "transform-rework-riverside.json",
            "transform-split-expiry.json",
            "status-hold.json",
            "return-riverside.json",
            "adjust-scrap.json",
            "pack.json",
            "unpack.json",
            "transfer-out.json",
            "transfer-in.json",
            "inspect-lab.json",
            "status-release-concession.json",
            "status-release-retest.json",
            "inspect-retest.json",
            "inspect-retest-signs-earlier.json");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Event event(String name) {
        return EventJson.read(bytes(name)).value();
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Decoded<Event> read(JsonNode node) {
        return EventJson.read(bytes(node));
    }

    /** The object holding the last step of {@code path}, and that step's name. */
    private static ObjectNode parent(JsonNode root, String path) {
        String[] steps = path.split("\\.", -1);
        JsonNode n = root;
        for (int i = 0; i < steps.length - 1; i++) {
            n = step(n, steps[i]);
        }
        return (ObjectNode) n;
    }

    private static JsonNode step(JsonNode n, String step) {
        Matcher m = STEP.matcher(step);
        if (!m.matches()) {
            throw new IllegalArgumentException(step);
        }
        JsonNode child = n.get(m.group(1));
        return m.group(2) == null ? child : child.get(Integer.parseInt(m.group(2)));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static ObjectNode without(ObjectNode root, String path) {
        ObjectNode copy = root.deepCopy();
        parent(copy, path).remove(last(path));
        return copy;
    }

    static ObjectNode with(ObjectNode root, String path, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        parent(copy, path).set(last(path), value);
        return copy;
    }

    static ObjectNode with(ObjectNode root, String path, String value) {
        return with(root, path, JSON.getNodeFactory().textNode(value));
    }

    /** The same tree with every object's keys in reverse order. */
    static JsonNode reversedKeys(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            names.forEach(k -> out.set(k, reversedKeys(n.get(k))));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            n.forEach(e -> out.add(reversedKeys(e)));
            return out;
        }
        return n;
    }
}
