package org.lotkeeper.server.labels;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.quantity.Dimension;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.PackUnit;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.SsccBlock;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.pallets.SsccBlocks;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.LotService;
import org.lotkeeper.server.trace.Views;

/**
 * The data of a lot or pallet label, read with the same checks as the lot endpoints (400 for a
 * malformed code, 404 unknown, 403 another site), made into a {@link Label} and a file by
 * {@link LabelRenderer}. Reads only, except a block of pre-printed lot labels, whose codes are
 * recorded ({@link #lotLabelBlock}).
 */
@ApplicationScoped
public class LabelService {

    @Inject
    LotService lots;

    @Inject
    MasterDataLookup masterData;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    SsccBlocks ssccBlocks;

    private LabelRenderer renderer;

    @PostConstruct
    void init() {
        renderer = new LabelRenderer(clock);
    }

    /** A rendered label as an inline download with a safe file name, never cached. */
    public Response download(Label label, LabelFormat format, String name) {
        return download(renderer.render(label, format), format, name);
    }

    private static Response download(byte[] file, LabelFormat format, String name) {
        // the codes in the name were checked (item, lot code, SSCC) but a lot code may hold quotes: keep a safe file
        // name
        String filename = name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        return Response.ok(file, format.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The internal label of a lot.
     *
     * @param quantity the quantity to print, in the item's base unit; null prints the lot's stock on hand (none when zero)
     */
    public Label lotLabel(Actor actor, String item, String lot, BigDecimal quantity, LabelSymbology symbology) {
        Views.LotDetail detail = lots.detail(actor, item, lot);
        MasterDataLookup.ItemInfo info = masterData.item(detail.item()).orElse(null);
        Quantity printed =
                detail.onHandTotal() != null && detail.onHandTotal().isPositive() ? detail.onHandTotal() : null;
        if (quantity != null) {
            if (info == null) {
                throw Refused.of(
                        ErrorCode.UNKNOWN_ITEM,
                        "item " + detail.item() + " is not in master data; its unit is unknown",
                        "quantity");
            }
            try {
                printed = Quantity.of(quantity, info.baseUom()).requirePositive();
            } catch (InvalidQuantityException e) {
                throw Refused.invalid(ErrorCode.INVALID_FIELD, "quantity: " + e.getMessage(), "quantity");
            }
        }
        LotLabelData data = new LotLabelData(
                ItemCode.of(detail.item()),
                detail.itemName(),
                detail.gtin() == null ? null : Gtin.of(detail.gtin()),
                LotCode.of(detail.lot()),
                detail.expiry(),
                printed,
                detail.retestDate());
        try {
            return renderer.lotLabel(data, symbology);
        } catch (LabelException e) {
            throw Refused.of(ErrorCode.NOT_PRINTABLE, e.getMessage());
        }
    }

    /** At most this many labels in one block of pre-printed internal lot labels. */
    static final int MAX_BLOCK = 200;

    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    /**
     * A block of pre-printed internal lot labels for an item with MANUAL numbering, made before the
     * lots exist: {@code count} lot codes counting up from {@code first} (its trailing number, its
     * width kept: R-0998, R-0999, R-1000; none given: after the item's newest lot or printed label),
     * without expiry or quantity — the receiver sticks one on the goods and scans it at the
     * receipt. Every code printed is recorded ({@code printed_lot_label}). Refused when the item
     * numbers its lots otherwise, when any code is a lot already (in any case), and — unless
     * {@code reprint} — when any was printed before; each names the codes and the next free start.
     */
    @Transactional
    public Response lotLabelBlock(
            Actor actor,
            String item,
            String first,
            String countText,
            String formatText,
            boolean reprint,
            LabelSymbology symbology) {
        LabelFormat format = blockFormat(formatText); // checked before anything is recorded
        int count = (int) Fields.wholeNumber("count", countText, 1, MAX_BLOCK, 10);
        MasterDataLookup.ItemInfo info =
                masterData.item(Fields.text("item", item, 40)).orElseThrow(() -> Refused.notFound("no item " + item));
        if (info.lotNumbering() != LotNumbering.MANUAL) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "item " + info.code() + " takes its lot codes from "
                            + (info.lotNumbering() == LotNumbering.PATTERN ? "its lot pattern" : "the supplier's lot")
                            + "; pre-printed labels are for items whose lots are numbered by hand",
                    "item");
        }
        String start = first == null || first.isBlank()
                ? nextManualLot(info.code())
                        .orElseThrow(() -> Refused.invalid(
                                ErrorCode.MISSING_FIELD,
                                "item " + info.code() + " has no lot ending in a number yet: give the first lot code",
                                "first"))
                : Fields.text("first", first, LotCode.MAX_LENGTH);
        List<LotCode> codes = sequence(start, count);
        String[] upper =
                codes.stream().map(c -> c.value().toUpperCase(Locale.ROOT)).toArray(String[]::new);
        List<String> taken = codesIn("lot", info.code(), upper);
        if (!taken.isEmpty()) {
            throw Refused.of(
                    ErrorCode.DUPLICATE,
                    (taken.size() == 1 ? "lot " : "lots ") + listed(taken) + " of " + info.code()
                            + (taken.size() == 1 ? " exists" : " exist") + " already" + startAt(info.code()),
                    "first");
        }
        List<String> printed = codesIn("printed_lot_label", info.code(), upper);
        if (!printed.isEmpty() && !reprint) {
            throw Refused.of(
                    ErrorCode.DUPLICATE,
                    "labels " + listed(printed) + " of " + info.code() + " were printed before" + startAt(info.code())
                            + ", or ask for a reprint",
                    "first");
        }
        List<Label> out = labels(info, codes, symbology); // rendered first: a label that cannot be made records nothing
        int recorded = Jdbc.withConnection(dataSource, "printed lot labels", c -> {
            int n = 0;
            for (LotCode code : codes) {
                n += Jdbc.update(
                        c,
                        "INSERT INTO printed_lot_label (item, lot, printed_at, printed_by) VALUES (?, ?, ?, ?) "
                                + (reprint
                                        ? "ON CONFLICT (item, lot) DO UPDATE SET printed_at = EXCLUDED.printed_at, "
                                                + "printed_by = EXCLUDED.printed_by"
                                        : "ON CONFLICT (item, lot) DO NOTHING"),
                        info.code(),
                        code.value(),
                        clock.instant(),
                        actor.id());
            }
            return n;
        });
        if (recorded < codes.size()) { // another block of the same codes was printed at the same moment
            throw Refused.of(
                    ErrorCode.DUPLICATE,
                    "some of these labels were printed by someone else just now" + startAt(info.code()),
                    "first");
        }
        return download(
                renderer.render(out, format), format, "lots-" + info.code() + "-" + codes.get(0) + "-x" + count);
    }

