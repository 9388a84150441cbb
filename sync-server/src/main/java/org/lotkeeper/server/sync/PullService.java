package org.lotkeeper.server.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.wire.ContainerRow;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.SiteRow;
import org.lotkeeper.model.wire.SsccBlock;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.model.wire.UserRow;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.ledger.ProjectionQueries.ContainerKey;
import org.lotkeeper.server.ledger.ProjectionQueries.LotKey;
import org.lotkeeper.server.ledger.ProjectionQueries.StockKey;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.pallets.SsccBlocks;
import org.lotkeeper.server.quality.SpecificationService;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.DeviceService;
import org.lotkeeper.server.security.UserService;
import org.lotkeeper.server.tasks.TaskService;

/**
 * Reference data down to a device (docs/PROTOCOL.md pull): a snapshot of its site when it has no
 * cursor, then what changed. Each cycle sends the site's master data and users whole on its first
 * page (they are small, and a whole list also tells the device what was removed), then the lots
 * and stock changed since the last cycle, in key-ordered pages; the opaque cursor carries the
 * phase, the page key and the change positions ({@link ProjectionQueries}).
 */
@ApplicationScoped
public class PullService {

    static final int DEFAULT_LIMIT = 5000;
    static final int MAX_LIMIT = 20000;
    /** What the cursor carries; {@code v} changes when the format does. */
    record Cursor(
            int v,
            String site,
            long since,
            long upto,
            String phase,
            String item,
            String lot,
            String location,
            String container) {
        /** 2: containers after stock (a cursor of version 1 is expired, and the device reloads a snapshot). */
        static final int VERSION = 2;
    }

    @Inject
    ProjectionQueries projections;

    @Inject
    MasterDataLookup masterData;

    @Inject
    UserService users;

    @Inject
    DeviceService devices;

    @Inject
    TaskService tasks;

    @Inject
    ObjectMapper mapper;

    @Inject
    SpecificationService specifications;

    @Inject
    Clock clock;

    @Inject
    SsccBlocks ssccBlocks;

    /**
     * One page of the device's pull.
     *
     * @param ssccBlock the id of the newest SSCC block the device holds (0: none), or null when it
     *                  does not say (an older client: it gets no block)
     * @param ssccLeft  how many unused SSCCs it holds
     */
    @Transactional
    public PullResponse pull(Actor device, String cursorText, int limit, Long ssccBlock, int ssccLeft) {
        String site = device.sites().iterator().next();
        Cursor cursor = cursorText == null || cursorText.isBlank() ? newCycle(site, 0) : decode(cursorText, site);
        List<ItemRow> items = List.of();
        List<LocationRow> locations = List.of();
        List<PartnerRow> partners = List.of();
        List<UserRow> userRows = List.of();
        List<TaskRow> taskRows = List.of();
        SiteRow siteRow = null;
        SsccBlock block = null;
        if ("master".equals(cursor.phase())) {
            block = ssccBlocks.forDevice(device.id(), site, ssccBlock, ssccLeft).orElse(null);
            // the specification in force today at the device's site: its tests are what a receiver keys
            // from a supplier's COA, its assay makes the item potency-managed
            Map<ItemCode, Specification> specs = new HashMap<>();
            specifications
                    .allInForce(LocalDate.ofInstant(clock.instant(), masterData.zoneOf(List.of(site))))
                    .forEach(s -> specs.put(s.item(), s));
            items = masterData.allItems().stream()
                    .map(i -> itemRow(i, specs.get(ItemCode.of(i.code()))))
                    .toList();
            locations = masterData.locationsOfSite(site).stream()
                    .map(l -> new LocationRow(
                            LocationCode.of(l.code()), SiteCode.of(l.site()), l.type(), l.pickSequence()))
                    .toList();
            partners = masterData.allPartners().stream()
                    .map(p -> new PartnerRow(
                            PartnerCode.of(p.code()),
                            p.name(),
                            p.kind(),
                            p.gln() == null ? null : Gln.of(p.gln()),
                            p.minRemainingShelfLifeDays()))
                    .toList();
            String salt = devices.find(device.id()).orElseThrow().pinSalt();
            userRows = users.usersForDevice(site, salt).stream()
                    .map(u -> new UserRow(
                            UserId.of(u.userId()), u.name(), u.badge(), List.copyOf(u.roles()), u.pinVerifier()))
                    .toList();
            taskRows = tasks.openTasks(site);
            siteRow = masterData
                    .site(site)
                    .map(s -> new SiteRow(SiteCode.of(s.code()), s.name(), s.gln() == null ? null : Gln.of(s.gln())))
                    .orElse(null);
            cursor = next(cursor, "lots", "", "", "", "");
        }
        List<LotRow> lots = new ArrayList<>();
        List<StockRow> stock = new ArrayList<>();
        int room = limit;
        if ("lots".equals(cursor.phase())) {
            lots.addAll(projections.lotsChanged(site, cursor.since(), new LotKey(cursor.item(), cursor.lot()), room));
            room -= lots.size();
            if (room == 0) {
                LotRow last = lots.get(lots.size() - 1);
                cursor = next(cursor, "lots", last.item().value(), last.lot().value(), "", "");
            } else {
                cursor = next(cursor, "stock", "", "", "", "");
            }
        }
        if ("stock".equals(cursor.phase()) && room > 0) {
            stock.addAll(projections.stockChanged(
                    site, cursor.since(), new StockKey(cursor.item(), cursor.lot(), cursor.location()), room));
            room -= stock.size();
            if (room == 0) {
                StockRow last = stock.get(stock.size() - 1);
                cursor = next(
                        cursor,
                        "stock",
                        last.item().value(),
                        last.lot().value(),
                        last.location().value(),
                        "");
            } else {
                cursor = next(cursor, "containers", "", "", "", "");
            }
        }
        List<ContainerRow> containers = new ArrayList<>();
        boolean complete = false;
        if ("containers".equals(cursor.phase()) && room > 0) {
            containers.addAll(projections.containersChanged(
                    site,
                    cursor.since(),
                    new ContainerKey(cursor.container(), cursor.item(), cursor.lot(), cursor.location()),
                    room));
            room -= containers.size();
            if (room == 0) {
                ContainerRow last = containers.get(containers.size() - 1);
                cursor = next(
                        cursor,
                        "containers",
                        last.item().value(),
                        last.lot().value(),
                        last.location().value(),
                        last.sscc().value());
            } else {
                complete = true;
                cursor = newCycle(site, cursor.upto());
            }
        }
        return new PullResponse(
                encode(cursor),
                complete,
                items,
                locations,
                partners,
                lots,
                stock,
                taskRows,
                userRows,
                siteRow,
                containers,
                block);
    }

