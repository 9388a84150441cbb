package org.lotkeeper.server.trace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;

/** The wire shapes of trace, lot and recall answers (docs/PROTOCOL.md, "Trace and recall"). */
public final class Views {

    private Views() {}

    /** A lot named on the wire. */
    public record LotId(String item, String lot) {
        static LotId of(LotRef ref) {
            return new LotId(ref.item().value(), ref.lot().value());
        }
    }

    /**
     * A lot in a trace. {@code depth} is the number of links from the root (0 for the root);
     * {@code relation} says on which side of the root it lies: ROOT, ANCESTOR or DESCENDANT
     * (ANCESTOR_AND_DESCENDANT only in a cycle of bad data).
     */
    public record TraceLot(String item, String lot, String status, int depth, String relation, String site) {}

    public record TraceLink(
            LotId from, LotId to, Quantity quantity, String eventId, String kind, String batch, Instant occurredAt) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Receipt(
            String item,
            String lot,
            String supplier,
            String supplierName,
            String supplierLot,
            Quantity quantity,
            Instant receivedAt,
            String reference,
            String location,
            String eventId) {}

    public record Shipment(
            String item,
            String lot,
            String customer,
            String customerName,
            String shipment,
            Quantity quantity,
            Instant shippedAt,
            String eventId) {}

    public record ReturnLine(
            String item,
            String lot,
            String customer,
            String customerName,
            Quantity quantity,
            Instant returnedAt,
            String reference,
            String reason,
            String location,
            String eventId) {}

    public record TraceRoot(String item, String lot, String status, String site) {}

    /**
     * What left the plant of one lot, in one unit: shipment lines, quantity, first and last
     * shipping date. The lines are paged behind {@code …/shipments}.
     */
    public record LotShipped(
            String item, String lot, int lines, Quantity quantity, Instant firstShippedAt, Instant lastShippedAt) {}

    /**
     * A trace. Downstream of the root (the root and its descendants) it carries per lot what was
     * shipped ({@code shipped}), how many customers got any of it ({@code customers}) and the
     * return lines; the shipment lines themselves are paged behind
     * {@code GET /api/v1/trace/{item}/{lot}/shipments} (docs/API.md, "Why shipment lines are paged").
     */
    public record TraceAnswer(
            TraceRoot root,
            String direction,
            List<TraceLot> lots,
            List<TraceLink> links,
            List<Receipt> receipts,
            List<LotShipped> shipped,
            int customers,
            List<ReturnLine> returns,
            List<UpstreamInput> upstream,
            int lotsOutsideYourSites,
            boolean complete,
            long elapsedMs) {}

    /**
     * An input of a supplier's own transformation, from the EPCIS it sent (docs/INTEROP.md): not the
     * plant's ledger. {@code level} 1 made the supplier lot the plant received as {@code item}/{@code lot};
     * 2 made a level-1 input; and so on. {@code output} and {@code input} are GS1 Digital Link URIs
     * (or the identifiers as sent); {@code inputGtin} and {@code inputLot} are parsed from them.
     */
    public record UpstreamInput(
            String item,
            String lot,
            String supplier,
            String supplierName,
            String supplierLot,
            int level,
            String output,
            String input,
            String inputGtin,
            String inputLot,
            java.math.BigDecimal quantity,
            String uom,
            String eventId,
            Instant eventTime,
            String bizStep) {

        /** "300 kg": the quantity with its unit's symbol where the unit is one this plant knows; "" without one. */
        public String amount() {
            if (quantity == null) {
                return "";
            }
            String unit = uom == null
                    ? ""
                    : org.lotkeeper.model.quantity.Uom.byCode(uom)
                            .map(org.lotkeeper.model.quantity.Uom::symbol)
                            .orElse(uom);
            return (quantity.stripTrailingZeros().toPlainString() + " " + unit).strip();
        }
    }

    /** What one customer got of one lot, in one unit, summed over its shipment lines. */
    public record CustomerShipped(String item, String lot, String customer, String customerName, Quantity quantity) {}

