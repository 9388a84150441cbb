package org.lotkeeper.client.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
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
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.model.wire.UserRow;

/** Reference data and events for store and sync tests: one plant site with a resin and a solvent. */
public final class StoreFixtures {

    public static final SiteCode SITE = new SiteCode("PLANT-1");
    public static final UserId ANA = new UserId("ana");
    public static final ItemCode RESIN = new ItemCode("RM-RESIN");
    public static final ItemCode SOLVENT = new ItemCode("RM-SOLVENT");
    public static final Gtin RESIN_GTIN = new Gtin("09506000134352");
    public static final LocationCode DOCK = new LocationCode("RCV-DOCK-1");
    public static final LocationCode A01 = new LocationCode("WH-A-01");
    public static final LocationCode A02 = new LocationCode("WH-A-02");
    public static final LocationCode QUARANTINE = new LocationCode("QA-HOLD");
    public static final PartnerCode ACME = new PartnerCode("ACME-RESINS");

    private StoreFixtures() {}

    public static Quantity kg(String value) {
        return Quantity.of(value, Uom.KGM);
    }

    public static ItemRow resin() {
        return new ItemRow(
                RESIN,
                "Epoxy resin",
                RESIN_GTIN,
                Uom.KGM,
                true,
                true,
                365,
                30,
                LotNumbering.SUPPLIER_LOT,
                null,
                List.of(),
                List.of());
    }

    public static ItemRow solvent() {
        return new ItemRow(SOLVENT, "Solvent", null, Uom.LTR, false, false, null, 0, null, null, List.of(), List.of());
    }

    /** A complete snapshot: two items, four locations, one supplier, two resin lots with stock, one user. */
    public static PullResponse snapshot(String cursor) {
        return new PullResponse(
                cursor,
                true,
                List.of(resin(), solvent()),
                List.of(
                        new LocationRow(DOCK, SITE, LocationType.RECEIVING, 1),
                                new LocationRow(A01, SITE, LocationType.STORAGE, 10),
                        new LocationRow(A02, SITE, LocationType.STORAGE, 20),
                                new LocationRow(QUARANTINE, SITE, LocationType.QUARANTINE, 99)),
                List.of(new PartnerRow(ACME, "Acme Resins", PartnerKind.SUPPLIER, null, 0)),
                List.of(
                        new LotRow(
                                RESIN,
                                new LotCode("R-1"),
                                LotStatus.RELEASED,
                                LocalDate.parse("2027-01-31"),
                                null,
                                Instant.parse("2026-10-01T08:00:00Z")),
                        new LotRow(
                                RESIN,
                                new LotCode("R-2"),
                                LotStatus.RELEASED,
                                LocalDate.parse("2027-03-31"),
                                null,
                                Instant.parse("2026-10-02T08:00:00Z"))),
                List.of(
                        new StockRow(RESIN, new LotCode("R-1"), A01, kg("100")),
                        new StockRow(RESIN, new LotCode("R-2"), A02, kg("250"))),
                List.of(),
                List.of(new UserRow(
                        ANA, "Ana", "BADGE-0042", List.of(Role.OPERATOR, Role.RECEIVER), "pbkdf2-sha256$x")));
    }

    public static Move move(String lot, String quantity, LocationCode from, LocationCode to) {
        return new Move(RESIN, new LotCode(lot), kg(quantity), from, to, null);
    }

    public static Receive receive(String lot, String quantity) {
        return new Receive(
                ACME,
                new Reference("PO-7781"),
                RESIN,
                new LotCode(lot),
                null,
                kg(quantity),
                LocalDate.parse("2027-06-30"),
                null,
                DOCK,
                null,
                List.of(),
                null);
    }
}
