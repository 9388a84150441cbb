package org.lotkeeper.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Plausible event streams of one device over the Riverside master data, from jqwik arbitraries and a seeded random. */
public final class GeneratedStreams {

    private static final List<String> STORAGE = List.of("WH-A-01", "WH-A-02", "WH-B-01", "RCV-DOCK-1", "QA-HOLD");
    private static final List<String> RAW = List.of("RM-RESIN", "RM-PIGMENT", "RM-SOLVENT");

    private GeneratedStreams() {}

    /** A plausible device stream: receipts, moves, picks, shipments, production, counts, holds, returns. */
    public static List<JsonNode> stream(Random random, List<String[]> lots, int length) {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> amount = Arbitraries.integers().between(1, 60);
        List<JsonNode> out = new ArrayList<>();
        for (int seq = 1; seq <= length; seq++) {
            int k = lots.isEmpty() ? 0 : sample(kind, random);
            String[] lot = lots.isEmpty() ? null : lots.get(random.nextInt(lots.size()));
            String qty = Integer.toString(sample(amount, random));
            ObjectNode e = envelope(seq, "ben");
            ObjectNode p = e.putObject("payload");
            switch (k) {
                case 0, 1 -> {
                    String item = RAW.get(random.nextInt(RAW.size()));
                    String code = "G" + Integer.toHexString(random.nextInt(1 << 20));
                    lots.add(new String[] {item, code});
                    e.put("type", "RECEIVE").put("userId", "ana");
                    p.put("supplier", "SOLVCO")
                            .put("reference", "PO-" + seq)
                            .put("item", item)
                            .put("lot", code)
                            .put("supplierLot", "S" + code)
                            .put("location", pickOne(random, STORAGE));
                    quantity(p, "quantity", item, "200");
                    p.put("expiry", "2027-0" + (1 + random.nextInt(9)) + "-15");
                }
                case 2, 3 -> {
                    e.put("type", "MOVE");
                    p.put("item", lot[0])
                            .put("lot", lot[1])
                            .put("from", pickOne(random, STORAGE))
                            .put("to", pickOne(random, STORAGE));
                    quantity(p, "quantity", lot[0], qty);
                }
                case 4 -> {
                    e.put("type", "PICK");
                    p.put("order", "SO-" + seq)
                            .put("item", lot[0])
                            .put("lot", lot[1])
                            .put("from", pickOne(random, STORAGE))
                            .put("to", "STAGE-OUT-1")
                            .put("customer", "HARBOR-PAINTS");
                    quantity(p, "quantity", lot[0], qty);
                }
                case 5 -> {
                    e.put("type", "SHIP");
                    p.put("shipment", "SHP-" + seq)
                            .put("customer", "HARBOR-PAINTS")
                            .put("item", lot[0])
                            .put("lot", lot[1])
                            .put("from", "STAGE-OUT-1");
                    quantity(p, "quantity", lot[0], qty);
                }
                case 6 -> {
                    String[] other = lots.get(random.nextInt(lots.size()));
                    String product = "P" + Integer.toHexString(random.nextInt(1 << 20));
                    lots.add(new String[] {"FG-PRIMER", product});
                    e.put("type", "TRANSFORM");
                    p.put("kind", random.nextBoolean() ? "PRODUCTION" : "BLEND").put("batch", "B-" + seq);
                    ArrayNode inputs = p.putArray("inputs");
                    for (String[] in : other == lot ? List.<String[]>of(lot) : List.<String[]>of(lot, other)) {
                        ObjectNode line = inputs.addObject()
                                .put("item", in[0])
                                .put("lot", in[1])
                                .put("from", pickOne(random, STORAGE));
                        quantity(line, "quantity", in[0], qty);
                    }
                    ObjectNode output = p.putArray("outputs")
                            .addObject()
                            .put("item", "FG-PRIMER")
                            .put("lot", product)
                            .put("to", "PROD-LINE-1");
                    quantity(output, "quantity", "FG-PRIMER", "20");
                }
                case 7 -> {
                    e.put("type", "COUNT");
                    p.put("item", lot[0]).put("lot", lot[1]).put("location", pickOne(random, STORAGE));
                    quantity(p, "counted", lot[0], qty);
                }
                case 8 -> {
                    e.put("type", "STATUS");
                    p.put("item", lot[0])
                            .put("lot", lot[1])
                            .put("status", "ON_HOLD")
                            .put("reason", "damaged drum");
                }
                default -> {
                    e.put("type", "RETURN").put("userId", "ana");
                    p.put("customer", "CITY-MAINT")
                            .put("reference", "RMA-" + seq)
                            .put("item", lot[0])
                            .put("lot", lot[1])
                            .put("to", "RETURNS-1")
                            .put("reason", "damaged");
                    quantity(p, "quantity", lot[0], qty);
                }
            }
            out.add(e);
        }
        return out;
    }

    private static ObjectNode envelope(int seq, String user) {
        ObjectNode e = Riverside.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("deviceSeq", seq);
        e.put("type", "MOVE");
        e.put("occurredAt", "2026-11-18T10:00:00Z");
        e.put("userId", user);
        e.put("site", "PLANT-1");
        return e;
    }

    private static void quantity(ObjectNode node, String field, String item, String value) {
        String uom = item.equals("RM-SOLVENT") ? "LTR" : item.startsWith("FG") ? "H87" : "KGM";
        node.putObject(field).put("value", value).put("uom", uom);
    }

    private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(100).next(random).value();
    }

    private static String pickOne(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