    /** One page of lines in time order; {@code next} is the cursor of the page after, null on the last page. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page<T>(List<T> lines, String next) {}

    // ---- lot detail, timeline, balance ----------------------------------------------------------

    public record OnHand(String location, String container, Quantity quantity) {}

    public record DocumentRef(String documentId, String kind, String filename, String sha256, Instant uploadedAt) {}

    public record OpenFlag(long id, String flag, String detail, Instant raisedAt, String eventId) {}

    public record LotDetail(
            String item,
            String lot,
            String itemName,
            String gtin,
            String site,
            String status,
            LocalDate expiry,
            boolean expired,
            LocalDate retestDate,
            boolean dueForRetest,
            LocalDate manufactured,
            String origin,
            String supplier,
            String supplierName,
            String supplierLot,
            Instant createdAt,
            Quantity onHandTotal,
            String potency,
            Quantity activeOnHandTotal,
            List<OnHand> onHand,
            List<InTransit> inTransit,
            List<DocumentRef> documents,
            List<OpenFlag> flags,
            long elapsedMs) {}

    /**
     * One event of a lot's timeline: who (user and name, device), where (locations), why (reason,
     * deviation, note), both clocks, flags, and the payload as captured.
     */
    public record TimelineEvent(
            long ledgerSeq,
            String eventId,
            String type,
            Instant occurredAt,
            Instant recordedAt,
            String userId,
            String userName,
            String deviceId,
            String deviceLabel,
            String site,
            Quantity quantity,
            List<String> where,
            String why,
            List<String> flags,
            Object payload) {}

    public record Timeline(String item, String lot, List<TimelineEvent> events, long elapsedMs) {}

    /** One lot on a pallet: what it holds of it, where, and the lot's status and expiry. */
    public record PalletLine(
            String item,
            String itemName,
            String lot,
            String status,
            LocalDate expiry,
            String location,
            Quantity quantity) {}

    /** An event of one lot that names the pallet (a PACK of two lots is two of them). */
    public record PalletEvent(String item, String lot, TimelineEvent event) {}

    /**
     * A pallet (container) by its SSCC: what it holds now and where, and every event that named it.
     *
     * @param location where its goods are, null when it is empty
     * @param contents its lots now, empty when it is empty
     */
    public record Pallet(
            String sscc,
            String site,
            String location,
            List<PalletLine> contents,
            List<PalletEvent> events,
            long elapsedMs) {}

    /**
     * Stock on its way between two sites on a transfer order: sent by the one, not yet received by
     * the other (docs/TRACE.md, "Transfers"). {@code lotSite} is where the lot belongs now (the
     * receiving site once the sender holds none of it); {@code reachable} whether the caller may open
     * the lot's page.
     */
    public record InTransit(
            String transfer,
            String fromSite,
            String toSite,
            String item,
            String itemName,
            String lot,
            String status,
            String sscc,
            Quantity quantity,
            Quantity sent,
            Instant sentAt,
            String lotSite,
            boolean reachable) {}

    /** Transfers in transit from or to the caller's sites, oldest first. */
    public record Transfers(List<InTransit> inTransit, long elapsedMs) {}

    public record BalanceDifference(String kind, String location, Quantity quantity, String detail) {}

    /**
     * Mass balance of one lot in its base unit: received + produced + returned + adjustments in
     * = on hand + shipped + consumed + adjustments out; {@code difference} is the left side minus
     * the right side.
     */
    public record Balance(
            String item,
            String lot,
            Quantity received,
            Quantity produced,
            Quantity returned,
            Quantity adjustedIn,
            Quantity adjustedOut,
            Quantity onHand,
            Quantity inTransit,
            Quantity shipped,
            Quantity consumed,
            Quantity difference,
            String potency,
            Quantity activeOnHand,
            Quantity activeConsumed,
            boolean balanced,
            List<BalanceDifference> differences,
            long elapsedMs) {}

    /** A lot found by the console's search. */
    public record LotHit(
            String item,
            String lot,
            String itemName,
            String gtin,
            String site,
            String status,
            LocalDate expiry,
            String supplier,
            String supplierName,
            String supplierLot) {}

    /** A lot with stock whose retest date has passed or comes within the next days asked (the dashboard's list). */
    public record RetestDue(LotHit lot, LocalDate retestDate, boolean overdue) {}

