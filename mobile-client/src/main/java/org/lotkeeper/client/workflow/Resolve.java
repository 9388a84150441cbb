package org.lotkeeper.client.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Warning;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Dimension;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;

/** Turns recognised scans into the things workflows expect (a location, a lot, a reference), or refuses them. */
final class Resolve {

    /**
     * A scanned lot.
     *
     * @param item  its item
     * @param lot   its code
     * @param label the GS1 data of the label, or null (a plain code, a known container)
     * @param sscc  the container it was scanned on, or null
     * @param containerQuantity what the container holds of it, or null
     */
    record LotScan(ItemRow item, LotCode lot, Gs1Data label, Sscc sscc, Quantity containerQuantity) {

        LotRef ref() {
            return new LotRef(item.code(), lot);
        }
    }

    private final ReferenceData masterData;
    private final StockView stock;

    Resolve(ReferenceData reference, StockView stock) {
        this.masterData = reference;
        this.stock = stock;
    }

    /** What a scan is, in words, for "This is …, not …" sentences. */
    static String describe(Scan scan) {
        if (scan instanceof Scan.Product) {
            return "a product label";
        } else if (scan instanceof Scan.Container c) {
            return "the pallet label " + c.sscc();
        } else if (scan instanceof Scan.GlnLocation || scan instanceof Scan.Location) {
            return "a location label";
        } else if (scan instanceof Scan.Badge) {
            return "a badge";
        } else if (scan instanceof Scan.Order o) {
            return "the order sheet " + o.order();
        } else if (scan instanceof Scan.Shipment s) {
            return "the delivery note " + s.shipment();
        } else if (scan instanceof Scan.Code c) {
            return "the code " + c.value();
        } else if (scan instanceof Scan.OtherGs1) {
            return "a GS1 label of another kind";
        }
        return "an unreadable barcode";
    }

    /** A location from a location label, a GS1 location (414 + 254) or a plain bin code. */
    LocationRow location(Scan scan) {
        LocationCode code;
        if (scan instanceof Scan.Location l) {
            code = l.code();
        } else if (scan instanceof Scan.Code c) {
            code = c.asLocationCode();
        } else if (scan instanceof Scan.GlnLocation g) {
            Optional<Gln> site = masterData.siteGln();
            if (site.isPresent() && !site.get().equals(g.gln())) {
                throw new Refusal("This location label belongs to another site (GLN " + g.gln()
                        + ") — scan a location label of this site.");
            }
            if (g.extension().isEmpty()) {
                throw new Refusal("This is the site's GLN label, not a bin label — scan the label on the bin.");
            }
            try {
                code = LocationCode.of(g.extension().get());
            } catch (IllegalArgumentException e) {
                throw new Refusal("Location " + g.extension().get()
                        + " is not known on this device — scan a location label of this site.");
            }
        } else {
            throw new Refusal("This is " + describe(scan) + ", not a location label — scan the location label.");
        }
        return masterData
                .location(code)
                .orElseThrow(() -> Refusal.missingOnDevice("Location " + code
                        + " is not known on this device — scan a location label of this site, or sync the device."));
    }

    /** A location of one of the allowed types. */
    LocationRow location(Scan scan, List<LocationType> allowed, String purpose) {
        LocationRow row = location(scan);
        if (!allowed.contains(row.type())) {
            throw new Refusal(row.code() + " is a " + words(row.type()) + " location; " + purpose + " — scan a "
                    + allowed.stream().map(Resolve::words).collect(Collectors.joining(" or ")) + " location.");
        }
        return row;
    }

