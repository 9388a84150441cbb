package org.lotkeeper.server.console;

import java.time.Instant;

import io.quarkus.qute.TemplateExtension;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.gs1.Symbology;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotOrigin;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.masterdata.PlantTime;
import org.lotkeeper.server.quality.DocumentKind;

/**
 * How the console writes what people read: quantities ({@code 300 kg}), times
 * ({@code 2026-11-20 14:05 CET}, {@link PlantTime}) and every code by its words from {@link Words}
 * ({@code {lot.status.statusWords}} → "On hold"). The codes stay in attributes and URLs.
 */
@TemplateExtension
public final class ConsoleFormat {

    private ConsoleFormat() {}

    /**
     * {@code {lot.urlQuery}}: a value for a query parameter ({@code ?lot=…}); a GS1 lot code may hold
     * {@code & # % ? /}.
     */
    public static String urlQuery(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code {task.id.urlPath}}: a value as one path segment ({@code /console/tasks/…/close}). */
    public static String urlPath(String value) {
        return urlQuery(value).replace("+", "%20");
    }

    /** {@code {count.grouped}}: a whole number with thousands separators ("100,000"). */
    public static String grouped(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** {@code {quantity.text}} */
    public static String text(Quantity q) {
        return q == null ? "" : q.toString();
    }

    /** {@code {instant.text}}: in the zone of the page's sites ({@link ConsoleSession#zone}). */
    public static String text(Instant t) {
        return PlantTime.format(t, ConsoleSession.currentZone());
    }

    /** {@code {item.baseUom.text}}: "kg". */
    public static String text(Uom uom) {
        return uom == null ? "" : uom.symbol();
    }

    /** {@code {location.type.text}} */
    public static String text(LocationType type) {
        return type == null ? "" : Words.of(type);
    }

    /** {@code {partner.kind.text}} */
    public static String text(PartnerKind kind) {
        return kind == null ? "" : Words.of(kind);
    }

    /** {@code {item.lotNumbering.text}} */
    public static String text(LotNumbering numbering) {
        return numbering == null ? "" : Words.of(numbering);
    }

    /** {@code {result.judgement.text}}: "Out of specification". */
    public static String text(Judgement judgement) {
        return judgement == null ? "" : Words.of(judgement);
    }

    /** {@code {result.source.text}}: "Supplier's COA". */
    public static String text(InspectionSource source) {
        return source == null ? "" : Words.of(source);
    }

    /** {@code {role.text}} */
    public static String text(Role role) {
        return role == null ? "" : Words.of(role);
    }

    /** {@code {parsed.symbology.symbologyWords}}: "GS1_DATAMATRIX" → "GS1 DataMatrix". */
    public static String symbologyWords(String symbology) {
        return Words.ofCode(symbology, Symbology.class, Words::of);
    }

    /** {@code {lot.status.statusWords}}: a lot status code ("ON_HOLD") as a label ("On hold"). */
    public static String statusWords(String status) {
        return Words.ofCode(status, LotStatus.class, Words::of);
    }

    /** {@code {event.type.eventWords}}: "RECEIVE" → "Receipt". */
    public static String eventWords(String type) {
        return Words.ofCode(type, EventType.class, Words::of);
    }

    /** {@code {exception.flag.flagWords}}: "COUNT_VARIANCE" → "Count variance". */
    public static String flagWords(String flag) {
        return Words.ofCode(flag, Flag.class, Words::of);
    }

    /** {@code {batch.kind.batchWords}}: "PRODUCTION" → "Production". */
    public static String batchWords(String kind) {
        return Words.ofCode(kind, TransformKind.class, Words::of);
    }

    /** {@code {stock.locationType.locationTypeWords}}: "STORAGE" → "Storage". */
    public static String locationTypeWords(String type) {
        return Words.ofCode(type, LocationType.class, Words::of);
    }

    /** {@code {lot.origin.originWords}}: "PRODUCED" → "Made here". */
    public static String originWords(String origin) {
        return Words.ofCode(origin, LotOrigin.class, Words::of);
    }

    /** {@code {document.kind.documentKindWords}}: "COA" → "Certificate of analysis (COA)". */
    public static String documentKindWords(String kind) {
        return Words.ofCode(kind, DocumentKind.class, DocumentKind::words);
    }

    /** {@code {document.kind.codeWords}}: a code of the server's own ("TEST_RESULT" → "Test result"). */
    public static String codeWords(String code) {
        return Words.ofCode(code);
    }
}