    private List<Label> labels(MasterDataLookup.ItemInfo info, List<LotCode> codes, LabelSymbology symbology) {
        List<Label> out = new ArrayList<>();
        for (LotCode code : codes) {
            try {
                out.add(renderer.lotLabel(
                        new LotLabelData(
                                ItemCode.of(info.code()),
                                info.name(),
                                info.gtin() == null ? null : Gtin.of(info.gtin()),
                                code,
                                null,
                                null),
                        symbology));
            } catch (LabelException e) {
                throw Refused.of(ErrorCode.NOT_PRINTABLE, "lot " + code + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The format of a block of labels: PDF or ZPL (a PNG holds one label). */
    private static LabelFormat blockFormat(String parameter) {
        LabelFormat f = LabelFormat.parameter(parameter);
        if (f == LabelFormat.PNG) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, "a block of labels is printed as PDF or ZPL, not PNG", "format");
        }
        return f;
    }

    /** Which of these codes (upper case) the table holds for the item, as stored. */
    private List<String> codesIn(String table, String item, String[] upper) {
        return Jdbc.withConnection(
                dataSource,
                "lot codes",
                c -> Jdbc.query(
                        c,
                        "SELECT lot FROM " + table + " WHERE item = ? AND upper(lot) = ANY (?) ORDER BY lot",
                        rs -> rs.getString(1),
                        item,
                        upper));
    }

    private static String listed(List<String> codes) {
        return String.join(", ", codes.subList(0, Math.min(5, codes.size()))) + (codes.size() > 5 ? " …" : "");
    }

    private String startAt(String item) {
        return nextManualLot(item).map(n -> "; start at " + n).orElse("");
    }

    /**
     * The code after the highest-numbered one of the item's lots and printed labels (R-2402 →
     * R-2403), when one ends in a number: free of both, whatever order rolls were used in.
     */
    private Optional<String> nextManualLot(String item) {
        List<String> highest = Jdbc.withConnection(
                dataSource,
                "highest lot code",
                c -> Jdbc.query(
                        c,
                        "SELECT lot FROM (SELECT lot FROM lot WHERE item = ? UNION ALL "
                                + "SELECT lot FROM printed_lot_label WHERE item = ?) codes "
                                + "WHERE lot ~ '[0-9]+$' "
                                + "ORDER BY substring(lot FROM '([0-9]+)$')::numeric DESC, lot DESC LIMIT 1",
                        rs -> rs.getString(1),
                        item,
                        item));
        return highest.stream()
                .map(TRAILING_NUMBER::matcher)
                .filter(Matcher::matches)
                .max(java.util.Comparator.comparing((Matcher m) -> new BigInteger(m.group(2))))
                .flatMap(m -> {
                    try {
                        return Optional.of(sequence(m.group(0), 2).get(1).value());
                    } catch (Refused e) {
                        return Optional.empty();
                    }
                });
    }

    /** {@code count} lot codes from {@code first} on, counting its trailing number up. */
    static List<LotCode> sequence(String first, int count) {
        Matcher m = TRAILING_NUMBER.matcher(first.strip());
        if (!m.matches()) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, "the first lot code must end in a number, e.g. R-2403", "first");
        }
        String prefix = m.group(1);
        int width = m.group(2).length();
        BigInteger n = new BigInteger(m.group(2));
        List<LotCode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String digits = n.add(BigInteger.valueOf(i)).toString();
            String code = prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
            try {
                out.add(LotCode.of(code));
            } catch (InvalidIdentifierException e) {
                throw Refused.invalid(ErrorCode.INVALID_FIELD, "lot code " + code + ": " + e.getMessage(), "first");
            }
        }
        return out;
    }

    /**
     * A roll of blank pallet labels (docs/LABELS.md): {@code count} new SSCCs of the site's company
     * prefix, drawn as one block no device or other roll ever gets, each label with its SSCC alone.
     * Whoever builds a pallet sticks one on and scans it in Pack; the contents are in the ledger, not
     * on the label. Refused for a site the caller cannot reach or that has no company prefix.
     */
    @Transactional
    public Response ssccRoll(Actor actor, String site, String countText, String formatText) {
        LabelFormat format = blockFormat(formatText); // checked before any number is drawn
        String code = Fields.text("site", site, 40);
        if (!actor.canReach(code)) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + code, "site");
        }
        if (masterData.site(code).isEmpty()) {
            throw Refused.invalid(ErrorCode.UNKNOWN_SITE, "there is no site " + code + " in master data", "site");
        }
        int count = (int) Fields.wholeNumber("count", countText, 1, SsccBlocks.MAX_ROLL, 20);
        SsccBlock block = ssccBlocks.forRoll(code, count, actor.id());
        List<Label> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(palletLabel(new SsccLabelData(block.sscc(i), List.of())));
        }
        return download(renderer.render(out, format), format, "pallets-" + code + "-" + block.sscc(0) + "-x" + count);
    }

    /**
     * The label of a pallet (container) by its SSCC: what it holds; a blank label for an SSCC of a
     * block nothing was packed on yet. 422 for a malformed SSCC, 404 for one neither packed nor handed out.
     */
    public Label ssccLabel(Actor actor, String ssccText) {
        Sscc sscc;
        try {
            sscc = Sscc.of(ssccText);
        } catch (InvalidIdentifierException e) {
            throw Refused.of(ErrorCode.INVALID_SSCC, "sscc: " + e.getMessage(), "sscc");
        }
        record Row(String item, String lot, String site, BigDecimal quantity, String uom, LocalDate expiry) {}
        List<Row> rows = Jdbc.withConnection(
                dataSource,
                "container read",
                c -> Jdbc.query(
                        c,
                        "SELECT s.item, s.lot, s.site, s.quantity, s.uom, l.expiry FROM stock s "
                                + "LEFT JOIN lot l ON l.item = s.item AND l.lot = s.lot WHERE s.container = ? ORDER BY s.item, s.lot, s.location",
                        rs -> new Row(
                                rs.getString("item"),
                                rs.getString("lot"),
                                rs.getString("site"),
                                rs.getBigDecimal("quantity"),
                                rs.getString("uom"),
                                Jdbc.date(rs, "expiry")),
                        sscc.value()));
        if (rows.isEmpty()) {
            // a blank label of a roll or a device's block, printed again before anything is packed on it
            String site = ssccBlocks
                    .siteOf(sscc)
                    .orElseThrow(() -> Refused.notFound("no stock was ever packed in container " + sscc
                            + ", and no roll or handheld was given its number"));
            if (!actor.canReach(site)) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + site);
            }
            return palletLabel(new SsccLabelData(sscc, List.of()));
        }
        for (Row r : rows) {
            if (!actor.canReach(r.site())) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + r.site());
            }
        }
        Map<List<String>, Row> byLot = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.quantity().signum() != 0) {
                byLot.merge(
                        List.of(r.item(), r.lot()),
                        r,
                        (a, b) -> new Row(
                                a.item(), a.lot(), a.site(), a.quantity().add(b.quantity()), a.uom(), a.expiry()));
            }
        }
        Map<String, MasterDataLookup.ItemInfo> items = masterData.items(
                byLot.values().stream().map(Row::item).distinct().toList());
        List<SsccLabelData.Content> contents = new ArrayList<>();
        for (Row r : byLot.values()) {
            MasterDataLookup.ItemInfo info = items.get(r.item());
            Quantity q = Quantity.of(
                    r.quantity(),
                    Uom.byCode(r.uom()).orElseThrow(() -> new IllegalStateException("unknown unit " + r.uom())));
            contents.add(new SsccLabelData.Content(
                    ItemCode.of(r.item()),
                    info == null ? null : info.name(),
                    info == null || info.gtin() == null ? null : Gtin.of(info.gtin()),
                    LotCode.of(r.lot()),
                    r.expiry(),
                    q,
                    info == null ? null : count(q, info)));
        }
        return palletLabel(new SsccLabelData(sscc, contents));
    }

    /** A pallet label, or 422 NOT_PRINTABLE with the renderer's reason. */
    private Label palletLabel(SsccLabelData pallet) {
        try {
            return renderer.ssccLabel(pallet);
        } catch (LabelException e) {
            throw Refused.of(ErrorCode.NOT_PRINTABLE, e.getMessage());
        }
    }

    /**
     * How many trade items of the item's GTIN a quantity is (AI 37): the quantity itself for an
     * item counted in pieces; for a measured item with exactly one pack unit (DRUM = 200 KGM), the
     * number of packs when it is whole; otherwise unknown.
     */
    static Long count(Quantity q, MasterDataLookup.ItemInfo item) {
        BigDecimal n;
        if (q.dimension() == Dimension.COUNT) {
            n = q.inBase().value();
        } else if (item.packUnits().size() == 1) {
            PackUnit pack = item.units().packUnits().get(0);
            BigDecimal[] packs = item.units().toBase(q).value().divideAndRemainder(pack.factor());
            if (packs[1].signum() != 0) {
                return null;
            }
            n = packs[0];
        } else {
            return null;
        }
        n = n.stripTrailingZeros();
        return n.signum() > 0 && n.scale() <= 0 && n.compareTo(BigDecimal.valueOf(99_999_999)) <= 0
                ? n.longValueExact()
                : null;
    }
}
