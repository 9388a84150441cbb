package org.lotkeeper.client.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.scan.ScanRecogniser;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.UserRow;

/**
 * The riverside scenario as test data: master data from {@code masterdata.json}, scanner strings
 * from {@code scans.json}, the pushed events from {@code steps.json}, plus the tasks the device
 * would have pulled for them. One device salt for PIN verifiers.
 */
final class Riverside {

    static final String GS = "\u001d";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode MASTER = read("/riverside/masterdata.json");
    private static final JsonNode SCANS = read("/riverside/scans.json");
    private static final JsonNode STEPS = read("/riverside/steps.json");
    /** A cheap Argon2id cost for tests: the verifier's form is real, only the work per check is small. */
    public static final PinVerifier.Cost FAST_PIN_COST = new PinVerifier.Cost(1024, 1);

    private static final String DEVICE_SALT = PinVerifier.newDeviceSalt();
    private static final String ANA_VERIFIER =
            PinVerifier.deviceVerifier(PinVerifier.hashPin("471147", FAST_PIN_COST), DEVICE_SALT);
    private static final String BEN_VERIFIER =
            PinVerifier.deviceVerifier(PinVerifier.hashPin("583920", FAST_PIN_COST), DEVICE_SALT);

    /** 2026-11-16 08:00 UTC: the morning the raw materials arrive. */
    static final Instant RECEIVING_DAY = Instant.parse("2026-11-16T08:00:00Z");
    /** 2026-11-19 09:00 UTC: picking day. */
    static final Instant PICKING_DAY = Instant.parse("2026-11-19T09:00:00Z");

    private Riverside() {}

