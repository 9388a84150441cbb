package org.lotkeeper.model.gs1;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Dimension;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

/**
 * Valid GS1 data: what a barcode said, element by element, with typed accessors. Every instance
 * has passed all checks (check digits, dates, characters, lengths, pair rules); it comes from
 * {@link Gs1Decoder#decode(String)} or from {@link #builder()}, and {@link Gs1Encoder} turns it
 * back into barcode text. Immutable.
 *
 * <p>Equality is by symbology, form and elements; warnings are advice and do not count.
 */
public final class Gs1Data {

    private final Symbology symbology;
    private final Gs1Form form;
    private final Ai[] ais;
    private final String[] values;
    private final Object[] parsed;
    private final List<Gs1Element> elements;
    private final List<Gs1Warning> warnings;

    Gs1Data(
            Symbology symbology,
            Gs1Form form,
            Ai[] ais,
            String[] values,
            Object[] parsed,
            int size,
            List<Gs1Warning> warnings) {
        this.symbology = symbology;
        this.form = form;
        this.ais = Arrays.copyOf(ais, size);
        this.values = Arrays.copyOf(values, size);
        this.parsed = Arrays.copyOf(parsed, size);
        Gs1Element[] list = new Gs1Element[size];
        for (int i = 0; i < size; i++) {
            list[i] = new Gs1Element(ais[i].code, values[i]);
        }
        this.elements = List.of(list);
        this.warnings = warnings;
    }

    /** A builder for label data; {@link Gs1Encoder} makes the barcode text from the result. */
    public static Builder builder() {
        return new Builder(Clock.system(ZoneId.systemDefault()));
    }

    /** A builder whose dates must fall in the century window of {@code clock}'s year. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    public Symbology symbology() {
        return symbology;
    }

    public Gs1Form form() {
        return form;
    }

    /** The elements in the order they were scanned (or added). */
    public List<Gs1Element> elements() {
        return elements;
    }

    /** Advice for the operator, e.g. a lot that seems to have swallowed an expiry date. */
    public List<Gs1Warning> warnings() {
        return warnings;
    }

    /** The raw value of an AI ("10", "3103" …). */
    public Optional<String> value(String ai) {
        for (int i = 0; i < ais.length; i++) {
            if (ais[i].code.equals(ai)) {
                return Optional.of(values[i]);
            }
        }
        return Optional.empty();
    }

    public boolean has(String ai) {
        return value(ai).isPresent();
    }

    private int index(Ai ai) {
        for (int i = 0; i < ais.length; i++) {
            if (ais[i] == ai) {
                return i;
            }
        }
        return -1;
    }

