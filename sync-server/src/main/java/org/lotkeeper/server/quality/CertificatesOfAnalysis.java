package org.lotkeeper.server.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Encoder;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.PlantTime;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.UserService;

/**
 * Certificates of analysis for customers (docs/QUALITY-CONTROL.md): for a released lot of an item
 * with a specification, each test with its method, limits, the lot's result and judgement, any
 * concession, the QA signature that released (or last retested) it and the lot's GS1 Digital Link
 * as a QR code. One page per lot; a shipment's certificate has a page for each of its lots.
 */
@ApplicationScoped
public class CertificatesOfAnalysis {

    /** Who signed the lot fit for use, as the ledger keeps it: the release, or a later retest. */
    record Approval(String name, String meaning, Instant signedAt, String concession, long ledgerSeq) {}

    /** Everything one page shows. */
    record Certificate(
            ProjectionQueries.LotSummary lot,
            MasterDataLookup.ItemInfo item,
            MasterDataLookup.SiteInfo site,
            QualityService.LotQuality quality,
            LocalDate specificationFrom,
            Approval approval,
            String digitalLink) {}

    @Inject
    QualityService quality;

    @Inject
    SpecificationService specifications;

    @Inject
    ProjectionQueries lots;

    @Inject
    MasterDataLookup masterData;

    @Inject
    DataSource dataSource;

    @Inject
    UserService users;

    /** {@code lotkeeper.company} ({@code LOTKEEPER_COMPANY}); see {@code LotkeeperConfig#company}. */
    @ConfigProperty(name = "lotkeeper.company")
    Optional<String> company;

    @Inject
    Clock clock;

    /** {@code GET /api/v1/lots/{item}/{lot}/coa.pdf}: one lot, addressed to {@code customer} when given. */
    public byte[] forLot(Actor actor, String item, String lot, String customer) {
        MasterDataLookup.PartnerInfo addressee = customer == null || customer.isBlank() ? null : customer(customer);
        return pdf(actor, List.of(certificate(actor, item, lot)), addressee, null);
    }