    /** Lots with stock by how soon they expire: already expired, within 30, 31–60 and 61–90 days. */
    public record ExpiryBuckets(long expired, long within30, long within60, long within90) {}

    // ---- recalls --------------------------------------------------------------------------------

    /**
     * Stock of an affected lot at one location; {@code active} is its active quantity when the lot is
     * potency-managed (docs/QUALITY-CONTROL.md, "Potency"), else null.
     */
    public record RecallOnHand(String location, Quantity quantity, Quantity active) {

        /** "B-01: 200 kg (195 kg active)". */
        public String shown() {
            return location + ": " + quantity + (active == null ? "" : " (" + active + " active)");
        }
    }

    public record AffectedLot(
            String item,
            String lot,
            String itemName,
            String status,
            int depth,
            String site,
            List<RecallOnHand> onHand,
            String potency) {}

    public record StockToContain(String item, String lot, String location, String locationType, Quantity quantity) {}

    /**
     * What one customer got of the affected lots, summed: shipment lines, quantity per unit, first
     * and last shipping date; and what came back. The lines are paged behind
     * {@code GET /api/v1/recalls/{id}/shipments?customer=…} and {@code …/returns?customer=…}.
     */
    public record Customer(
            String customer,
            String name,
            int shippedLines,
            List<Quantity> shippedQuantity,
            Instant firstShippedAt,
            Instant lastShippedAt,
            int returnedLines,
            List<Quantity> returnedQuantity) {}

    public record SupplierLotId(String supplier, String supplierLot) {}

    /**
     * Affected lots of one item, status and site: how many, and their stock on hand summed per
     * unit. A recall answer carries these; the lots themselves are paged behind
     * {@code GET /api/v1/recalls/{id}/lots}.
     */
    public record AffectedItem(
            String item, String itemName, String status, String site, int lots, List<Quantity> onHand) {}

    /**
     * A recall. On the wire it carries the counts ({@code affectedLotCount}, {@code affectedByItem},
     * {@code linkCount}), the stock to contain and the customers; its affected lots are paged
     * behind {@code …/lots} and its links behind {@code …/links} (docs/TRACE.md). Inside the server
     * {@code affectedLots} holds the lots a report lists; it is read from JSON (recalls stored
     * before V25 kept it there) but never written to it.
     */
    public record RecallAnswer(
            String recallId,
            boolean mock,
            String reason,
            Instant createdAt,
            String createdBy,
            String signedBy,
            String signatureMeaning,
            List<LotId> startingLots,
            List<SupplierLotId> supplierLots,
            int affectedLotCount,
            List<AffectedItem> affectedByItem,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            List<AffectedLot> affectedLots,

            List<StockToContain> stockToContain,
            List<Customer> customers,
            List<UpstreamInput> upstream,
            int linkCount,
            List<LotId> recalledLots,
            int lotsOutsideYourSites,
            long asOfSeq,
            long elapsedMs) {

        /** The same recall with {@code lots} as its affected lots (and the counts as given). */
        RecallAnswer withLots(
                List<AffectedLot> lots,
                List<AffectedItem> byItem,
                List<StockToContain> stock,
                List<Customer> customerList,
                int links,
                List<LotId> recalled,
                int outside) {
            return new RecallAnswer(
                    recallId,
                    mock,
                    reason,
                    createdAt,
                    createdBy,
                    signedBy,
                    signatureMeaning,
                    startingLots,
                    supplierLots,
                    lots.size(),
                    byItem,
                    lots,
                    stock,
                    customerList,
                    upstream,
                    links,
                    recalled,
                    outside,
                    asOfSeq,
                    elapsedMs);
        }

        /** The sites of the lots the recall starts from: the console and the PDF show its times in their zone. */
        public Set<String> startSites() {
            Set<String> sites = new TreeSet<>();
            affectedLots.stream().filter(l -> l.depth() == 0).forEach(l -> sites.add(l.site()));
            return sites;
        }
    }

    public record RecallSummary(
            String recallId,
            boolean mock,
            String reason,
            Instant createdAt,
            String createdBy,
            int affectedLots,
            long elapsedMs,
            List<String> sites,
            String asked) {}
}
