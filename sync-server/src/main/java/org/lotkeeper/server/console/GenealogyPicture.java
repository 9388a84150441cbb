package org.lotkeeper.server.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.qute.TemplateData;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.trace.Views;

/**
 * A lot's genealogy as a layered picture, laid out on the server and drawn as SVG by the lot
 * page: ancestors to the left (one column per link), the lot in the middle, descendants to the
 * right, and the customers they were shipped to in the last column, with the quantity on every
 * edge. Positions only; every text is escaped by the template.
 */
@TemplateData
public record GenealogyPicture(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int NODE_WIDTH = 168;
    static final int NODE_HEIGHT = 50;
    static final int COLUMN_GAP = 92;
    static final int ROW_GAP = 22;
    static final int MARGIN = 16;
    /** Larger genealogies are cut to this many nodes per column; the lists on the page stay complete. */
    static final int MAX_PER_COLUMN = 40;

    /**
     * A box: a lot (kind ROOT, ANCESTOR, DESCENDANT) or a CUSTOMER. {@code href} is null for a
     * customer; {@code line2} is the item or the customer's code, {@code line3} the status.
     */
    @TemplateData
    public record Node(
            String kind, String label, String line2, String line3, String status, String href, int x, int y) {
        public int width() {
            return NODE_WIDTH;
        }

        public int height() {
            return NODE_HEIGHT;
        }

        public int textX() {
            return x + 8;
        }

        /** The first line as it fits the box (bold 13 px: about 19 characters); the whole text is the node's title. */
        public String fitted1() {
            return fit(label, 19);
        }

        /** The second line as it fits the box (11 px: about 24 characters). */
        public String fitted2() {
            return fit(line2, 24);
        }

        /** Baselines of the three text lines. */
        public int y1() {
            return y + 17;
        }

        public int y2() {
            return y + 31;
        }

        public int y3() {
            return y + 44;
        }
    }

    /** A link from the right side of one box to the left side of another, labelled with its quantity. */
    @TemplateData
    public record Edge(String path, String label, int labelX, int labelY, boolean toCustomer) {}

    /** {@code text} cut to {@code max} characters with an ellipsis, so it never runs past its box. */
    static String fit(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public boolean isEmpty() {
        return nodes.size() <= 1;
    }

    /** The picture of a trace, with customers drawn from what each got of its lots ({@code shipped}). */
    static GenealogyPicture of(Views.TraceAnswer trace, List<Views.CustomerShipped> shipped) {
        // columns: ancestors at -depth, the lot at 0, descendants at +depth, customers after the last
        Map<String, Integer> column = new LinkedHashMap<>();
        Map<String, Views.TraceLot> lots = new LinkedHashMap<>();
        for (Views.TraceLot l : trace.lots()) {
            String key = key(l.item(), l.lot());
            lots.put(key, l);
            column.put(
                    key,
                    switch (l.relation()) {
                        case "ROOT" -> 0;
                        case "ANCESTOR" -> -l.depth();
                        default -> l.depth();
                    });
        }
        int lastLotColumn =
                column.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Map<String, Quantity>> shippedTo = new TreeMap<>(); // lot key -> customer -> quantity
        Map<String, String> customerNames = new TreeMap<>();
        for (Views.CustomerShipped s : shipped) {
            shippedTo
                    .computeIfAbsent(key(s.item(), s.lot()), k -> new TreeMap<>())
                    .merge(s.customer(), s.quantity(), GenealogyPicture::sum);
            customerNames.put(s.customer(), s.customerName() == null ? s.customer() : s.customerName());
        }
        int customerColumn = lastLotColumn + 1;
        TreeMap<Integer, List<String>> byColumn = new TreeMap<>();
        column.forEach(
                (k, c) -> byColumn.computeIfAbsent(c, x -> new ArrayList<>()).add(k));
        customerNames
                .keySet()
                .forEach(c -> byColumn.computeIfAbsent(customerColumn, x -> new ArrayList<>())
                        .add("customer:" + c));
        byColumn.values().forEach(list -> list.sort(Comparator.naturalOrder()));

        int tallest = byColumn.values().stream()
                .mapToInt(l -> Math.min(l.size(), MAX_PER_COLUMN))
                .max()
                .orElse(1);
        int height = 2 * MARGIN + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
        int width = 2 * MARGIN + byColumn.size() * NODE_WIDTH + (byColumn.size() - 1) * COLUMN_GAP;
        Map<String, int[]> at = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        int columnIndex = 0;
        for (Map.Entry<Integer, List<String>> col : byColumn.entrySet()) {
            List<String> keys =
                    col.getValue().subList(0, Math.min(col.getValue().size(), MAX_PER_COLUMN));
            int x = MARGIN + columnIndex * (NODE_WIDTH + COLUMN_GAP);
            int block = keys.size() * NODE_HEIGHT + (keys.size() - 1) * ROW_GAP;
            int y = (height - block) / 2;
            for (String k : keys) {
                at.put(k, new int[] {x, y});
                if (k.startsWith("customer:")) {
                    String code = k.substring("customer:".length());
                    nodes.add(new Node("CUSTOMER", customerNames.get(code), code, "customer", "CUSTOMER", null, x, y));
                } else {
                    Views.TraceLot l = lots.get(k);
                    String kind = col.getKey() == 0 ? "ROOT" : col.getKey() < 0 ? "ANCESTOR" : "DESCENDANT";
                    nodes.add(new Node(
                            kind,
                            l.lot(),
                            l.item(),
                            l.status(),
                            l.status(),
                            ConsoleLinks.lot(l.item(), l.lot()),
                            x,
                            y));
                }
                y += NODE_HEIGHT + ROW_GAP;
            }
            columnIndex++;
        }
        List<Edge> edges = new ArrayList<>();
        for (Views.TraceLink link : trace.links()) {
            edge(
                    at.get(key(link.from().item(), link.from().lot())),
                    at.get(key(link.to().item(), link.to().lot())),
                    ConsoleFormat.text(link.quantity()),
                    false,
                    edges);
        }
        shippedTo.forEach((lot, customers) -> customers.forEach((customer, q) ->
                edge(at.get(lot), at.get("customer:" + customer), ConsoleFormat.text(q), true, edges)));
        return new GenealogyPicture(width, height, nodes, edges);
    }

    private static void edge(int[] from, int[] to, String label, boolean toCustomer, List<Edge> edges) {
        if (from == null || to == null) {
            return; // cut from the picture (more than MAX_PER_COLUMN in a column)
        }
        int x1 = from[0] + NODE_WIDTH;
        int y1 = from[1] + NODE_HEIGHT / 2;
        int x2 = to[0];
        int y2 = to[1] + NODE_HEIGHT / 2;
        if (x2 <= x1) { // a link inside one column (bad data with a cycle): loop around below
            x2 = to[0] + NODE_WIDTH / 2;
            y2 = to[1] + NODE_HEIGHT;
        }
        int mid = (x1 + x2) / 2;
        String path = "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2;
        if (x2 - x1 > COLUMN_GAP + 10) { // spans columns: label it near its end, clear of the boxes it passes
            edges.add(new Edge(path, label, x2 - 34, y2 - 7, toCustomer));
        } else {
            edges.add(new Edge(path, label, mid, (y1 + y2) / 2 - 4, toCustomer));
        }
    }

    private static Quantity sum(Quantity a, Quantity b) {
        return a.uom() == b.uom() ? a.plus(b) : a;
    }

    private static String key(String item, String lot) {
        return item + "\u0000" + lot;
    }
}