    /** {@code GET /api/v1/shipments/{shipment}/coa.pdf}: every lot of the shipment, to its customer. */
    public byte[] forShipment(Actor actor, String shipment) {
        record Shipped(String item, String lot, String customer) {}
        List<Shipped> shipped = Jdbc.withConnection(
                dataSource,
                "shipment lots",
                c -> Jdbc.query(
                        c,
                        "SELECT DISTINCT item, lot, customer FROM shipment_line WHERE shipment = ? "
                                + "ORDER BY item, lot",
                        rs -> new Shipped(rs.getString("item"), rs.getString("lot"), rs.getString("customer")),
                        shipment));
        // lines of lots of other sites are not this user's to certify, nor to learn of
        List<Shipped> mine = shipped.stream()
                .filter(s -> lots.lot(s.item(), s.lot())
                        .filter(l -> actor.canReach(l.site()))
                        .isPresent())
                .toList();
        if (mine.isEmpty()) {
            throw Refused.notFound("no shipment " + Shown.of(shipment, 40) + " of your sites");
        }
        List<String> customers =
                mine.stream().map(Shipped::customer).distinct().sorted().toList();
        if (customers.size() > 1) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "shipment " + Shown.of(shipment, 40) + " went to " + String.join(", ", customers)
                            + ": ask each lot's certificate for its customer",
                    "shipment");
        }
        List<Certificate> pages = new ArrayList<>();
        List<String> unfit = new ArrayList<>();
        for (Shipped s : mine) {
            try {
                pages.add(certificate(actor, s.item(), s.lot()));
            } catch (Refused r) {
                unfit.add(s.item() + "/" + s.lot() + " (" + r.getMessage() + ")");
            }
        }
        if (!unfit.isEmpty()) {
            throw Refused.of(
                    ErrorCode.NOT_RELEASED,
                    "no certificate for shipment " + Shown.of(shipment, 40) + ": " + String.join("; ", unfit));
        }
        return pdf(actor, pages, customer(customers.get(0)), shipment);
    }

    private MasterDataLookup.PartnerInfo customer(String code) {
        MasterDataLookup.PartnerInfo p = masterData.partners(Set.of(code)).get(code);
        if (p == null || p.kind() != PartnerKind.CUSTOMER) {
            throw Refused.invalid(
                    ErrorCode.UNKNOWN_PARTNER, "customer " + Shown.of(code, 40) + " is not a customer", "customer");
        }
        return p;
    }

    private Certificate certificate(Actor actor, String item, String lot) {
        QualityService.LotQuality q = quality.quality(actor, item, lot); // also checks the lot and the site
        ProjectionQueries.LotSummary current = lots.lot(item, lot).orElseThrow();
        if (current.status() != LotStatus.RELEASED) {
            throw Refused.of(
                    ErrorCode.NOT_RELEASED,
                    "lot " + lot + " is " + Words.inSentence(current.status())
                            + ": a certificate of analysis is issued for a released lot only");
        }
        if (q.specificationVersion() == null) {
            throw Refused.of(
                    ErrorCode.NO_SPECIFICATION,
                    "item " + item + " has no specification in force: there is nothing to certify");
        }
        Approval approval = approval(item, lot)
                .orElseThrow(() -> Refused.of(
                        ErrorCode.NOT_RELEASED, "lot " + lot + " was never released or retested with a QA signature"));
        if (!q.conforms() && approval.concession() == null) {
            throw Refused.of(
                    ErrorCode.SPECIFICATION_NOT_MET,
                    "lot " + lot + " does not meet version " + q.specificationVersion() + " of its specification ("
                            + String.join(
                                    ", ",
                                    java.util.stream.Stream.concat(
                                                    q.outOfSpecification().stream(), q.missing().stream())
                                            .toList())
                            + ")");
        }
        MasterDataLookup.ItemInfo info = masterData.item(item).orElseThrow();
        MasterDataLookup.SiteInfo site = masterData.site(current.site()).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.zone());
        LocalDate from = specifications
                .inForce(item, today)
                .map(a -> a.specification().effectiveFrom())
                .orElse(null);
        return new Certificate(current, info, site, q, from, approval, digitalLink(info, current));
    }

    /** The newest signed release or retest of the lot. */
    private Optional<Approval> approval(String item, String lot) {
        return Jdbc.withConnection(
                        dataSource,
                        "lot approval",
                        c -> Jdbc.query(
                                c,
                                "SELECT e.ledger_seq, e.content FROM ledger_event e WHERE e.type IN ('STATUS', 'INSPECT') "
                                        + "AND e.ledger_seq IN (SELECT ledger_seq FROM lot_event WHERE item = ? AND lot = ?) "
                                        + "ORDER BY e.ledger_seq DESC",
                                rs -> approvalOf(
                                        rs.getLong(1),
                                        EventJson.read(rs.getString(2)).value()),
                                item,
                                lot))
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Approval> approvalOf(long seq, Event e) {
        QualityMarks.Mark m = QualityMarks.of(e.payload());
        StatusChange.Signature g = m.fitForUse();
        return g == null
                ? Optional.empty()
                : Optional.of(new Approval(g.name(), g.meaning(), g.signedAt(), m.concession(), seq));
    }

    /** The lot's GS1 Digital Link (GTIN, lot, expiry), or null for an item without a GTIN. */
    private static String digitalLink(MasterDataLookup.ItemInfo item, ProjectionQueries.LotSummary lot) {
        if (item.gtin() == null) {
            return null;
        }
        Gs1Data.Builder b = Gs1Data.builder().gtin(Gtin.of(item.gtin())).lot(LotCode.of(lot.lot()));
        if (lot.expiry() != null) {
            b.expiry(lot.expiry());
        }
        return Gs1Encoder.digitalLink(b.build());
    }

    /** A certificate's file name: {@code coa-} and the codes, any character unsafe in a name as '_'. */
    public static String fileName(String... codes) {
        return ("coa-" + String.join("-", codes)).replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    // ---- the PDF ------------------------------------------------------------------------------------

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private byte[] pdf(Actor actor, List<Certificate> pages, MasterDataLookup.PartnerInfo addressee, String shipment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter.getInstance(doc, bytes);
            doc.addTitle("Certificate of analysis"
                    + (shipment == null ? " " + pages.get(0).lot().lot() : " shipment " + shipment));
            doc.addCreator("Lotkeeper");
            doc.open();
            for (int i = 0; i < pages.size(); i++) {
                if (i > 0) {
                    doc.newPage();
                }
                page(doc, actor, pages.get(i), addressee, shipment);
            }
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the certificate of analysis could not be made", e);
        }
        return bytes.toByteArray();
    }

    private void page(Document doc, Actor actor, Certificate c, MasterDataLookup.PartnerInfo addressee, String shipment)
            throws DocumentException, IOException {
        ZoneId zone = c.site().zone();
        doc.add(new Paragraph("Certificate of analysis", TITLE));
        doc.add(new Paragraph(
                company.map(company -> company + " - ").orElse("")
                        + c.site().name() + " ("
                        + c.site().code() + ")"
                        + (c.site().gln() == null ? "" : ", GLN " + c.site().gln()),
                BODY));
        doc.add(new Paragraph(" ", BODY));

        PdfPTable head = new PdfPTable(new float[] {1, 3});
        head.setWidthPercentage(100);
        pair(
                head,
                "Customer",
                addressee == null
                        ? "-"
                        : addressee.name() + " (" + addressee.code() + ")"
                                + (addressee.gln() == null ? "" : ", GLN " + addressee.gln()));
        if (shipment != null) {
            pair(head, "Shipment", shipment);
        }
        pair(head, "Item", c.item().code() + " - " + c.item().name());
        if (c.item().gtin() != null) {
            pair(head, "GTIN", c.item().gtin());
        }
        pair(head, "Lot", c.lot().lot());
        if (c.lot().supplierLot() != null) {
            pair(head, "Supplier lot", c.lot().supplierLot());
        }
        pair(head, "Manufactured", orDash(c.lot().manufactured()));
        pair(head, "Expiry", orDash(c.lot().expiry()));
        pair(head, "Retest date", orDash(c.lot().retestDate()));
        pair(
                head,
                "Specification",
                "version " + c.quality().specificationVersion()
                        + (c.specificationFrom() == null ? "" : ", in force from " + c.specificationFrom()));
        doc.add(head);

        Paragraph results = new Paragraph("Results", HEADING);
        results.setSpacingBefore(12);
        results.setSpacingAfter(4);
        doc.add(results);
        PdfPTable tests = new PdfPTable(new float[] {2.8f, 1.3f, 1.5f, 0.9f, 1.8f, 1.4f});
        tests.setWidthPercentage(100);
        tests.setHeaderRows(1);
        for (String h : List.of("Test", "Method", "Limits", "Result", "Judgement", "Source")) {
            PdfPCell cell = new PdfPCell(new Phrase(h, BOLD));
            cell.setGrayFill(0.9f);
            tests.addCell(cell);
        }
        for (QualityService.TestStanding t : c.quality().tests()) {
            cell(tests, t.name() + " (" + t.test() + ")" + (t.required() ? "" : ", for information"));
            cell(tests, t.method() == null ? "-" : t.method());
            cell(tests, printable(t.limits()));
            cell(tests, t.latestValue() == null ? "no result" : t.latestValue());
            cell(tests, t.judgement() == null ? "-" : judgement(t.judgement()));
            cell(tests, sourceOf(c.quality().results(), t.test(), zone));
        }
        doc.add(tests);

        Paragraph verdict = new Paragraph(
                c.approval().concession() == null
                        ? "The lot meets version " + c.quality().specificationVersion() + " of its specification."
                        : "Released under concession: " + c.approval().concession(),
                BOLD);
        verdict.setSpacingBefore(10);
        doc.add(verdict);
        doc.add(new Paragraph(
                "Approved by " + c.approval().name() + " (" + c.approval().meaning() + "), "
                        + PlantTime.format(c.approval().signedAt(), zone)
                        + " - electronically signed in Lotkeeper, ledger event "
                        + c.approval().ledgerSeq() + ".",
                BODY));

        if (c.digitalLink() != null) {
            Image qr = Image.getInstance(qrCode(c.digitalLink()), null);
            qr.scaleAbsolute(90, 90);
            qr.setSpacingBefore(10);
            doc.add(qr);
            doc.add(new Paragraph(c.digitalLink(), BODY));
        }
        Paragraph issued = new Paragraph(
                "Issued " + PlantTime.format(clock.instant(), zone) + " by "
                        + users.find(actor.id()).map(UserService.UserView::name).orElse(actor.id()) + ".",
                BODY);
        issued.setSpacingBefore(10);
        issued.setAlignment(Element.ALIGN_LEFT);
        doc.add(issued);
    }

    /** The Digital Link as a QR code image: error correction M, a 4-module quiet zone, one pixel a module. */
    private static java.awt.image.BufferedImage qrCode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            return MatrixToImageWriter.toBufferedImage(
                    new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints));
        } catch (WriterException e) {
            throw new IllegalStateException("a Digital Link is always a QR code: " + e.getMessage(), e);
        }
    }

    /** The limits as the standard PDF fonts can print them ("≥ 99.0 %" → "min. 99.0 %"). */
    static String printable(String limits) {
        return limits.replace("≥ ", "min. ").replace("≤ ", "max. ");
    }

    private static String judgement(Judgement j) {
        return j == Judgement.CONFORMS ? "conforms" : "out of specification";
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static void pair(PdfPTable t, String name, String value) {
        t.addCell(new PdfPCell(new Phrase(name, BOLD)));
        t.addCell(new PdfPCell(new Phrase(value, BODY)));
    }

    private static void cell(PdfPTable t, String value) {
        t.addCell(new PdfPCell(new Phrase(value, BODY)));
    }

    /** Where the latest result of a test came from and when: "Supplier's COA" and "2026-11-16" below; "-" for none. */
    private static String sourceOf(List<QualityService.RecordedResult> results, String test, ZoneId zone) {
        QualityService.RecordedResult latest = null;
        for (QualityService.RecordedResult r : results) {
            if (r.test().equals(test)) {
                latest = r;
            }
        }
        return latest == null ? "-" : Words.of(latest.source()) + "\n" + LocalDate.ofInstant(latest.recordedAt(), zone);
    }
}
