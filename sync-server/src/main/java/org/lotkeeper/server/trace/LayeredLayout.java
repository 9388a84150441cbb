package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A layered drawing of a genealogy (Sugiyama's method) whose nodes come with their column — the
 * links from the lot, ancestors to the left, descendants and customers to the right:
 *
 * <ol>
 *   <li>a link that spans several columns gets a dummy node in each column between, so it runs
 *       through a gap of its own and never behind a box;</li>
 *   <li>the order within each column is chosen by barycenter sweeps (each node moves to the mean
 *       position of its neighbours in the column before, then after), keeping the order with the
 *       fewest crossings seen;</li>
 *   <li>columns are stacked top-down and centred; links are routed through their dummies, and each
 *       link's label sits in the first gap it crosses, pushed apart from the labels above it so
 *       none overlaps another.</li>
 * </ol>
 *
 * A link that does not go right (a cycle in bad data) is drawn below its boxes. Positions only, in
 * the units of {@link Metrics}; what the boxes say is the caller's. Deterministic: the same graph
 * gives the same picture.
 */
public final class LayeredLayout {

    /** Sizes: boxes, the gaps between columns and rows, a dummy's slot, the margin, a label's line. */
    public record Metrics(
            int nodeWidth, int nodeHeight, int columnGap, int rowGap, int dummyHeight, int margin, int labelHeight) {}

    /** A box's top-left corner. */
    public record Box(String key, int x, int y) {}

    public record Point(int x, int y) {}

    /**
     * A link drawn through {@code points}: from the right side of its source box, across every
     * column between (two points each: in and out of the dummy's slot) to the left side of its
     * target; {@code label} is where its text is centred. {@code back}: a link that does not go
     * right, drawn from the bottom of one box to the bottom of the other. {@code link}: its index in
     * the links laid out.
     */
    public record Route(int link, String from, String to, List<Point> points, Point label, boolean back) {

        /**
         * The route's pieces from its first point: a cubic curve across each gap (a back link: one
         * curve bent below its boxes), a straight run through each column it crosses.
         */
        public List<Segment> segments() {
            List<Segment> out = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                if (back) {
                    int bend = Math.max(a.y(), b.y()) + 40;
                    out.add(new Segment(new Point(a.x(), bend), new Point(b.x(), bend), b));
                } else if (i % 2 == 0) {
                    out.add(new Segment(null, null, b));
                } else {
                    int mid = (a.x() + b.x()) / 2;
                    out.add(new Segment(new Point(mid, a.y()), new Point(mid, b.y()), b));
                }
            }
            return out;
        }

        /** The route as an SVG path. */
        public String svgPath() {
            StringBuilder d = new StringBuilder(
                    "M" + points.get(0).x() + "," + points.get(0).y());
            for (Segment s : segments()) {
                if (s.straight()) {
                    d.append(" L").append(s.to().x()).append(',').append(s.to().y());
                } else {
                    d.append(" C").append(s.c1().x()).append(',').append(s.c1().y());
                    d.append(' ').append(s.c2().x()).append(',').append(s.c2().y());
                    d.append(' ').append(s.to().x()).append(',').append(s.to().y());
                }
            }
            return d.toString();
        }
    }

    /** A piece of a route to {@code to}: a cubic curve with control points c1, c2, or straight (both null). */
    public record Segment(Point c1, Point c2, Point to) {
        public boolean straight() {
            return c1 == null;
        }
    }

    /** The drawing: its size, every box by key, the links drawn in the order given, and the crossings left. */
    public record Drawing(int width, int height, Map<String, Box> boxes, List<Route> routes, int crossings) {}

    private static final int SWEEPS = 12;

    private LayeredLayout() {}

    /**
     * Lays out the nodes ({@code column} of each, by key, in the order to start from) and the links
     * ({@code from} → {@code to}, keys of nodes); a link naming an unknown node is left out.
     */
    public static Drawing layout(Map<String, Integer> column, List<Map.Entry<String, String>> links, Metrics m) {
        List<Integer> columns = new ArrayList<>(new TreeSet<>(column.values()));
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<List<Vertex>> layers = new ArrayList<>();
        columns.forEach(c -> layers.add(new ArrayList<>()));
        Map<String, Vertex> real = new LinkedHashMap<>();
        column.forEach((key, c) -> {
            Vertex v = new Vertex(key, index.get(c));
            layers.get(v.layer).add(v);
            real.put(key, v);
        });
        List<List<Vertex>> chains = new ArrayList<>(); // per link: source, dummies, target (empty when left out)
        for (Map.Entry<String, String> link : links) {
            Vertex from = real.get(link.getKey());
            Vertex to = real.get(link.getValue());
            List<Vertex> chain = new ArrayList<>();
            if (from != null && to != null) {
                chain.add(from);
                if (to.layer > from.layer) {
                    Vertex previous = from;
                    for (int l = from.layer + 1; l < to.layer; l++) {
                        Vertex dummy = new Vertex(null, l);
                        layers.get(l).add(dummy);
                        previous.next.add(dummy);
                        dummy.previous.add(previous);
                        chain.add(dummy);
                        previous = dummy;
                    }
                    previous.next.add(to);
                    to.previous.add(previous);
                }
                chain.add(to);
            }
            chains.add(chain);
        }
        int crossings = order(layers);
        return place(layers, chains, m, crossings);
    }

    /** A node or a dummy of a long link ({@code key} null). */
    private static final class Vertex {
        final String key;
        final int layer;
        final List<Vertex> previous = new ArrayList<>();
        final List<Vertex> next = new ArrayList<>();
        int position;
        double weight;
        int top;

        Vertex(String key, int layer) {
            this.key = key;
            this.layer = layer;
        }

        boolean dummy() {
            return key == null;
        }
    }

    // ---------------------------------------------------------------- ordering

    /** Barycenter sweeps, down and up; the layers end in the best order seen. Answers its crossings. */
    static int order(List<List<Vertex>> layers) {
        number(layers);
        List<List<Vertex>> best = copy(layers);
        int fewest = crossings(layers);
        for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            if (down) {
                for (int l = 1; l < layers.size(); l++) {
                    sortByBarycenter(layers.get(l), true);
                }
            } else {
                for (int l = layers.size() - 2; l >= 0; l--) {
                    sortByBarycenter(layers.get(l), false);
                }
            }
            int now = crossings(layers);
            if (now < fewest) {
                fewest = now;
                best = copy(layers);
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            layers.set(l, best.get(l));
        }
        number(layers);
        return fewest;
    }

    private static void sortByBarycenter(List<Vertex> layer, boolean byPrevious) {
        for (Vertex v : layer) {
            List<Vertex> neighbours = byPrevious ? v.previous : v.next;
            v.weight = neighbours.isEmpty()
                    ? v.position
                    : neighbours.stream().mapToInt(n -> n.position).average().orElse(v.position);
        }
        layer.sort(Comparator.comparingDouble((Vertex v) -> v.weight));
        for (int i = 0; i < layer.size(); i++) {
            layer.get(i).position = i;
        }
    }

    private static void number(List<List<Vertex>> layers) {
        for (List<Vertex> layer : layers) {
            for (int i = 0; i < layer.size(); i++) {
                layer.get(i).position = i;
            }
        }
    }

    private static List<List<Vertex>> copy(List<List<Vertex>> layers) {
        List<List<Vertex>> out = new ArrayList<>();
        layers.forEach(l -> out.add(new ArrayList<>(l)));
        return out;
    }

    /** Pairs of links between neighbouring columns that cross. */
    static int crossings(List<List<Vertex>> layers) {
        int total = 0;
        for (List<Vertex> layer : layers) {
            List<int[]> segments = new ArrayList<>();
            for (Vertex v : layer) {
                for (Vertex w : v.next) {
                    segments.add(new int[] {v.position, w.position});
                }
            }
            for (int i = 0; i < segments.size(); i++) {
                for (int j = i + 1; j < segments.size(); j++) {
                    int[] a = segments.get(i);
                    int[] b = segments.get(j);
                    if ((a[0] - b[0]) * (long) (a[1] - b[1]) < 0) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    // ---------------------------------------------------------------- coordinates

    private static Drawing place(List<List<Vertex>> layers, List<List<Vertex>> chains, Metrics m, int crossings) {
        int tallest = 0;
        for (List<Vertex> layer : layers) {
            tallest = Math.max(tallest, columnHeight(layer, m));
        }
        int height = 2 * m.margin() + Math.max(tallest, m.nodeHeight());
        int width = 2 * m.margin() + layers.size() * m.nodeWidth() + Math.max(0, layers.size() - 1) * m.columnGap();
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            List<Vertex> layer = layers.get(l);
            int y = m.margin() + (height - 2 * m.margin() - columnHeight(layer, m)) / 2;
            for (Vertex v : layer) {
                v.top = y;
                if (!v.dummy()) {
                    boxes.put(v.key, new Box(v.key, x(l, m), y));
                }
                y += (v.dummy() ? m.dummyHeight() : m.nodeHeight()) + m.rowGap();
            }
        }
        List<Route> routes = new ArrayList<>();
        Map<Integer, List<int[]>> labelsInGap = new HashMap<>(); // gap -> [route index, wanted y]
        for (List<Vertex> chain : chains) {
            if (chain.isEmpty()) {
                routes.add(null);
                continue;
            }
            Vertex from = chain.get(0);
            Vertex to = chain.get(chain.size() - 1);
            if (to.layer <= from.layer) {
                Point a = new Point(x(from.layer, m) + m.nodeWidth() / 2, from.top + m.nodeHeight());
                Point b = new Point(x(to.layer, m) + m.nodeWidth() / 2, to.top + m.nodeHeight());
                routes.add(new Route(
                        routes.size(),
                        from.key,
                        to.key,
                        List.of(a, b),
                        new Point((a.x() + b.x()) / 2, Math.max(a.y(), b.y()) + 30 + m.labelHeight()),
                        true));
                continue;
            }
            List<Point> points = new ArrayList<>();
            points.add(new Point(x(from.layer, m) + m.nodeWidth(), centre(from, m)));
            for (Vertex d : chain.subList(1, chain.size() - 1)) {
                points.add(new Point(x(d.layer, m), centre(d, m)));
                points.add(new Point(x(d.layer, m) + m.nodeWidth(), centre(d, m)));
            }
            points.add(new Point(x(to.layer, m), centre(to, m)));
            Point a = points.get(0);
            Point b = points.get(1);
            labelsInGap.computeIfAbsent(from.layer, g -> new ArrayList<>()).add(new int[] {
                routes.size(), (a.y() + b.y()) / 2 - 4
            });
            routes.add(new Route(routes.size(), from.key, to.key, points, new Point((a.x() + b.x()) / 2, 0), false));
        }
        // labels in one gap: in the order of their links, each at least a line below the one above
        labelsInGap.forEach((gap, wanted) -> {
            wanted.sort(Comparator.comparingInt((int[] w) -> w[1]));
            int floor = Integer.MIN_VALUE;
            for (int[] w : wanted) {
                int y = Math.max(w[1], floor);
                Route r = routes.get(w[0]);
                routes.set(
                        w[0],
                        new Route(
                                r.link(),
                                r.from(),
                                r.to(),
                                r.points(),
                                new Point(r.label().x(), y),
                                false));
                floor = y + m.labelHeight();
            }
        });
        int bottom = height;
        for (Route r : routes) {
            if (r != null) {
                bottom = Math.max(bottom, r.label().y() + m.margin());
            }
        }
        return new Drawing(
                width, bottom, boxes, routes.stream().filter(Objects::nonNull).toList(), crossings);
    }

    private static int columnHeight(List<Vertex> layer, Metrics m) {
        int h = 0;
        for (Vertex v : layer) {
            h += v.dummy() ? m.dummyHeight() : m.nodeHeight();
        }
        return h + Math.max(0, layer.size() - 1) * m.rowGap();
    }

    private static int x(int layer, Metrics m) {
        return m.margin() + layer * (m.nodeWidth() + m.columnGap());
    }

    private static int centre(Vertex v, Metrics m) {
        return v.top + (v.dummy() ? m.dummyHeight() : m.nodeHeight()) / 2;
    }
}
