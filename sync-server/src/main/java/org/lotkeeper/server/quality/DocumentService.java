package org.lotkeeper.server.quality;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.ledger.ChainHash;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;

/**
 * Quality documents: upload with size and type limits, a SHA-256 of the content, links to lots
 * and items (each link audited), download.
 */
@ApplicationScoped
public class DocumentService {

    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** A stored document's facts. */
    public record DocumentInfo(
            UUID documentId,
            DocumentKind kind,
            String filename,
            String contentType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            java.time.Instant uploadedAt) {}

    /** A document with its content, for download. */
    @SuppressWarnings("ArrayRecordComponent") // the file's bytes, streamed to the caller, never compared
    public record DocumentFile(DocumentInfo info, byte[] content) {}

    private static final UuidV7Generator IDS = new UuidV7Generator();

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ProjectionQueries lots;

    @Inject
    MasterDataLookup masterData;

    /**
     * Stores a document and links it to lots (each of a site {@code by} reaches) and items. An item
     * link belongs to one site, {@code itemSite}; it is needed only with item links, and may be
     * left out by a user of a single site (theirs).
     */
    @Transactional
    public DocumentInfo upload(
            Actor by,
            DocumentKind kind,
            String filename,
            byte[] content,
            List<LotRef> lotLinks,
            List<String> itemLinks,
            String itemSite) {
        if (content.length == 0) {
            throw Refused.invalid(ErrorCode.EMPTY, "the file is empty", "file");
        }
        if (content.length > MAX_BYTES) {
            throw Refused.of(
                    ErrorCode.TOO_LARGE, "a document may have at most " + MAX_BYTES / (1024 * 1024) + " MB", "file");
        }
        String contentType = sniff(content)
                .orElseThrow(() -> Refused.of(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "only PDF, PNG, JPEG and plain-text documents are accepted",
                        "file"));
        List<String> lotSites = new java.util.ArrayList<>();
        for (int i = 0; i < lotLinks.size(); i++) {
            LotRef ref = lotLinks.get(i);
            var lot = lots.lot(ref.item().value(), ref.lot().value())
                    .orElseThrow(() ->
                            Refused.invalid(ErrorCode.UNKNOWN_LOT, "lot " + ref + " is not in the ledger", "lots"));
            if (!by.canReach(lot.site())) {
                throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + lot.site());
            }
            lotSites.add(lot.site());
        }
        for (String item : itemLinks) {
            if (masterData.item(item).isEmpty()) {
                throw Refused.invalid(ErrorCode.UNKNOWN_ITEM, "item " + item + " is not in master data", "items");
            }
        }
        String site = itemLinks.isEmpty() ? null : itemSite(by, itemSite);
        DocumentEntity d = new DocumentEntity();
        d.id = IDS.next().value();
        d.kind = kind.name();
        d.filename = filename;
        d.contentType = contentType;
        d.sizeBytes = content.length;
        d.sha256 = ChainHash.sha256(content);
        d.content = content;
        d.uploadedBy = by.id();
        d.uploadedAt = clock.instant();
        d.persist();
        audit.record(
                by.id(), "DOCUMENT_UPLOADED", d.id.toString(), null, kind + " " + filename + " sha256 " + d.sha256);
        for (int i = 0; i < lotLinks.size(); i++) {
            LotRef ref = lotLinks.get(i);
            link(by, d, ref.item().value(), ref.lot().value(), lotSites.get(i));
        }
        for (String item : itemLinks) {
            link(by, d, item, "", site);
        }
        return info(d);
    }

    /** The site an item link is made for: the one asked for (which the user must reach), else the user's only site. */
    private String itemSite(Actor by, String asked) {
        if (asked == null || asked.isBlank()) {
            if (!by.allSites() && by.sites().size() == 1) {
                return by.sites().iterator().next();
            }
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD, "name the site the item links are for (you work at several)", "site");
        }
        String site = asked.strip();
        if (masterData.site(site).isEmpty()) {
            throw Refused.invalid(ErrorCode.UNKNOWN_SITE, "site " + site + " is not in master data", "site");
        }
        if (!by.canReach(site)) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + site);
        }
        return site;
    }

    private void link(Actor by, DocumentEntity d, String item, String lot, String site) {
        DocumentLinkEntity.Key key = new DocumentLinkEntity.Key(d.id, item, lot, site);
        if (DocumentLinkEntity.findById(key) != null) {
            return;
        }
        DocumentLinkEntity link = new DocumentLinkEntity();
        link.key = key;
        link.linkedBy = by.id();
        link.linkedAt = clock.instant();
        link.persist();
        audit.record(
                by.id(),
                "DOCUMENT_LINKED",
                d.id.toString(),
                null,
                d.kind + " linked to " + item + (lot.isEmpty() ? "" : "/" + lot));
    }

    /**
     * A document {@code by} may read: one linked to a lot or item of a site they reach. Any other —
     * unknown, or only of other sites — is empty alike, so an id says nothing about another site.
     */
    @Transactional
    public Optional<DocumentFile> download(Actor by, UUID id) {
        // a lot's documents go with it to a sister site: its link counts where the lot is now
        boolean reachable = DocumentLinkEntity.<DocumentLinkEntity>list("key.documentId", id).stream()
                .anyMatch(l -> by.canReach(l.key.site)
                        || (!l.key.lot.isEmpty()
                                && lotSite(l.key.item, l.key.lot)
                                        .filter(by::canReach)
                                        .isPresent()));
        if (!reachable) {
            return Optional.empty();
        }
        DocumentEntity d = DocumentEntity.findById(id);
        return Optional.ofNullable(d).map(doc -> new DocumentFile(info(doc), doc.content));
    }

    /** The site a lot is at now, if the ledger knows it. */
    private static Optional<String> lotSite(String item, String lot) {
        List<?> rows = DocumentLinkEntity.getEntityManager()
                .createNativeQuery("SELECT site FROM lot WHERE item = ?1 AND lot = ?2")
                .setParameter(1, item)
                .setParameter(2, lot)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(rows.get(0)));
    }

    /**
     * Documents linked to a lot (at whichever site they were linked: they go with the lot when it is
     * transferred), or to its item for the lot's site.
     */
    @Transactional
    public List<DocumentInfo> forLot(String item, String lot, String site) {
        List<DocumentLinkEntity> links = DocumentLinkEntity.list(
                "key.item = ?1 and (key.lot = ?2 or (key.lot = '' and key.site = ?3))", item, lot, site);
        return links.stream()
                .map(l -> l.key.documentId)
                .distinct()
                .map(id -> DocumentEntity.<DocumentEntity>findById(id))
                .map(DocumentService::info)
                .toList();
    }

    /** A COA or test result is linked to this lot: QA may release it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseEvidenceLinked(String item, String lot) {
        return DocumentLinkEntity.<DocumentLinkEntity>list("key.item = ?1 and key.lot = ?2", item, lot).stream()
                .map(l -> DocumentEntity.<DocumentEntity>findById(l.key.documentId))
                .anyMatch(d -> DocumentKind.valueOf(d.kind).supportsRelease());
    }

    /** The media type by the file's first bytes, never by its name or the client's word. */
    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (isPlainText(b)) {
            return Optional.of("text/plain; charset=UTF-8");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isPlainText(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(b))
                    .toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static DocumentInfo info(DocumentEntity d) {
        return new DocumentInfo(
                d.id,
                DocumentKind.valueOf(d.kind),
                d.filename,
                d.contentType,
                d.sizeBytes,
                d.sha256,
                d.uploadedBy,
                d.uploadedAt);
    }

    /** The file's own name, without any path, control characters or more than 200 characters. */
    public static String ownName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"<>]", "_")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