    /** A cycle that sends everything changed at or after {@code since}. */
    private Cursor newCycle(String site, long since) {
        return new Cursor(Cursor.VERSION, site, since, projections.horizon(), "master", "", "", "", "");
    }

    private static Cursor next(Cursor c, String phase, String item, String lot, String location, String container) {
        return new Cursor(c.v(), c.site(), c.since(), c.upto(), phase, item, lot, location, container);
    }

    private String encode(Cursor cursor) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(cursor));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cursor cannot be written", e);
        }
    }

    private Cursor decode(String text, String site) {
        Cursor c;
        try {
            if (text.length() > 2000) {
                throw new IllegalArgumentException("too long");
            }
            c = mapper.readValue(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8), Cursor.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw Refused.invalid(
                    ErrorCode.BAD_FORMAT, "cursor is not one this server issued; pull without a cursor", "cursor");
        }
        boolean usable = c.v() == Cursor.VERSION
                && site.equals(c.site())
                && c.phase() != null
                && List.of("master", "lots", "stock", "containers").contains(c.phase())
                && c.item() != null
                && c.lot() != null
                && c.location() != null
                && c.container() != null;
        if (!usable) {
            throw Refused.of(
                    ErrorCode.CURSOR_EXPIRED,
                    "this cursor can no longer be served; reload a snapshot (pull without a cursor) and keep the outbox");
        }
        return c;
    }

    private static ItemRow itemRow(MasterDataLookup.ItemInfo i, Specification specification) {
        return new ItemRow(
                ItemCode.of(i.code()),
                i.name(),
                i.gtin() == null ? null : Gtin.of(i.gtin()),
                i.baseUom(),
                i.qcRequired(),
                i.coaRequired(),
                i.shelfLifeDays(),
                i.minRemainingShelfLifeDays(),
                i.lotNumbering(),
                i.lotPattern(),
                i.packUnits().entrySet().stream()
                        .map(e -> new PackUnit(e.getKey(), e.getValue()))
                        .toList(),
                i.suppliers().stream().map(PartnerCode::of).toList(),
                specification);
    }
}
