package org.lotkeeper.model.wire;

import java.util.ArrayList;
import java.util.List;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * How much of each line of a delivery note, RMA or expected receipt (PO, ASN) is done, on the server (what the ledger holds)
 * and on a device (the same, plus its own events the server's figures may not include yet).
 * Quantities add to what a line already has done. Shipped quantities fill first
 * the lines that name the shipped lot, then the lines of the item that name none, in line order,
 * each up to its quantity; what is left over counts on the item's last line (an over-shipment
 * shows). Returned quantities count on the line of their lot. Quantities are in the item's base
 * unit, as task lines and the projections keep them.
 */
public final class TaskProgress {

    /** What is held of one lot against a task (shipped or returned), in the item's base unit. */
    public record Held(ItemCode item, LotCode lot, Quantity quantity) {}

    private TaskProgress() {}

    public static List<TaskRow.Line> shipped(List<TaskRow.Line> lines, List<Held> held) {
        Quantity[] done = lines.stream().map(TaskRow.Line::done).toArray(Quantity[]::new);
        for (Held h : held) {
            Quantity left = h.quantity();
            // lines naming this lot first, then lines of the item naming none
            for (int pass = 0; pass < 2 && left.isPositive(); pass++) {
                for (int i = 0; i < lines.size() && left.isPositive(); i++) {
                    TaskRow.Line l = lines.get(i);
                    boolean fits =
                            l.item().equals(h.item()) && (pass == 0 ? h.lot().equals(l.lot()) : l.lot() == null);
                    if (!fits) {
                        continue;
                    }
                    Quantity room =
                            done[i] == null ? l.quantity() : l.quantity().minus(done[i]);
                    if (!room.isPositive()) {
                        continue;
                    }
                    Quantity take = left.compareTo(room) > 0 ? room : left;
                    done[i] = done[i] == null ? take : done[i].plus(take);
                    left = left.minus(take);
                }
            }
            if (left.isPositive()) {
                int last = lastLineOf(lines, h);
                if (last >= 0) {
                    done[last] = done[last] == null ? left : done[last].plus(left);
                }
            }
        }
        return withDone(lines, done);
    }

    public static List<TaskRow.Line> returned(List<TaskRow.Line> lines, List<Held> held) {
        Quantity[] done = lines.stream().map(TaskRow.Line::done).toArray(Quantity[]::new);
        for (Held h : held) {
            for (int i = 0; i < lines.size(); i++) {
                TaskRow.Line l = lines.get(i);
                if (l.item().equals(h.item()) && h.lot().equals(l.lot())) {
                    done[i] = done[i] == null ? h.quantity() : done[i].plus(h.quantity());
                    break;
                }
            }
        }
        return withDone(lines, done);
    }

    /** Whether every line is done in full (and there is a line). */
    public static boolean complete(List<TaskRow.Line> lines) {
        return !lines.isEmpty()
                && lines.stream().allMatch(l -> l.done() != null && l.done().compareTo(l.quantity()) >= 0);
    }

    /** Whether any line has something done. */
    public static boolean started(List<TaskRow.Line> lines) {
        return lines.stream().anyMatch(l -> l.done() != null && l.done().isPositive());
    }

    private static int lastLineOf(List<TaskRow.Line> lines, Held h) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            TaskRow.Line l = lines.get(i);
            if (l.item().equals(h.item()) && (l.lot() == null || h.lot().equals(l.lot()))) {
                last = i;
            }
        }
        return last;
    }

    private static List<TaskRow.Line> withDone(List<TaskRow.Line> lines, Quantity[] done) {
        List<TaskRow.Line> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            TaskRow.Line l = lines.get(i);
            out.add(new TaskRow.Line(l.item(), l.lot(), l.location(), l.quantity(), l.order(), done[i], l.reason()));
        }
        return out;
    }
}