    static String words(LocationType type) {
        return Words.of(type).toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant a one-tap choice hands back; anything else is refused with {@code ask}. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String ask) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.strip())) {
                    return e;
                }
            }
        }
        throw new Refusal(ask);
    }

    /** A partner code as keyed or chosen ({@code what}: "supplier", "customer"); refused when it cannot be one. */
    static PartnerCode partnerCode(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new Refusal("Choose the " + what + ".");
        }
        try {
            return PartnerCode.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(printable(text.strip()) + " is not a " + what + " code — choose the " + what + ".");
        }
    }

    /** An item code as keyed; empty when the text cannot be one. */
    static Optional<ItemCode> itemCode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ItemCode.of(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The item of a GS1 label: its GTIN (01) or content GTIN (02). */
    ItemRow itemOf(Gs1Data data) {
        Gtin gtin = data.gtin()
                .or(data::contentGtin)
                .orElseThrow(() -> new Refusal("This label has no GTIN — scan the product label."));
        return masterData
                .itemByGtin(gtin)
                .orElseThrow(
                        () -> Refusal.missingOnDevice(
                                "GTIN " + gtin
                                        + " is not an item on this device — sync the device, or ask for the item to be added to master data."));
    }

    /** A lot from a GS1 lot label, a pallet label, or a plain lot code. */
    LotScan lot(Scan scan) {
        if (scan instanceof Scan.Product p) {
            return lotOfLabel(p.data(), null);
        }
        if (scan instanceof Scan.Container c) {
            if (c.data().lot().isPresent()
                    && (c.data().contentGtin().isPresent() || c.data().gtin().isPresent())) {
                return lotOfLabel(c.data(), c.sscc());
            }
            ContainerInfo info = stock.container(c.sscc())
                    .orElseThrow(() -> new Refusal("Pallet " + c.sscc()
                            + " is not known on this device — scan the lot label on the goods instead."));
            if (info.contents().size() != 1) {
                throw new Refusal("Pallet " + c.sscc() + " holds "
                        + info.contents().size() + " lots — scan the lot label of the one you take.");
            }
            ContainerLine line = info.contents().get(0);
            ItemRow item = masterData
                    .item(line.item())
                    .orElseThrow(() -> Refusal.missingOnDevice("Item " + line.item() + " on pallet " + c.sscc()
                            + " is not known on this device — sync the device."));
            return new LotScan(item, line.lot(), null, c.sscc(), line.quantity());
        }
        if (scan instanceof Scan.Code c) {
            LotCode code = c.asLotCode()
                    .orElseThrow(() -> new Refusal(c.value() + " is too long for a lot code — scan the lot label."));
            List<LotRow> rows = stock.lotsByCode(code);
            if (rows.isEmpty()) {
                throw new Refusal(
                        "Lot " + code + " is not known on this device — scan the GS1 lot label (it names the item).");
            }
            if (rows.size() > 1) {
                throw new Refusal("Lot code " + code + " is used by several items ("
                        + rows.stream().map(r -> r.item().value()).collect(Collectors.joining(", "))
                        + ") — scan the GS1 lot label.");
            }
            ItemRow item = masterData
                    .item(rows.get(0).item())
                    .orElseThrow(() -> Refusal.missingOnDevice(
                            "Item " + rows.get(0).item() + " is not known on this device — sync the device."));
            return new LotScan(item, code, null, null, null);
        }
        throw new Refusal("This is " + describe(scan) + ", not a lot label — scan the lot label.");
    }

    private LotScan lotOfLabel(Gs1Data data, Sscc sscc) {
        ItemRow item = itemOf(data);
        LotCode lot = data.lot()
                .orElseThrow(
                        () -> new Refusal("This label of " + item.code() + " has no lot number — scan the lot label."));
        return new LotScan(item, lot, data, sscc, null);
    }

    /** A business reference (order, PO, shipment, RMA, batch ticket) from an order sheet, delivery note or plain code. */
    static Reference reference(Scan scan, String what) {
        String value;
        if (scan instanceof Scan.Order o) {
            value = o.order().value();
        } else if (scan instanceof Scan.Shipment s) {
            value = s.shipment().value();
        } else if (scan instanceof Scan.Code c) {
            value = c.value();
        } else {
            throw new Refusal("This is " + describe(scan) + ", not " + what + " — scan " + what + ".");
        }
        return Reference.of(value);
    }

    /**
     * The quantity a GS1 label states, in the item's base unit: a net or gross measure (310n …),
     * or a count (30/37) for items counted in pieces. Null when the label states none.
     */
    static Quantity labelQuantity(Gs1Data data, ItemRow item) {
        Optional<Quantity> measure = data.quantity();
        if (measure.isPresent()) {
            try {
                return item.units().toBase(measure.get()).requirePositive();
            } catch (InvalidQuantityException e) {
                throw new Refusal("The label says " + measure.get() + ", but " + item.code() + " is counted in "
                        + item.baseUom() + " — key the quantity instead.");
            }
        }
        if (data.count().isPresent()
                && item.baseUom().dimension() == Dimension.COUNT
                && data.count().getAsLong() > 0) {
            return Quantity.of(java.math.BigDecimal.valueOf(data.count().getAsLong()), item.baseUom());
        }
        return null;
    }

    /** The warnings of a label as sentences to append to feedback; empty when none. */
    static String warnings(Gs1Data data) {
        if (data == null || data.warnings().isEmpty()) {
            return "";
        }
        return " Check the label: "
                + data.warnings().stream().map(Gs1Warning::message).collect(Collectors.joining(" "));
    }

    /** The facts availability judges for a lot at a location. */
    LotAtLocation facts(LotRef lot, LocationRow location) {
        LotRow row = stock.lot(lot)
                .orElseThrow(() -> Refusal.missingOnDevice("Lot " + lot.lot() + " of " + lot.item()
                        + " is not known on this device — sync the device, or take another lot."));
        return new LotAtLocation(lot, row.status(), row.expiry(), row.retestDate(), location.code(), location.type());
    }

    /** Where a lot has stock (quantity above zero). */
    List<StockCandidate> stockOf(LotRef lot) {
        return stock.stockOfLot(lot).stream()
                .filter(c -> c.quantity().isPositive())
                .collect(Collectors.toList());
    }

    /** The lot's status and expiry in words: "RELEASED, expires 2027-03-31". */
    String statusOf(LotRef lot, LocalDate today) {
        return stock.lot(lot)
                .map(r -> Words.inSentence(r.status())
                        + (r.expiry() == null
                                ? ""
                                : r.expiry().isBefore(today) ? ", expired " + r.expiry() : ", expires " + r.expiry()))
                .orElse("not known on this device");
    }

    static boolean usable(LotStatus status) {
        return status == LotStatus.RELEASED;
    }

    /** Text safe to show: control characters replaced, at most 200 characters. */
    static String printable(String text) {
        if (text == null) {
            return "no details";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