    private Optional<String> raw(Ai ai) {
        int i = index(ai);
        return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    private Optional<LocalDate> date(Ai ai) {
        int i = index(ai);
        return i < 0 ? Optional.empty() : Optional.of((LocalDate) parsed[i]);
    }

    private Optional<Gln> gln(Ai ai) {
        return raw(ai).map(Gln::of);
    }

    // ---------------------------------------------------------------- identification

    /** AI 01. */
    public Optional<Gtin> gtin() {
        return raw(Ai.GTIN).map(Gtin::of);
    }

    /** AI 02: the GTIN of the trade items inside a logistic unit. */
    public Optional<Gtin> contentGtin() {
        return raw(Ai.CONTENT).map(Gtin::of);
    }

    /** AI 00. */
    public Optional<Sscc> sscc() {
        return raw(Ai.SSCC).map(Sscc::of);
    }

    /** AI 10. */
    public Optional<LotCode> lot() {
        return raw(Ai.LOT).map(LotCode::of);
    }

    /** AI 21. */
    public Optional<String> serial() {
        return raw(Ai.SERIAL);
    }

    /** AI 22: consumer product variant. */
    public Optional<String> productVariant() {
        return raw(Ai.CPV);
    }

    // ---------------------------------------------------------------- dates

    /** AI 11. */
    public Optional<LocalDate> productionDate() {
        return date(Ai.PROD_DATE);
    }

    /** AI 13. */
    public Optional<LocalDate> packagingDate() {
        return date(Ai.PACK_DATE);
    }

    /** AI 15. */
    public Optional<LocalDate> bestBefore() {
        return date(Ai.BEST_BEFORE);
    }

    /** AI 16. */
    public Optional<LocalDate> sellBy() {
        return date(Ai.SELL_BY);
    }

    /** AI 17: use by or expiry; day 00 on the label means the last day of the month. */
    public Optional<LocalDate> expiry() {
        return date(Ai.EXPIRY);
    }

    /**
     * AI 7011: the date by which the goods must be tested again — a retest date (docs/QUALITY-CONTROL.md);
     * a time on the label is read but not kept: a retest date is a day.
     */
    public Optional<LocalDate> testBy() {
        return date(Ai.TEST_BY);
    }

    /** AI 7003: expiry date and time (local time of the label). */
    public Optional<LocalDateTime> expiryDateTime() {
        int i = index(Ai.EXPIRY_TIME);
        return i < 0 ? Optional.empty() : Optional.of((LocalDateTime) parsed[i]);
    }

    // ---------------------------------------------------------------- amounts

    /** AI 37 (count of trade items in a logistic unit), else AI 30 (variable count). */
    public OptionalLong count() {
        int i = index(Ai.COUNT);
        if (i < 0) {
            i = index(Ai.VAR_COUNT);
        }
        return i < 0 ? OptionalLong.empty() : OptionalLong.of((Long) parsed[i]);
    }

    /** All measures (310n–369n) in scan order, known unit or not. */
    public List<Gs1Measure> measures() {
        List<Gs1Measure> out = new ArrayList<>(2);
        for (int i = 0; i < ais.length; i++) {
            Ai ai = ais[i];
            if (ai.kind == Ai.Kind.MEASURE) {
                out.add(new Gs1Measure(ai.code, ai.title, (BigDecimal) parsed[i], ai.unitCode, ai.logistic));
            }
        }
        return List.copyOf(out);
    }

    /** The first net (trade) mass or volume measure in a unit Lotkeeper knows: 310n, 315n, 316n, 320n, 361n. */
    public Optional<Quantity> netQuantity() {
        return firstQuantity(false);
    }

    /** The first gross (logistic) mass or volume measure in a unit Lotkeeper knows: 330n, 335n, 336n, 340n, 363n. */
    public Optional<Quantity> grossQuantity() {
        return firstQuantity(true);
    }

    /** The net quantity when there is one, else the gross quantity. */
    public Optional<Quantity> quantity() {
        Optional<Quantity> net = netQuantity();
        return net.isPresent() ? net : grossQuantity();
    }

    private Optional<Quantity> firstQuantity(boolean logistic) {
        for (int i = 0; i < ais.length; i++) {
            Ai ai = ais[i];
            if (ai.kind == Ai.Kind.MEASURE && ai.logistic == logistic && ai.uom != null) {
                return Optional.of(Quantity.of((BigDecimal) parsed[i], ai.uom));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- parties and places

    /** AI 410. */
    public Optional<Gln> shipTo() {
        return gln(Ai.SHIP_TO);
    }

    /** AI 411. */
    public Optional<Gln> billTo() {
        return gln(Ai.BILL_TO);
    }

    /** AI 412. */
    public Optional<Gln> purchasedFrom() {
        return gln(Ai.PURCHASE_FROM);
    }

    /** AI 413. */
    public Optional<Gln> shipFor() {
        return gln(Ai.SHIP_FOR);
    }

    /** AI 414: a physical location (site, building, bin …). */
    public Optional<Gln> physicalLocation() {
        return gln(Ai.LOC_NO);
    }

    /** AI 254: the extension of the 414 GLN, e.g. a bin inside a site. */
    public Optional<String> glnExtension() {
        return raw(Ai.GLN_EXTENSION);
    }

    /** AI 415. */
    public Optional<Gln> invoicingParty() {
        return gln(Ai.PAY_TO);
    }

    /** AI 416. */
    public Optional<Gln> productionLocation() {
        return gln(Ai.PROD_SERV_LOC);
    }

    /** AI 417. */
    public Optional<Gln> party() {
        return gln(Ai.PARTY);
    }

    /** AI 400: the customer's purchase order number. */
    public Optional<String> customerPo() {
        return raw(Ai.ORDER_NUMBER);
    }

    /** AI 401: global identification number for consignment (GINC). */
    public Optional<String> consignment() {
        return raw(Ai.GINC);
    }

    /** AI 402: global shipment identification number (GSIN), 17 digits. */
    public Optional<String> shipmentId() {
        return raw(Ai.GSIN);
    }

    /** AI 422: ISO 3166 numeric country code, e.g. "276". */
    public Optional<String> countryOfOrigin() {
        return raw(Ai.ORIGIN);
    }

    /** AI 8003: global returnable asset identifier (a drum, an IBC), with its serial part if any. */
    public Optional<String> grai() {
        return raw(Ai.GRAI);
    }

    /** AI 8004: global individual asset identifier. */
    public Optional<String> giai() {
        return raw(Ai.GIAI);
    }

    /** AI 240. */
    public Optional<String> additionalId() {
        return raw(Ai.ADDITIONAL_ID);
    }

    /** AI 241. */
    public Optional<String> customerPartNumber() {
        return raw(Ai.CUSTOMER_PART_NO);
    }

    /** AI 250. */
    public Optional<String> secondarySerial() {
        return raw(Ai.SECONDARY_SERIAL);
    }

    /** AI 251. */
    public Optional<String> sourceReference() {
        return raw(Ai.SOURCE_REF);
    }

    /** AI 8020. */
    public Optional<String> paymentSlipReference() {
        return raw(Ai.PAYMENT_REF);
    }

    // ---------------------------------------------------------------- internals for the encoder

    Ai ai(int i) {
        return ais[i];
    }

    String rawValue(int i) {
        return values[i];
    }

    int size() {
        return ais.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gs1Data d && d.symbology == symbology && d.form == form && d.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbology, form, elements);
    }

    /** Human-readable: {@code (01)09501101530003(10)ABC123}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Gs1Element e : elements) {
            sb.append('(').append(e.ai()).append(')').append(e.value());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- builder

    /**
     * Builds label data from typed values; each value is checked as it is added (a
     * {@link Gs1Exception} with position -1 when it breaks a rule) and {@link #build()} checks
     * the pair rules. Dates must lie in the GS1 century window (this year − 49 to this year + 50),
     * or they would not read back as the same date.
     */
    public static final class Builder {

        private final CenturyWindow window;
        private final ElementCollector collector;

        private Builder(Clock clock) {
            this.window = new CenturyWindow(clock);
            this.collector = new ElementCollector(window);
        }

        private Builder put(Ai ai, String value) {
            collector.add(ai, -1, Objects.requireNonNull(value, ai.noun()), -1, false);
            return this;
        }

        /** Any supported AI with its raw value, e.g. {@code element("3103", "001234")}. */
        public Builder element(String ai, String value) {
            Ai def = Ai.byCode(ai);
            if (def == null) {
                throw new Gs1Exception(
                        Reason.UNKNOWN_AI, -1, ai, "AI " + ai + " is not an Application Identifier Lotkeeper supports");
            }
            return put(def, value);
        }

        public Builder gtin(Gtin gtin) {
            return put(Ai.GTIN, gtin.value());
        }

        public Builder contentGtin(Gtin gtin) {
            return put(Ai.CONTENT, gtin.value());
        }

        public Builder sscc(Sscc sscc) {
            return put(Ai.SSCC, sscc.value());
        }

        public Builder lot(LotCode lot) {
            return put(Ai.LOT, lot.value());
        }

        public Builder serial(String serial) {
            return put(Ai.SERIAL, serial);
        }

        public Builder productionDate(LocalDate date) {
            return putDate(Ai.PROD_DATE, date);
        }

        public Builder packagingDate(LocalDate date) {
            return putDate(Ai.PACK_DATE, date);
        }

        public Builder bestBefore(LocalDate date) {
            return putDate(Ai.BEST_BEFORE, date);
        }

        public Builder sellBy(LocalDate date) {
            return putDate(Ai.SELL_BY, date);
        }

        public Builder expiry(LocalDate date) {
            return putDate(Ai.EXPIRY, date);
        }

        /** AI 7011, the date only. */
        public Builder testBy(LocalDate date) {
            return putDate(Ai.TEST_BY, date);
        }

        /** AI 7003; the time must be whole minutes. */
        public Builder expiryDateTime(LocalDateTime dateTime) {
            if (dateTime.getSecond() != 0 || dateTime.getNano() != 0) {
                throw new Gs1Exception(
                        Reason.INVALID_DATE,
                        -1,
                        Ai.EXPIRY_TIME.code,
                        "AI 7003 holds whole minutes; " + dateTime + " has seconds");
            }
            requireInWindow(Ai.EXPIRY_TIME, dateTime.getYear());
            return put(
                    Ai.EXPIRY_TIME,
                    yymmdd(dateTime.toLocalDate()) + pad(dateTime.getHour(), 2) + pad(dateTime.getMinute(), 2));
        }

        /** AI 37: how many trade items (of the {@link #contentGtin(Gtin) content GTIN}) a logistic unit holds. */
        public Builder count(long count) {
            return put(Ai.COUNT, Long.toString(count));
        }

        /** AI 30: variable count of items. */
        public Builder variableCount(long count) {
            return put(Ai.VAR_COUNT, Long.toString(count));
        }

        /**
         * A net mass or volume as 310n (kg), 320n (lb), 315n (l), 316n (m³) or 361n (US gal): g,
         * mg and t become kg, mL becomes litres. At most 6 digits of which at most 5 decimals.
         */
        public Builder netQuantity(Quantity quantity) {
            return measure(quantity, false);
        }

        /** A gross mass or volume as 330n, 340n, 335n, 336n or 363n; see {@link #netQuantity(Quantity)}. */
        public Builder grossQuantity(Quantity quantity) {
            return measure(quantity, true);
        }

        public Builder shipTo(Gln gln) {
            return put(Ai.SHIP_TO, gln.value());
        }

        public Builder billTo(Gln gln) {
            return put(Ai.BILL_TO, gln.value());
        }

        public Builder purchasedFrom(Gln gln) {
            return put(Ai.PURCHASE_FROM, gln.value());
        }

        public Builder shipFor(Gln gln) {
            return put(Ai.SHIP_FOR, gln.value());
        }

        public Builder physicalLocation(Gln gln) {
            return put(Ai.LOC_NO, gln.value());
        }

        public Builder glnExtension(String extension) {
            return put(Ai.GLN_EXTENSION, extension);
        }

        public Builder invoicingParty(Gln gln) {
            return put(Ai.PAY_TO, gln.value());
        }

        public Builder productionLocation(Gln gln) {
            return put(Ai.PROD_SERV_LOC, gln.value());
        }

        public Builder party(Gln gln) {
            return put(Ai.PARTY, gln.value());
        }

        public Builder customerPo(String po) {
            return put(Ai.ORDER_NUMBER, po);
        }

        public Builder consignment(String ginc) {
            return put(Ai.GINC, ginc);
        }

        public Builder shipmentId(String gsin) {
            return put(Ai.GSIN, gsin);
        }

        public Builder countryOfOrigin(String iso3166Numeric) {
            return put(Ai.ORIGIN, iso3166Numeric);
        }

        public Builder grai(String grai) {
            return put(Ai.GRAI, grai);
        }

        public Builder giai(String giai) {
            return put(Ai.GIAI, giai);
        }

        public Builder additionalId(String id) {
            return put(Ai.ADDITIONAL_ID, id);
        }

        public Builder customerPartNumber(String partNumber) {
            return put(Ai.CUSTOMER_PART_NO, partNumber);
        }

        public Builder secondarySerial(String serial) {
            return put(Ai.SECONDARY_SERIAL, serial);
        }

        public Builder sourceReference(String reference) {
            return put(Ai.SOURCE_REF, reference);
        }

        public Builder paymentSlipReference(String reference) {
            return put(Ai.PAYMENT_REF, reference);
        }

        /** The data, after the pair rules (01 not with 02 or 37; 02 needs 37; 10/21 need 01 or 02 …). */
        public Gs1Data build() {
            return collector.finish(Symbology.NONE, Gs1Form.BUILT);
        }

        private Builder putDate(Ai ai, LocalDate date) {
            requireInWindow(ai, date.getYear());
            return put(ai, yymmdd(date));
        }

        private void requireInWindow(Ai ai, int year) {
            int thisYear = window.thisYear();
            if (!CenturyWindow.inWindow(year, thisYear)) {
                throw new Gs1Exception(
                        Reason.INVALID_DATE,
                        -1,
                        ai.code,
                        "The " + ai.noun() + " must lie between " + (thisYear - 49) + " and " + (thisYear + 50)
                                + " to be read back correctly from two year digits, not in " + year);
            }
        }

        private Builder measure(Quantity quantity, boolean gross) {
            Quantity q = quantity;
            String family;
            if (q.dimension() == Dimension.MASS) {
                if (q.uom() != Uom.LBR && q.uom() != Uom.KGM) {
                    q = q.to(Uom.KGM);
                }
                family = q.uom() == Uom.LBR ? (gross ? "340" : "320") : (gross ? "330" : "310");
            } else if (q.dimension() == Dimension.VOLUME) {
                if (q.uom() != Uom.MTQ && q.uom() != Uom.GLL && q.uom() != Uom.LTR) {
                    q = q.to(Uom.LTR);
                }
                family = switch (q.uom()) {
                    case MTQ -> gross ? "336" : "316";
                    case GLL -> gross ? "363" : "361";
                    default -> gross ? "335" : "315";
                };
            } else {
                throw new Gs1Exception(
                        Reason.BAD_CHARACTER, -1, null, "A count is not a GS1 measure; use count() or variableCount()");
            }
            BigDecimal v = q.value();
            int decimals = Math.max(0, v.scale());
            if (v.signum() < 0 || decimals > 5) {
                throw new Gs1Exception(
                        Reason.TOO_LONG,
                        -1,
                        family + "0",
                        "A GS1 measure holds a positive value with at most 5 decimals, not " + v.toPlainString());
            }
            BigDecimal digits = v.movePointRight(decimals);
            if (digits.compareTo(BigDecimal.valueOf(999_999)) > 0) {
                throw new Gs1Exception(
                        Reason.TOO_LONG,
                        -1,
                        family + decimals,
                        "A GS1 measure holds six digits; " + v.toPlainString() + " " + q.uom() + " does not fit");
            }
            return put(Ai.byCode(family + decimals), pad(digits.intValueExact(), 6));
        }

        private static String yymmdd(LocalDate d) {
            return pad(Math.floorMod(d.getYear(), 100), 2) + pad(d.getMonthValue(), 2) + pad(d.getDayOfMonth(), 2);
        }

        private static String pad(int n, int width) {
            String s = Integer.toString(n);
            return "0".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
