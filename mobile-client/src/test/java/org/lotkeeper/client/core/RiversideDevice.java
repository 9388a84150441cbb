package org.lotkeeper.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.SiteRow;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.model.wire.TaskRow;
import org.lotkeeper.model.wire.UserRow;

/**
 * A device file as it is after enrollment at PLANT-1 and a first pull of the Riverside master data
 * (no lots yet), written straight into SQLite: core and simulator tests need no server.
 */
public final class RiversideDevice {

    public static final String SITE = "PLANT-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RiversideDevice() {}

    /** Writes the enrolled, pulled device file at {@code file} (server URL: a port nobody listens on). */
    public static void prepare(Path file, List<TaskRow> tasks) {
        prepare(file, tasks, List.of(), List.of());
    }

    /** The same, with pulled lots and stock (statuses and expiries as the server knows them). */
    public static void prepare(Path file, List<TaskRow> tasks, List<LotRow> lots, List<StockRow> stock) {
        prepare(file, tasks, lots, stock, "K3");
    }

    /** The same, enrolled with this device tag (null: none, as an enrollment of an older server). */
    public static void prepare(
            Path file, List<TaskRow> tasks, List<LotRow> lots, List<StockRow> stock, String deviceTag) {
        try (SqliteStore store = SqliteStore.open(file)) {
            store.settings()
                    .saveEnrollment(
                            "http://127.0.0.1:9/", new DeviceId("dev-sim-1"), "t0k3n", new SiteCode(SITE), deviceTag);
            store.referenceCache()
                    .applySnapshotPage(
                            snapshot(tasks, lots, stock), true, store.outbox().acknowledgementMark());
        }
    }

    static PullResponse snapshot(List<TaskRow> tasks) {
        return snapshot(tasks, List.of(), List.of());
    }

    static PullResponse snapshot(List<TaskRow> tasks, List<LotRow> lots, List<StockRow> stock) {
        JsonNode md;
        try (InputStream in = RiversideDevice.class.getResourceAsStream("/riverside/masterdata.json")) {
            md = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ItemRow> items = new ArrayList<>();
        for (JsonNode i : md.path("items")) {
            items.add(new ItemRow(
                    ItemCode.of(i.path("code").asText()),
                    i.path("name").asText(),
                    i.hasNonNull("gtin") ? Gtin.of(i.path("gtin").asText()) : null,
                    Uom.valueOf(i.path("baseUom").asText()),
                    i.path("qcRequired").asBoolean(),
                    i.path("coaRequired").asBoolean(),
                    i.hasNonNull("shelfLifeDays") ? i.path("shelfLifeDays").asInt() : null,
                    i.path("minRemainingShelfLifeDays").asInt(0),
                    LotNumbering.valueOf(i.path("lotNumbering").asText("SUPPLIER_LOT")),
                    null,
                    List.of(),
                    suppliers(i)));
        }
        List<LocationRow> locations = new ArrayList<>();
        for (JsonNode l : md.path("locations")) {
            locations.add(new LocationRow(
                    LocationCode.of(l.path("code").asText()),
                    new SiteCode(l.path("site").asText()),
                    LocationType.valueOf(l.path("type").asText()),
                    l.path("pickSequence").asInt()));
        }
        List<PartnerRow> partners = new ArrayList<>();
        for (JsonNode p : md.path("partners")) {
            partners.add(new PartnerRow(
                    PartnerCode.of(p.path("code").asText()),
                    p.path("name").asText(),
                    PartnerKind.valueOf(p.path("kind").asText()),
                    p.hasNonNull("gln") ? Gln.of(p.path("gln").asText()) : null,
                    p.path("minRemainingShelfLifeDays").asInt(0)));
        }
        String salt = PinVerifier.newDeviceSalt();
        List<UserRow> users = new ArrayList<>();
        for (JsonNode u : md.path("users")) {
            List<Role> roles = new ArrayList<>();
            u.path("roles").forEach(r -> roles.add(Role.valueOf(r.asText())));
            String verifier = u.hasNonNull("pin")
                    ? PinVerifier.deviceVerifier(
                            PinVerifier.hashPin(u.path("pin").asText(), new PinVerifier.Cost(1024, 1)), salt)
                    : null;
            users.add(new UserRow(
                    UserId.of(u.path("userId").asText()),
                    u.path("name").asText(),
                    u.hasNonNull("badge") ? u.path("badge").asText() : null,
                    roles,
                    verifier));
        }
        JsonNode site = md.path("sites").get(0);
        SiteRow siteRow = new SiteRow(
                new SiteCode(site.path("code").asText()),
                site.path("name").asText(),
                site.hasNonNull("gln") ? Gln.of(site.path("gln").asText()) : null);
        return new PullResponse("c1", true, items, locations, partners, lots, stock, tasks, users, siteRow);
    }

    private static List<PartnerCode> suppliers(JsonNode item) {
        List<PartnerCode> out = new ArrayList<>();
        item.path("suppliers").forEach(p -> out.add(PartnerCode.of(p.asText())));
        return out;
    }
}
