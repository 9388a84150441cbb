package org.lotkeeper.server.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.qute.TemplateData;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.trace.LayeredLayout;
import org.lotkeeper.server.trace.Views;

/**
 * A lot's genealogy as a layered picture, laid out on the server by {@link LayeredLayout} and
 * drawn as SVG by the lot page: ancestors to the left (one column per link), the lot in the
 * middle, descendants to the right, and the customers they were shipped to in the last column,
 * with the quantity on every edge; links that span columns run through gaps of their own, the
 * order in each column keeps crossings few, and no label sits on another. Positions only; every
 * text is escaped by the template.
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
        Map<String, Integer> shown = new LinkedHashMap<>(); // what the picture holds, in the order to start from
        byColumn.forEach((c, keys) -> keys.stream()
                .sorted(Comparator.naturalOrder())
                .limit(MAX_PER_COLUMN)
                .forEach(k -> shown.put(k, c)));

        List<Map.Entry<String, String>> links = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Boolean> toCustomer = new ArrayList<>();
        for (Views.TraceLink link : trace.links()) {
            links.add(Map.entry(
                    key(link.from().item(), link.from().lot()),
                    key(link.to().item(), link.to().lot())));
            labels.add(ConsoleFormat.text(link.quantity()));
            toCustomer.add(false);
        }
        shippedTo.forEach((lot, customers) -> customers.forEach((customer, q) -> {
            links.add(Map.entry(lot, "customer:" + customer));
            labels.add(ConsoleFormat.text(q));
            toCustomer.add(true);
        }));
        LayeredLayout.Drawing drawing = LayeredLayout.layout(shown, links, METRICS);

        List<Node> nodes = new ArrayList<>();
        for (LayeredLayout.Box b : drawing.boxes().values()) {
            if (b.key().startsWith("customer:")) {
                String code = b.key().substring("customer:".length());
                nodes.add(new Node(
                        "CUSTOMER", customerNames.get(code), code, "customer", "CUSTOMER", null, b.x(), b.y()));
            } else {
                Views.TraceLot l = lots.get(b.key());
                int c = shown.get(b.key());
                String kind = c == 0 ? "ROOT" : c < 0 ? "ANCESTOR" : "DESCENDANT";
                nodes.add(new Node(
                        kind,
                        l.lot(),
                        l.item(),
                        l.status(),
                        l.status(),
                        ConsoleLinks.lot(l.item(), l.lot()),
                        b.x(),
                        b.y()));
            }
        }
        List<Edge> edges = drawing.routes().stream()
                .map(r -> new Edge(
                        r.svgPath(),
                        labels.get(r.link()),
                        r.label().x(),
                        r.label().y(),
                        toCustomer.get(r.link())))
                .toList();
        return new GenealogyPicture(drawing.width(), drawing.height(), nodes, edges);
    }

    /** The boxes, gaps and label lines of the picture, in SVG pixels. */
    static final LayeredLayout.Metrics METRICS =
            new LayeredLayout.Metrics(NODE_WIDTH, NODE_HEIGHT, COLUMN_GAP, ROW_GAP, 14, MARGIN, 13);

    private static Quantity sum(Quantity a, Quantity b) {
        return a.uom() == b.uom() ? a.plus(b) : a;
    }

    private static String key(String item, String lot) {
        return item + "\u0000" + lot;
    }
}
