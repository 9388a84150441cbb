package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the FDA's electronic sortable spreadsheet: per critical tracking event, its key
 * data elements in the order of 21 CFR 1.1345 (receiving), 1.1340 (shipping) and 1.1350
 * (transformation) and of the FDA's template, each location as business name, phone, street,
 * city, state or region, postal code, country and GLN; then what the plant adds to find the
 * event again (product code, internal lot, time, ledger position, event ID). The recall's CSV
 * has one sheet: every column, in the same order, behind the critical tracking event.
 */
final class Fsma204Columns {

    /** What a cell holds, so a spreadsheet types it: text, a number, a date, a time (UTC) or a whole number. */
    enum Kind {
        TEXT,
        NUMBER,
        UNIT,
        DATE,
        TIME,
        WHOLE
    }

    /** One column: its header, its kind and its value in a row (null when the row has none). */
    record Column(String header, Kind kind, Function<Fsma204.Row, Object> value) {}

    private Fsma204Columns() {}

    static final List<Column> RECEIVING = receiving();
    static final List<Column> SHIPPING = shipping();
    static final List<Column> TRANSFORMATION = transformation();
    static final List<Column> CSV = csv();

    /** The columns of one critical tracking event's sheet. */
    static List<Column> of(Fsma204.Cte cte) {
        return switch (cte) {
            case RECEIVING -> RECEIVING;
            case SHIPPING -> SHIPPING;
            case TRANSFORMATION -> TRANSFORMATION;
        };
    }

    private static List<Column> receiving() {
        List<Column> c = new ArrayList<>(food("", Fsma204.Row::food));
        c.addAll(place("Immediate previous source", Fsma204.Row::previousSource));
        c.addAll(place("Receiving location", Fsma204.Row::location));
        c.add(new Column("Date received", Kind.DATE, Fsma204.Row::date));
        c.addAll(tlcSource());
        c.addAll(document());
        c.addAll(plant(false));
        return List.copyOf(c);
    }

    private static List<Column> shipping() {
        List<Column> c = new ArrayList<>(food("", Fsma204.Row::food));
        c.addAll(place("Immediate subsequent recipient", Fsma204.Row::recipient));
        c.addAll(place("Ship-from location", Fsma204.Row::location));
        c.add(new Column("Date shipped", Kind.DATE, Fsma204.Row::date));
        c.addAll(tlcSource());
        c.addAll(document());
        c.addAll(plant(false));
        return List.copyOf(c);
    }

    private static List<Column> transformation() {
        List<Column> c = new ArrayList<>(food("Input ", Fsma204.Row::food));
        c.add(new Column("New traceability lot code", Kind.TEXT, r -> food(r.newFood(), Fsma204.Food::tlc)));
        c.addAll(place("Transformation location", Fsma204.Row::location));
        c.add(new Column("Date transformation completed", Kind.DATE, Fsma204.Row::date));
        c.addAll(newFood());
        c.addAll(document());
        c.addAll(plant(true));
        return List.copyOf(c);
    }

