package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;

/**
 * Reference data for a device: {@code GET /api/v1/sync/pull}. Without a cursor the answer is a
 * full snapshot of the device's site; {@code complete == false} means: call again with the new
 * cursor. Absent lists read as empty.
 *
 * @param cursor    the opaque cursor for the next call
 * @param complete  true when nothing more is waiting
 * @param items     items
 * @param locations locations
 * @param partners  partners
 * @param lots      lots
 * @param stock     stock on hand by lot and location
 * @param tasks     tasks
 * @param users     users of the site
 * @param site      the device's own site, on the first page of each cycle (null on the others)
 * @param containers what the site's containers hold, by lot and location (docs/PROTOCOL.md pull)
 * @param ssccBlock a block of SSCCs for this device, on the first page of a cycle when it needs one
 *                  (null otherwise)
 */
public record PullResponse(
        String cursor,
        boolean complete,
        List<ItemRow> items,
        List<LocationRow> locations,
        List<PartnerRow> partners,
        List<LotRow> lots,
        List<StockRow> stock,
        List<TaskRow> tasks,
        List<UserRow> users,
        SiteRow site,
        List<ContainerRow> containers,
        SsccBlock ssccBlock) {

    /** Checks the invariants; copies the lists. */
    public PullResponse {
        Objects.requireNonNull(cursor, "cursor is required");
        items = copy(items);
        locations = copy(locations);
        partners = copy(partners);
        lots = copy(lots);
        stock = copy(stock);
        tasks = copy(tasks);
        users = copy(users);
        containers = copy(containers);
    }

    /** A page without containers or SSCC block. */
    public PullResponse(
            String cursor,
            boolean complete,
            List<ItemRow> items,
            List<LocationRow> locations,
            List<PartnerRow> partners,
            List<LotRow> lots,
            List<StockRow> stock,
            List<TaskRow> tasks,
            List<UserRow> users,
            SiteRow site) {
        this(cursor, complete, items, locations, partners, lots, stock, tasks, users, site, List.of(), null);
    }

    /** A page without the site row (not the first page of a cycle). */
    public PullResponse(
            String cursor,
            boolean complete,
            List<ItemRow> items,
            List<LocationRow> locations,
            List<PartnerRow> partners,
            List<LotRow> lots,
            List<StockRow> stock,
            List<TaskRow> tasks,
            List<UserRow> users) {
        this(cursor, complete, items, locations, partners, lots, stock, tasks, users, null);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
