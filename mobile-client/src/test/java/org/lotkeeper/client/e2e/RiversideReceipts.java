package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.scan.ScanRecogniser;

/**
 * The four Riverside receipts as a simulator script: for each RECEIVE of {@code steps.json}, the
 * supplier label, the internal lot label and the dock's location label of {@code scans.json}, the
 * quantity keyed only where the label states none, and an {@code expect} of the whole payload.
 */
final class RiversideReceipts {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode SCANS = read("/riverside/scans.json");
    static final JsonNode STEPS = read("/riverside/steps.json");

    private RiversideReceipts() {}

    private static JsonNode read(String resource) {
        try (InputStream in = RiversideReceipts.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RECEIVE payloads of steps.json, in order. */
    static List<JsonNode> receipts() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode step : STEPS) {
            if (step.path("step").asText().equals("push")
                    && step.path("event").path("type").asText().equals("RECEIVE")) {
                out.add(step.path("event").path("payload"));
            }
        }
        return out;
    }

    /** The scan of scans.json section {@code section} for a lot (labels, internalLotLabels) or location. */
    static String scan(String section, String key) {
        for (JsonNode n : SCANS.path(section)) {
            String name = n.has("lot")
                    ? n.path("lot").path("lot").asText()
                    : n.path("location").asText();
            if (name.equals(key)) {
                return n.path("scan").asText();
            }
        }
        throw new IllegalArgumentException("no " + section + " scan for " + key);
    }

    /** Whether a supplier label carries a quantity (AI 310n / 30 / 37). */
    static boolean labelStatesQuantity(String label) {
        Scan scan = new ScanRecogniser(Gs1Decoder.create()).recognise(label.replace("<GS>", "\u001d"));
        return scan instanceof Scan.Product p
                && (p.data().quantity().isPresent() || p.data().count().isPresent());
    }

    /** The dock tablet receives the four receipts and syncs them: a script from the device line on. */
    static List<String> dockScript() {
        List<String> script = new ArrayList<>(List.of("device dock-1", "login B-1001 471147", "start receive"));
        script.addAll(receiveLines(receipts()));
        script.addAll(List.of("sync", "expect pending 0"));
        return script;
    }

    /** Script lines that receive the given receipts (receive workflow already started). */
    static List<String> receiveLines(List<JsonNode> receipts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode r : receipts) {
            String lot = r.path("lot").asText();
            String label = scan("labels", lot);
            lines.add("# " + r.path("item").asText() + " " + lot);
            lines.add("action nopo " + r.path("supplier").asText() + " "
                    + r.path("reference").asText());
            lines.add("scan " + label);
            if (!labelStatesQuantity(label)) {
                lines.add("quantity " + r.path("quantity").path("value").asText() + " "
                        + r.path("quantity").path("uom").asText());
            }
            lines.add("scan " + scan("internalLotLabels", lot));
            lines.add("scan " + scan("locations", r.path("location").asText()));
            lines.add("expect RECEIVE item=" + r.path("item").asText() + " lot=" + lot
                    + " supplierLot=" + r.path("supplierLot").asText()
                    + " quantity=" + r.path("quantity").path("value").asText() + "/"
                    + r.path("quantity").path("uom").asText()
                    + " expiry=" + r.path("expiry").asText() + " location="
                    + r.path("location").asText()
                    + " supplier=" + r.path("supplier").asText() + " reference="
                    + r.path("reference").asText() + " userId=ana");
        }
        return lines;
    }
}