    private static JsonNode read(String resource) {
        try (InputStream in = Riverside.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /** A scanner string of scans.json by path, {@code <GS>} already ASCII 29 in the file. */
    static String labelScan(String lot) {
        for (JsonNode l : SCANS.get("labels")) {
            if (l.get("lot").get("lot").asText().equals(lot)) {
                return l.get("scan").asText().replace("<GS>", GS);
            }
        }
        throw new IllegalArgumentException(lot);
    }

    static String internalLabelScan(String lot) {
        for (JsonNode l : SCANS.get("internalLotLabels")) {
            if (l.get("lot").get("lot").asText().equals(lot)) {
                return l.get("scan").asText().replace("<GS>", GS);
            }
        }
        throw new IllegalArgumentException(lot);
    }

    static String locationScan(String location) {
        for (JsonNode l : SCANS.get("locations")) {
            if (l.get("location").asText().equals(location)) {
                return l.get("scan").asText();
            }
        }
        throw new IllegalArgumentException(location);
    }

    static String wedgeTildeScan() {
        return SCANS.get("wedge").get("scan").asText();
    }

    /** The pushed events of steps.json, in order. */
    static List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (JsonNode step : STEPS) {
            if (step.get("step").asText().equals("push")) {
                out.add(EventJson.read(step.get("event"), "").value());
            }
        }
        return out;
    }

    /** The payloads of steps.json of one type whose text form contains every given fragment. */
    static List<org.lotkeeper.model.event.EventPayload> payloads(
            org.lotkeeper.model.event.EventType type, String... fragments) {
        List<org.lotkeeper.model.event.EventPayload> out = new ArrayList<>();
        for (Event e : events()) {
            String text = e.payload().toString();
            if (e.type() == type && java.util.Arrays.stream(fragments).allMatch(text::contains)) {
                out.add(e.payload());
            }
        }
        return out;
    }

    /** A GS1-128 lot label as a scanner sends it. */
    static String lotLabel(String gtin, String lot) {
        return "]C101" + gtin + "10" + lot;
    }

    static final String PRIMER_GTIN = "10614141000101";
    static final String TOPCOAT_GTIN = "10614141000118";
    static final String RESIN_GTIN = "10614141000019";

    static RawScan wedge(String text) {
        return RawScan.of(text, ScanSource.WEDGE);
    }

    /** The FEFO suggestion of a screen as "PR-1001 at WH-A-01, 10 H87". */
    static java.util.Optional<String> fefo(Screen screen) {
        return screen.fefo().map(a -> a.lot().lot() + " at " + a.location() + ", " + a.quantity());
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static WorkflowContext context(InMemoryDeviceData view, InMemoryCapture capture, Instant now) {
        Clock clock = clockAt(now);
        return WorkflowContext.of(
                view,
                capture,
                new ScanRecogniser(Gs1Decoder.create().withClock(clock).withSeparator('~')),
                clock);
    }

    static Session ben() {
        return new Session(UserId.of("ben"), "Ben Picker", Set.of(Role.OPERATOR));
    }

    /** Master data, users, tasks; no lots or stock yet. */
    static InMemoryDeviceData masterData() {
        InMemoryDeviceData view = new InMemoryDeviceData();
        view.siteGln = Gln.of(MASTER.get("sites").get(0).get("gln").asText());
        for (JsonNode i : MASTER.get("items")) {
            List<PackUnit> packs = new ArrayList<>();
            if (i.has("packUnits")) {
                for (JsonNode p : i.get("packUnits")) {
                    packs.add(new PackUnit(
                            p.get("code").asText(),
                            new BigDecimal(p.get("factor").asText())));
                }
            }
            List<PartnerCode> suppliers = new ArrayList<>();
            i.path("suppliers").forEach(p -> suppliers.add(PartnerCode.of(p.asText())));
            view.item(new ItemRow(
                    ItemCode.of(i.get("code").asText()),
                    i.get("name").asText(),
                    i.hasNonNull("gtin") ? Gtin.of(i.get("gtin").asText()) : null,
                    Uom.valueOf(i.get("baseUom").asText()),
                    i.get("qcRequired").asBoolean(),
                    i.get("coaRequired").asBoolean(),
                    i.hasNonNull("shelfLifeDays") ? i.get("shelfLifeDays").asInt() : null,
                    i.path("minRemainingShelfLifeDays").asInt(0),
                    i.hasNonNull("lotNumbering")
                            ? LotNumbering.valueOf(i.get("lotNumbering").asText())
                            : null,
                    i.hasNonNull("lotPattern") ? i.get("lotPattern").asText() : null,
                    packs,
                    suppliers));
        }
        for (JsonNode l : MASTER.get("locations")) {
            view.location(new LocationRow(
                    LocationCode.of(l.get("code").asText()),
                    SiteCode.of(l.get("site").asText()),
                    LocationType.valueOf(l.get("type").asText()),
                    l.get("pickSequence").asInt()));
        }
        for (JsonNode p : MASTER.get("partners")) {
            view.partner(new PartnerRow(
                    PartnerCode.of(p.get("code").asText()),
                    p.get("name").asText(),
                    PartnerKind.valueOf(p.get("kind").asText()),
                    p.hasNonNull("gln") ? Gln.of(p.get("gln").asText()) : null,
                    p.path("minRemainingShelfLifeDays").asInt(0)));
        }
        view.users.put(
                UserId.of("ana"),
                new UserRow(
                        UserId.of("ana"),
                        "Ana Receiver",
                        "B-1001",
                        List.of(Role.RECEIVER, Role.OPERATOR),
                        ANA_VERIFIER));
        view.users.put(
                UserId.of("ben"),
                new UserRow(UserId.of("ben"), "Ben Picker", "B-1002", List.of(Role.OPERATOR), BEN_VERIFIER));
        view.users.put(
                UserId.of("quinn"), new UserRow(UserId.of("quinn"), "Quinn Quality", null, List.of(Role.QA), null));
        receipt(view, "PO-7780", "ACME-RESINS", "RM-RESIN");
        receipt(view, "PO-7781", "ACME-RESINS", "RM-RESIN");
        receipt(view, "PO-7782", "TIO2-CORP", "RM-PIGMENT");
        receipt(view, "PO-7783", "SOLVCO", "RM-SOLVENT");
        view.pickTasks.put(
                Reference.of("SO-1"),
                new PickTask(
                        Reference.of("SO-1"),
                        PartnerCode.of("BUILDMART"),
                        List.of(new PickTask.Line(ItemCode.of("FG-PRIMER"), Quantity.of("10", Uom.H87)))));
        view.pickTasks.put(
                Reference.of("SO-2"),
                new PickTask(
                        Reference.of("SO-2"),
                        PartnerCode.of("HARBOR-PAINTS"),
                        List.of(new PickTask.Line(ItemCode.of("FG-TOPCOAT"), Quantity.of("20", Uom.H87)))));
        view.pickTasks.put(
                Reference.of("SO-3"),
                new PickTask(
                        Reference.of("SO-3"),
                        PartnerCode.of("CITY-MAINT"),
                        List.of(
                                new PickTask.Line(ItemCode.of("FG-PRIMER"), Quantity.of("5", Uom.H87)),
                                new PickTask.Line(ItemCode.of("FG-TOPCOAT"), Quantity.of("10", Uom.H87)))));
        view.shipments.put(Reference.of("SHP-1"), new ShipmentTask(Reference.of("SHP-1"), PartnerCode.of("BUILDMART")));
        view.shipments.put(
                Reference.of("SHP-2"), new ShipmentTask(Reference.of("SHP-2"), PartnerCode.of("HARBOR-PAINTS")));
        view.shipments.put(
                Reference.of("SHP-3"), new ShipmentTask(Reference.of("SHP-3"), PartnerCode.of("CITY-MAINT")));
        view.returns.put(
                Reference.of("RMA-1"), new ReturnAuthorisation(Reference.of("RMA-1"), PartnerCode.of("CITY-MAINT")));
        return view;
    }

    private static void receipt(InMemoryDeviceData view, String po, String supplier, String item) {
        view.receipts.put(
                Reference.of(po),
                new ExpectedReceipt(Reference.of(po), PartnerCode.of(supplier), List.of(ItemCode.of(item))));
    }

    static LotRow lotRow(String item, String lot, LotStatus status, String expiry, String receivedAt) {
        return new LotRow(
                ItemCode.of(item),
                LotCode.of(lot),
                status,
                expiry == null ? null : LocalDate.parse(expiry),
                null,
                receivedAt == null ? null : Instant.parse(receivedAt));
    }

    /**
     * The view on picking day (2026-11-19), after both batches and the rework: PR-1001 (25 pails),
     * PR-1003 (5) and TC-1002 (40) released in WH-A-01, and the raw materials' remains.
     */
    static InMemoryDeviceData pickingDay() {
        InMemoryDeviceData view = masterData();
        view.lot(lotRow("RM-RESIN", "R-2401", LotStatus.RELEASED, "2027-03-31", "2026-11-16T08:05:00Z"));
        view.lot(lotRow("RM-RESIN", "R-2402", LotStatus.RELEASED, "2027-01-31", "2026-11-16T08:20:00Z"));
        view.lot(lotRow("RM-PIGMENT", "P-5001", LotStatus.RELEASED, "2028-06-30", "2026-11-16T09:00:00Z"));
        view.lot(lotRow("RM-SOLVENT", "S-9001", LotStatus.RELEASED, "2027-09-30", "2026-11-16T09:30:00Z"));
        view.lot(lotRow("FG-PRIMER", "PR-1001", LotStatus.RELEASED, "2027-11-17", "2026-11-17T10:00:00Z"));
        view.lot(lotRow("FG-TOPCOAT", "TC-1002", LotStatus.RELEASED, "2027-11-17", "2026-11-17T11:00:00Z"));
        view.lot(lotRow("FG-PRIMER", "PR-1003", LotStatus.RELEASED, "2027-11-18", "2026-11-18T10:00:00Z"));
        view.stock("RM-RESIN", "R-2401", "WH-A-01", Quantity.of("850", Uom.KGM));
        view.stock("RM-PIGMENT", "P-5001", "WH-B-01", Quantity.of("400", Uom.KGM));
        view.stock("RM-SOLVENT", "S-9001", "WH-B-01", Quantity.of("1500", Uom.LTR));
        view.stock("FG-PRIMER", "PR-1001", "WH-A-01", Quantity.of("25", Uom.H87));
        view.stock("FG-PRIMER", "PR-1003", "WH-A-01", Quantity.of("5", Uom.H87));
        view.stock("FG-TOPCOAT", "TC-1002", "WH-A-01", Quantity.of("40", Uom.H87));
        return view;
    }
}