    private static List<Column> csv() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("Critical tracking event", Kind.TEXT, r -> r.cte().label));
        c.addAll(food("", Fsma204.Row::food));
        c.addAll(place("Immediate previous source", Fsma204.Row::previousSource));
        c.addAll(place("Immediate subsequent recipient", Fsma204.Row::recipient));
        c.addAll(place("Location of the event", Fsma204.Row::location));
        c.add(new Column("Date", Kind.DATE, Fsma204.Row::date));
        c.addAll(tlcSource());
        c.add(new Column("New traceability lot code", Kind.TEXT, r -> food(r.newFood(), Fsma204.Food::tlc)));
        c.addAll(newFood());
        c.addAll(document());
        c.addAll(plant(true));
        return List.copyOf(c);
    }

    /** A lot's code, quantity, unit and product description, as its sheet orders them ({@code prefix}: "Input "). */
    private static List<Column> food(String prefix, Function<Fsma204.Row, Fsma204.Food> of) {
        return List.of(
                new Column(
                        named(prefix, "traceability lot code"), Kind.TEXT, r -> food(of.apply(r), Fsma204.Food::tlc)),
                new Column(named(prefix, "quantity"), Kind.NUMBER, r -> food(of.apply(r), Fsma204.Food::quantity)),
                new Column(named(prefix, "unit of measure"), Kind.UNIT, r -> food(of.apply(r), Fsma204.Food::unit)),
                new Column(
                        named(prefix, "product description"),
                        Kind.TEXT,
                        r -> food(of.apply(r), Fsma204.Food::product)));
    }

    /** "Input quantity", or "Quantity" without a prefix. */
    private static String named(String prefix, String name) {
        return prefix.isEmpty() ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : prefix + name;
    }

    /** The new lot of a transformation: its product description, quantity and unit. */
    private static List<Column> newFood() {
        return List.of(
                new Column("New product description", Kind.TEXT, r -> food(r.newFood(), Fsma204.Food::product)),
                new Column("New quantity", Kind.NUMBER, r -> food(r.newFood(), Fsma204.Food::quantity)),
                new Column("New unit of measure", Kind.UNIT, r -> food(r.newFood(), Fsma204.Food::unit)));
    }

    private static Object food(Fsma204.Food food, Function<Fsma204.Food, Object> part) {
        return food == null ? null : part.apply(food);
    }

    /** A location description as eight columns: "{label}: business name", "…: phone", … "…: GLN". */
    private static List<Column> place(String label, Function<Fsma204.Row, Fsma204.Place> of) {
        return place(label, of, "GLN");
    }

    private static List<Column> place(String label, Function<Fsma204.Row, Fsma204.Place> of, String glnHeader) {
        return List.of(
                part(label, "business name", of, Fsma204.Place::name),
                part(label, "phone", of, p -> p.description().phone()),
                part(label, "street address", of, p -> p.description().street()),
                part(label, "city", of, p -> p.description().city()),
                part(label, "state or region", of, p -> p.description().region()),
                part(label, "postal code", of, p -> p.description().postalCode()),
                part(label, "country", of, p -> p.description().country()),
                part(label, glnHeader, of, Fsma204.Place::gln));
    }

    private static Column part(
            String label, String part, Function<Fsma204.Row, Fsma204.Place> of, Function<Fsma204.Place, String> value) {
        return new Column(label + ": " + part, Kind.TEXT, r -> {
            Fsma204.Place p = of.apply(r);
            return p == null ? null : value.apply(p);
        });
    }

    /** Where the traceability lot code was assigned; its GLN is the source's reference. */
    private static List<Column> tlcSource() {
        return place("Traceability lot code source", Fsma204.Row::tlcSource, "reference (GLN)");
    }

    private static List<Column> document() {
        return List.of(
                new Column("Reference document type", Kind.TEXT, Fsma204.Row::documentType),
                new Column("Reference document number", Kind.TEXT, Fsma204.Row::documentNumber));
    }

    /** What the plant adds after the key data elements, to find the event again. */
    private static List<Column> plant(boolean newLot) {
        List<Column> c = new ArrayList<>(List.of(
                new Column("Event", Kind.TEXT, Fsma204.Row::detail),
                new Column("Product code", Kind.TEXT, r -> r.food().lot().item().value()),
                new Column("GTIN", Kind.TEXT, r -> r.food().gtin()),
                new Column("Internal lot", Kind.TEXT, r -> r.food().lot().lot().value())));
        if (newLot) {
            c.add(new Column(
                    "New product code",
                    Kind.TEXT,
                    r -> food(r.newFood(), f -> f.lot().item().value())));
            c.add(new Column(
                    "New internal lot",
                    Kind.TEXT,
                    r -> food(r.newFood(), f -> f.lot().lot().value())));
        }
        c.add(new Column("Location in site", Kind.TEXT, Fsma204.Row::locationInSite));
        c.add(new Column("Event time (UTC)", Kind.TIME, Fsma204.Row::time));
        c.add(new Column("Ledger position", Kind.WHOLE, r -> r.event().ledgerSeq()));
        c.add(new Column("Event ID", Kind.TEXT, r -> r.event().eventId().toString()));
        return c;
    }

    /** The headers of {@code columns}, in order. */
    static String[] headers(List<Column> columns) {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }
}
