package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The genealogy's layered drawing: few crossings, links never behind boxes, labels never on each other. */
class LayeredLayoutTest {

    static final LayeredLayout.Metrics M = new LayeredLayout.Metrics(168, 50, 92, 22, 14, 16, 13);

    @Test
    void twoCrossedLinksAreUncrossedByTheOrderInTheColumn() {
        Map<String, Integer> column = new LinkedHashMap<>();
        column.put("A", 0);
        column.put("B", 0);
        column.put("C", 1);
        column.put("D", 1);
        LayeredLayout.Drawing d = LayeredLayout.layout(column, List.of(Map.entry("A", "D"), Map.entry("B", "C")), M);

        assertThat(d.crossings()).isZero();
        boolean aAboveB = d.boxes().get("A").y() < d.boxes().get("B").y();
        boolean dAboveC = d.boxes().get("D").y() < d.boxes().get("C").y();
        assertThat(aAboveB).isEqualTo(dAboveC);
    }

    @Test
    void aLinkAcrossAColumnRunsThroughAGapOfItsOwnNotBehindTheBoxThere() {
        Map<String, Integer> column = new LinkedHashMap<>();
        column.put("RAW", 0);
        column.put("MID", 1);
        column.put("OTHER", 1);
        column.put("END", 2);
        List<Map.Entry<String, String>> links = List.of(
                Map.entry("RAW", "MID"), Map.entry("MID", "END"), Map.entry("RAW", "END"), Map.entry("OTHER", "END"));
        LayeredLayout.Drawing d = LayeredLayout.layout(column, links, M);

        LayeredLayout.Route across = d.routes().get(2);
        assertThat(across.points()).hasSize(4); // out of RAW, into and out of its slot in column 1, into END
        assertThat(across.svgPath()).startsWith("M").contains(" L");
        assertNothingBehindABox(d);
        assertLabelsApart(d);
    }

    @Test
    void aLinkBackwardsIsDrawnBelowItsBoxesAndTheDrawingGrowsToHoldIt() {
        Map<String, Integer> column = new LinkedHashMap<>();
        column.put("A", 0);
        column.put("B", 1);
        LayeredLayout.Drawing d = LayeredLayout.layout(column, List.of(Map.entry("A", "B"), Map.entry("B", "A")), M);

        LayeredLayout.Route back = d.routes().get(1);
        assertThat(back.back()).isTrue();
        assertThat(back.label().y()).isGreaterThan(d.boxes().get("A").y() + M.nodeHeight());
        assertThat(d.height()).isGreaterThan(back.label().y());
    }

    @Test
    void aLinkToANodeLeftOutOfThePictureIsNotDrawn() {
        LayeredLayout.Drawing d = LayeredLayout.layout(Map.of("A", 0), List.of(Map.entry("A", "GONE")), M);
        assertThat(d.routes()).isEmpty();
        assertThat(d.boxes()).containsOnlyKeys("A");
    }

    /**
     * Any layered genealogy: boxes never overlap, every link's path through a column lies in a slot
     * of its own (never inside a box), and labels in one gap are a line apart.
     */
    @Property(tries = 200)
    void anyGenealogyIsDrawnWithoutOverlaps(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 4) Integer> columns,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 899) Integer> linkSeeds) {
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            column.put("N" + i, columns.get(i));
        }
        List<Map.Entry<String, String>> links = new ArrayList<>();
        for (int seed : linkSeeds) {
            int a = seed % columns.size();
            int b = (seed / 30) % columns.size();
            if (columns.get(a) < columns.get(b)) {
                links.add(Map.entry("N" + a, "N" + b));
            }
        }
        LayeredLayout.Drawing d = LayeredLayout.layout(column, links, M);

        assertThat(d.boxes()).hasSize(columns.size());
        assertThat(d.routes()).hasSize(links.size());
        for (LayeredLayout.Box a : d.boxes().values()) {
            for (LayeredLayout.Box b : d.boxes().values()) {
                if (!a.key().equals(b.key())) {
                    assertThat(overlap(a, b)).as(a + " and " + b).isFalse();
                }
            }
            assertThat(a.x() + M.nodeWidth()).isLessThanOrEqualTo(d.width());
            assertThat(a.y() + M.nodeHeight()).isLessThanOrEqualTo(d.height());
        }
        assertNothingBehindABox(d);
        assertLabelsApart(d);
    }

    private static boolean overlap(LayeredLayout.Box a, LayeredLayout.Box b) {
        return a.x() < b.x() + M.nodeWidth()
                && b.x() < a.x() + M.nodeWidth()
                && a.y() < b.y() + M.nodeHeight()
                && b.y() < a.y() + M.nodeHeight();
    }

    /** The straight runs through columns (points 1→2, 3→4 …) pass no box. */
    private static void assertNothingBehindABox(LayeredLayout.Drawing d) {
        for (LayeredLayout.Route r : d.routes()) {
            for (int i = 1; i + 1 < r.points().size() - 1; i += 2) {
                LayeredLayout.Point in = r.points().get(i);
                for (LayeredLayout.Box b : d.boxes().values()) {
                    boolean sameColumn = b.x() == in.x();
                    boolean inside = in.y() >= b.y() && in.y() <= b.y() + M.nodeHeight();
                    assertThat(sameColumn && inside)
                            .as("link " + r.from() + " → " + r.to() + " behind " + b.key())
                            .isFalse();
                }
            }
        }
    }

    private static void assertLabelsApart(LayeredLayout.Drawing d) {
        List<LayeredLayout.Route> forward =
                d.routes().stream().filter(r -> !r.back()).toList();
        for (LayeredLayout.Route a : forward) {
            for (LayeredLayout.Route b : forward) {
                if (a.link() != b.link() && a.label().x() == b.label().x()) {
                    assertThat(Math.abs(a.label().y() - b.label().y()))
                            .as("labels of " + a.from() + "→" + a.to() + " and " + b.from() + "→" + b.to())
                            .isGreaterThanOrEqualTo(M.labelHeight());
                }
            }
        }
    }
}
