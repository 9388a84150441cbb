package org.lotkeeper.client.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.EventBounds;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotNumbers;
import org.lotkeeper.model.lot.LotPattern;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quality.SpecTest;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quality.SpecificationException;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;

/**
 * Receiving at the dock: one RECEIVE per lot.
 *
 * <ol>
 *   <li>ORDER: scan the supplier label straight away, or the PO or ASN ({@code O:PO-7780} or its
 *       plain number), or tap "No PO" ({@link Command.NoReference}) and name the supplier and the
 *       delivery note. A label that carries the PO (AI 400) receives against it; one that does not
 *       goes on the one open expected receipt on the device that lists its item, else starts a
 *       goods receipt numbered by this device ({@code GR-<device tag>-<n>}) from the supplier its
 *       "purchased from" GLN (AI 412) names, or the item's one approved supplier. "Finish receipt"
 *       ({@link Command.Confirm}) ends the delivery.</li>
 *   <li>SUPPLIER, only when neither says who sent it: scan the supplier's GLN (AI 417, 412 or 414)
 *       or tap one of the item's approved suppliers (all the device's suppliers when the item has
 *       none, at most {@value #SUPPLIER_CHOICES}).</li>
 *   <li>LABEL: scan the supplier label: GTIN → item, supplier lot (10), expiry (17), production
 *       date (11), retest date (7011, "test by"), quantity (310n/330n…, or 30/37 for items counted in pieces), SSCC for a pallet
 *       label. Scanning further labels of the same lot adds their quantities.</li>
 *   <li>SUPPLIER_LOT, only for SUPPLIER_LOT items whose label has no lot: key it ({@link Command.KeyLot}).</li>
 *   <li>QUANTITY, only when the label states none: key it ({@link Command.KeyQuantity}, pack units allowed);
 *       keying it in a later step overrides the label.</li>
 *   <li>INTERNAL_LOT, only for MANUAL items: scan the pre-printed internal lot label (a GS1 label
 *       of the same GTIN, or a plain code) or key it. SUPPLIER_LOT items take the supplier lot;
 *       PATTERN items get a code from the item's pattern, this device's tag and its next lot
 *       sequence, shown at once so the label can be written.</li>
 *   <li>LOCATION: scan a RECEIVING or QUARANTINE location: the RECEIVE is stored. The PO stays,
 *       for the next lot of the delivery.</li>
 *   <li>COA_RESULT, only for an item with a specification: key the supplier's COA results test by
 *       test ({@link Command.KeyResult}), each judged at once against the limits shown; skip a test
 *       the COA does not report ({@link Command.SkipLine}); "COA done" ({@link Command.Confirm}),
 *       the last test or the next supplier label stores them as one INSPECT of source SUPPLIER_COA
 *       (none keyed: nothing stored). A result outside its limits raises an exception for QA and
 *       holds a lot that was released (docs/QUALITY-CONTROL.md).</li>
 * </ol>
 * A COA can be linked any time before the location scan ({@link Command.LinkDocument}).
 */
public final class ReceiveWorkflow extends AbstractWorkflow<ReceiveWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        ORDER,
        SUPPLIER,
        LABEL,
        SUPPLIER_LOT,
        QUANTITY,
        INTERNAL_LOT,
        LOCATION,
        COA_RESULT
    }

    private static final List<LocationType> RECEIVING_TYPES = List.of(LocationType.RECEIVING, LocationType.QUARANTINE);
    /** At most this many suppliers are offered as taps; more means "scan the GLN". */
    static final int SUPPLIER_CHOICES = 8;

    /** What the receipt's reference is, as the operator reads it. */
    private enum ReferenceKind {
        ORDER("PO"),
        DELIVERY_NOTE("Delivery note"),
        GOODS_RECEIPT("Receipt");

        final String label;

        ReferenceKind(String label) {
            this.label = label;
        }
    }

    private Reference reference;
    private ReferenceKind referenceKind;
    /** Lots received on this reference so far. */
    private int received;
    /** The supplier label scanned first, while the SUPPLIER step asks who sent it. */
    private Label waiting;

    private PartnerCode supplier;
    private ExpectedReceipt expected;

    private ItemRow item;
    private LotCode supplierLot;
    private LocalDate expiry;
    private LocalDate retestDate;
    private LocalDate manufactured;
    private Sscc sscc;
    private Quantity quantity;
    private String quantityShown;
    private boolean quantityFromLabels;
    private int labels;
    private LotCode lot;
    private List<Reference> documents = new ArrayList<>();

    /** The supplier's COA of the lot just received: against which specification, and what is keyed so far. */
    private Specification coaSpecification;

    private LotCode coaLot;
    private int coaNext;
    private final List<Inspect.Result> coaResults = new ArrayList<>();

    public ReceiveWorkflow(WorkflowContext ctx) {
        super(ctx, Step.ORDER);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.RECEIVE;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(
                UiAction.SCAN,
                UiAction.CANCEL,
                UiAction.NO_REFERENCE,
                UiAction.KEY_QUANTITY,
                UiAction.KEY_LOT,
                UiAction.LINK_DOCUMENT,
                UiAction.CHOOSE,
                UiAction.KEY_RESULT,
                UiAction.SKIP_LINE,
                UiAction.CONFIRM);
    }

    /** "Finish receipt": the delivery is done; the next scan starts another. */
    @Override
    protected void onConfirm() {
        if (step == Step.COA_RESULT) {
            finishCoa("");
            return;
        }
        if (reference == null || item != null || received == 0) {
            throw refuse("Nothing to finish yet. " + prompt());
        }
        String done = referenceKind.label + " " + reference + " finished: " + received
                + (received == 1 ? " lot" : " lots") + " received.";
        reset();
        good(done + " " + prompt());
    }

    // ------------------------------------------------------------------ actions

    /** "No PO": receive from this supplier against a delivery note number. */
    @Override
    protected void onNoReference(String supplierText, String deliveryNote) {
        if (item != null) {
            throw refuse("Finish or cancel the lot in progress first.");
        }
        if (supplierText == null || supplierText.isBlank()) {
            throw refuse("Key the supplier's code, e.g. " + supplierExample() + ".");
        }
        PartnerCode supplierCode = Resolve.partnerCode(supplierText, "supplier");
        PartnerRow partner = masterData
                .partner(supplierCode)
                .orElseThrow(() -> Refusal.missingOnDevice("Supplier " + supplierCode
                        + " is not known on this device — choose another supplier, or sync the device."));
        if (partner.kind() != PartnerKind.SUPPLIER) {
            throw refuse(partner.name() + " is not a supplier — choose the supplier.");
        }
        if (deliveryNote == null || deliveryNote.isBlank()) {
            throw refuse("Key the delivery note number.");
        }
        Reference ref = Reference.of(deliveryNote.strip());
        reference = ref;
        referenceKind = ReferenceKind.DELIVERY_NOTE;
        received = 0;
        supplier = supplierCode;
        expected = null;
        waiting = null;
        step = Step.LABEL;
        good("Receiving from " + partner.name() + " against delivery note " + ref + ". " + prompt());
    }

    /** Keys the quantity (overrides the label's), e.g. "1000", "3 PAIL". */
    @Override
    protected void onKeyQuantity(String text) {
        if (step == Step.COA_RESULT) {
            throw refuse("This is not a quantity but a result from the COA. " + prompt());
        }
        if (item == null) {
            throw refuse("Scan the supplier label first.");
        }
        Quantities.Keyed keyed = Quantities.parse(text, item, false);
        quantity = keyed.base();
        quantityShown = keyed.shown();
        quantityFromLabels = false;
        advance();
        good("Quantity " + keyed.shown() + ". " + prompt());
    }

    /** Keys a lot code: the supplier's lot in SUPPLIER_LOT, the internal lot in INTERNAL_LOT. */
    @Override
    protected void onKeyLot(String text) {
        if (step != Step.SUPPLIER_LOT && step != Step.INTERNAL_LOT) {
            throw refuse("No lot code is needed now. " + prompt());
        }
        LotCode code = lotCode(text);
        if (step == Step.SUPPLIER_LOT) {
            supplierLot = code;
            lot = LotNumbers.fromSupplierLot(code.value());
        } else {
            lot = LotNumbers.fromLabel(code.value());
        }
        advance();
        answerLot("Lot " + code + ". " + prompt());
    }

    /** Links a document (the COA that came with the goods) by its id. */
    @Override
    protected void onLinkDocument(String documentId) {
        if (item == null) {
            throw refuse("Scan the supplier label first, then link its COA.");
        }
        if (documents.size() >= EventBounds.MAX_DOCUMENTS) {
            throw refuse("No more documents can be linked to this receipt.");
        }
        Reference doc = Reference.of(documentId == null ? "" : documentId.strip());
        if (!documents.contains(doc)) {
            documents.add(doc);
        }
        good("Document " + doc + " linked. " + prompt());
    }

    /** A result from the supplier's COA for the test on the screen, judged at once. */
    @Override
    protected void onKeyResult(String value) {
        if (step != Step.COA_RESULT) {
            throw refuse("No test result is asked for now. " + prompt());
        }
        SpecTest test = coaSpecification.tests().get(coaNext);
        SpecTest.Result judged;
        try {
            judged = test.judge(value);
        } catch (SpecificationException e) {
            throw refuse(Resolve.printable(e.getMessage()) + " — key the result of " + test.code() + " again.");
        }
        coaResults.add(new Inspect.Result(test.code(), judged.value(), judged.judgement()));
        String said = test.code() + " " + judged.value()
                + (test.unit() == null ? "" : " " + test.unit().symbol())
                + ": " + Words.of(judged.judgement()).toLowerCase(java.util.Locale.ROOT)
                + (judged.judgement() == Judgement.CONFORMS ? "" : " (" + test.limits() + ")") + ".";
        nextTest(said, judged.judgement() != Judgement.CONFORMS);
    }

    /** The COA does not report the test on the screen. */
    @Override
    protected void onSkipLine() {
        if (step != Step.COA_RESULT) {
            throw refuse("Nothing to skip now. " + prompt());
        }
        nextTest(coaSpecification.tests().get(coaNext).code() + " skipped.", false);
    }

    /** On to the next test; {@code outside}: the result just keyed is outside its limits, so the answer is red. */
    private void nextTest(String said, boolean outside) {
        coaNext++;
        if (coaNext >= coaSpecification.tests().size()) {
            finishCoa(said + " ");
        } else if (outside) {
            // red with the error tone: the receiver must notice; the result is kept, the COA goes on
            attention(said + " " + prompt(), List.of(), null);
        } else {
            good(said + " " + prompt());
        }
    }

    /** Stores the results keyed so far as one INSPECT; back to the next supplier label. */
    private void finishCoa(String said) {
        List<CapturedEvent> captured = List.of();
        String done;
        if (coaResults.isEmpty()) {
            done = "No COA results for lot " + coaLot + ".";
        } else {
            Inspect inspect = new Inspect(
                    coaSpecification.item(),
                    coaLot,
                    coaSpecification.version(),
                    InspectionSource.SUPPLIER_COA,
                    null,
                    coaResults,
                    null,
                    null,
                    Inspect.potencyOf(coaSpecification, coaResults));
            captured = List.of(ctx.capture().capture(inspect));
            List<String> out = coaResults.stream()
                    .filter(r -> r.judgement() != Judgement.CONFORMS)
                    .map(r -> r.test() + " " + r.value())
                    .toList();
            done = "COA of lot " + coaLot + " stored: " + coaResults.size()
                    + (coaResults.size() == 1 ? " result" : " results")
                    + (out.isEmpty()
                            ? ", all within the specification."
                            : ", out of specification: " + String.join(", ", out) + " — QA is told"
                                    + (stock.lot(new LotRef(coaSpecification.item(), coaLot))
                                                    .map(l -> l.status() == LotStatus.ON_HOLD)
                                                    .orElse(false)
                                            ? " and the lot is on hold."
                                            : "."));
        }
        boolean outside = coaResults.stream().anyMatch(r -> r.judgement() != Judgement.CONFORMS);
        clearCoa();
        step = Step.LABEL;
        String next = said + done + " Scan the next supplier label of " + reference + ", or tap Finish receipt.";
        if (outside) {
            attention(next, captured, null);
        } else {
            good(next, captured);
        }
    }

    private void clearCoa() {
        coaSpecification = null;
        coaLot = null;
        coaNext = 0;
        coaResults.clear();
    }

    // ------------------------------------------------------------------ scans

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case ORDER -> onOrderScan(scan);
            case SUPPLIER -> onSupplierScan(scan);
            case LABEL -> onLabelScan(scan);
            case SUPPLIER_LOT -> {
                if (!(scan instanceof Scan.Code c)) {
                    throw refuse("Key the supplier's lot number from the label.");
                }
                keyLotNow(c.value());
            }
            case QUANTITY -> {
                if (isSameLotLabel(scan)) {
                    throw refuse("This label states no quantity — key the quantity, e.g. 20"
                            + item.packUnits().stream()
                                    .findFirst()
                                    .map(p -> " or 3 " + p.code())
                                    .orElse("") + ".");
                }
                throw refuse("Key the quantity from the delivery note first.");
            }
            case INTERNAL_LOT -> onInternalLotScan(scan);
            case LOCATION -> onLocationScan(scan);
            case COA_RESULT -> {
                if (!(scan instanceof Scan.Product || scan instanceof Scan.Container)) {
                    throw refuse(prompt());
                }
                // the next supplier label: the COA is done
                finishCoa("");
                onLabelScan(scan);
            }
        }
    }

    private void keyLotNow(String text) {
        LotCode code = lotCode(text);
        supplierLot = code;
        lot = LotNumbers.fromSupplierLot(code.value());
        advance();
        answerLot("Supplier lot " + code + ". " + prompt());
    }

    private static LotCode lotCode(String text) {
        try {
            return LotCode.of(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw refuse("This is not a lot code (" + Resolve.printable(e.getMessage()) + ") — key it again.");
        }
    }

    private void onOrderScan(Scan scan) {
        if (scan instanceof Scan.Product || scan instanceof Scan.Container) {
            Gs1Data data = scan instanceof Scan.Product p ? p.data() : ((Scan.Container) scan).data();
            if (data.customerPo().isEmpty()) {
                startFromLabel(readLabel(scan, null));
                return;
            }
            ExpectedReceipt receipt =
                    expectedReceipt(Reference.of(data.customerPo().get()));
            Label label = readLabel(scan, receipt);
            useReceipt(receipt);
            useLabel(label);
            return;
        }
        ExpectedReceipt receipt = expectedReceipt(Resolve.reference(scan, "the purchase order or ASN"));
        useReceipt(receipt);
        step = Step.LABEL;
        good(receipt.reference() + " from " + partnerName(receipt.supplier())
                + (receipt.shipFrom() == null ? "" : ", " + receipt.shipFrom()) + "." + receipt.announced() + " "
                + prompt());
    }

    private ExpectedReceipt expectedReceipt(Reference ref) {
        return tasks.expectedReceipt(ref)
                .orElseThrow(() -> Refusal.missingOnDevice("PO " + ref
                        + " is not known on this device — sync the device, or tap No PO and key the delivery note."));
    }

    private void useReceipt(ExpectedReceipt receipt) {
        if (!receipt.reference().equals(reference)) {
            received = 0;
        }
        expected = receipt;
        reference = receipt.reference();
        referenceKind = ReferenceKind.ORDER;
        supplier = receipt.supplier();
    }

    /**
     * A supplier label with no PO: against the one open expected receipt (PO or ASN) on this
     * device that lists the item (from the supplier its GLN names, when it names one); else a goods
     * receipt from the supplier its GLN names, or the item's one approved supplier; otherwise the
     * SUPPLIER step asks.
     */
    private void startFromLabel(Label label) {
        Optional<PartnerRow> named = label.data().purchasedFrom().flatMap(this::supplierByGln);
        List<PartnerRow> approved = approvedSuppliers(label.item());
        List<ExpectedReceipt> open = tasks.expectedReceipts().stream()
                .filter(r -> r.items().contains(label.item().code()))
                .filter(r -> named.map(p -> p.code().equals(r.supplier())).orElse(true))
                .toList();
        requireNumbering(label.item()); // refused before anything changes
        if (open.size() == 1) { // the one purchase order that expects this item: receive against it
            useReceipt(open.get(0));
            useLabel(label, "PO " + reference + " from " + partnerName(supplier) + ": ");
        } else if (named.isPresent()) {
            beginGoodsReceipt(named.get(), label);
        } else if (approved.size() == 1) {
            beginGoodsReceipt(approved.get(0), label);
        } else {
            clearLot();
            reference = null;
            referenceKind = null;
            supplier = null;
            expected = null;
            waiting = label;
            step = Step.SUPPLIER;
            good(label.item().code() + " (" + label.item().name() + "). Who sent it? " + prompt());
        }
    }

    /** A PATTERN item needs its pattern to number the lot: refused (before anything changes) without one. */
    private static void requireNumbering(ItemRow of) {
        if (of.lotNumbering() == LotNumbering.PATTERN && of.lotPattern() == null) {
            throw refuse(
                    of.code() + " has no lot pattern in master data — ask for one to be set, and cancel this receipt.");
        }
    }

    private void beginGoodsReceipt(PartnerRow from, Label label) {
        requireNumbering(label.item());
        if (!approvedSuppliers(label.item()).isEmpty()
                && !label.item().suppliers().contains(from.code())) {
            throw refuse(from.name() + " is not an approved supplier of "
                    + label.item().code() + " — set the goods aside and tell QA, or tap No PO to receive them anyway.");
        }
        String tag;
        try {
            tag = masterData.deviceTag().value();
        } catch (IllegalStateException e) {
            throw refuse("This device has no tag from its enrollment to number goods receipts — "
                    + "tap No PO and key the delivery note, or enroll the device again.");
        }
        reference = Reference.of("GR-" + tag + "-"
                + String.format(Locale.ROOT, "%04d", ctx.capture().nextReceiptNumber()));
        referenceKind = ReferenceKind.GOODS_RECEIPT;
        received = 0;
        supplier = from.code();
        expected = null;
        waiting = null;
        useLabel(label, "Receipt " + reference + " from " + from.name() + ": ");
    }

    /** SUPPLIER: the supplier's GLN barcode (or its partner code) names who sent the goods. */
    private void onSupplierScan(Scan scan) {
        Optional<Gln> gln = supplierGln(scan);
        PartnerRow from;
        if (gln.isPresent()) {
            from = supplierByGln(gln.get())
                    .orElseThrow(() -> Refusal.missingOnDevice("GLN " + gln.get()
                            + " is not a supplier known on this device — " + "tap the supplier, or sync the device."));
        } else {
            from = (scan instanceof Scan.Code c ? supplierNamed(c.value()) : Optional.<PartnerRow>empty())
                    .orElseThrow(() -> refuse("This is " + Resolve.describe(scan) + ", not the supplier. " + prompt()));
        }
        beginGoodsReceipt(from, waiting);
    }

    private static Optional<Gln> supplierGln(Scan scan) {
        if (scan instanceof Scan.GlnLocation g) {
            return Optional.of(g.gln());
        } else if (scan instanceof Scan.OtherGs1 o) {
            return o.data().party().or(() -> o.data().purchasedFrom());
        } else if (scan instanceof Scan.Product p) {
            return p.data().purchasedFrom();
        }
        return Optional.empty();
    }

    /** A tap on one of the offered suppliers. */
    @Override
    protected void onChoose(String choice, String note) {
        if (step != Step.SUPPLIER) {
            throw refuse("Nothing to choose now. " + prompt());
        }
        PartnerRow from = supplierChoices().stream()
                .filter(p -> p.code().value().equals(choice))
                .findFirst()
                .orElseThrow(() -> refuse("Tap one of the suppliers shown, or scan the supplier's GLN."));
        beginGoodsReceipt(from, waiting);
    }

    private Optional<PartnerRow> supplierByGln(Gln gln) {
        return masterData.partners().stream()
                .filter(p -> p.kind() == PartnerKind.SUPPLIER && gln.equals(p.gln()))
                .findFirst();
    }

    private Optional<PartnerRow> supplierNamed(String code) {
        return masterData.partners().stream()
                .filter(p ->
                        p.kind() == PartnerKind.SUPPLIER && p.code().value().equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    /** The item's approved suppliers known on this device. */
    private List<PartnerRow> approvedSuppliers(ItemRow of) {
        return of.suppliers().stream()
                .map(masterData::partner)
                .flatMap(Optional::stream)
                .filter(p -> p.kind() == PartnerKind.SUPPLIER)
                .toList();
    }

    /** What the SUPPLIER step offers: the item's approved suppliers, else the device's suppliers. */
    private List<PartnerRow> supplierChoices() {
        if (waiting == null) {
            return List.of();
        }
        List<PartnerRow> approved = approvedSuppliers(waiting.item());
        List<PartnerRow> offered = approved.isEmpty()
                ? masterData.partners().stream()
                        .filter(p -> p.kind() == PartnerKind.SUPPLIER)
                        .toList()
                : approved;
        return offered.size() > SUPPLIER_CHOICES ? List.of() : offered;
    }

    private String supplierExample() {
        return masterData.partners().stream()
                .filter(p -> p.kind() == PartnerKind.SUPPLIER)
                .map(p -> p.code().value())
                .findFirst()
                .orElse("ACME-RESINS");
    }

    private void onLabelScan(Scan scan) {
        if (scan instanceof Scan.Order || (scan instanceof Scan.Code && expected != null)) {
            onOrderScan(scan);
            return;
        }
        if (!(scan instanceof Scan.Product || scan instanceof Scan.Container)) {
            throw refuse("This is " + Resolve.describe(scan)
                    + ", not a supplier label — scan the supplier's product label.");
        }
        Label label = readLabel(scan, expected);
        if (referenceKind == ReferenceKind.GOODS_RECEIPT
                && !label.item().suppliers().isEmpty()
                && !label.item().suppliers().contains(supplier)) {
            startFromLabel(label); // goods of another supplier: a receipt of their own
            return;
        }
        useLabel(label);
    }

    /** What one supplier label says, checked against the PO. */
    private record Label(ItemRow item, Gs1Data data, Sscc sscc, Quantity quantity) {}

    private Label readLabel(Scan scan, ExpectedReceipt receipt) {
        Gs1Data data = scan instanceof Scan.Product p ? p.data() : ((Scan.Container) scan).data();
        Sscc container = scan instanceof Scan.Container c ? c.sscc() : null;
        ItemRow labelItem = resolve.itemOf(data);
        if (receipt != null
                && data.customerPo().isPresent()
                && !data.customerPo().get().equals(receipt.reference().value())) {
            throw refuse("This label is for PO " + data.customerPo().get() + ", but you are receiving "
                    + receipt.reference() + " — check the delivery, or cancel and scan the right PO.");
        }
        if (receipt != null && !receipt.items().isEmpty() && !receipt.items().contains(labelItem.code())) {
            throw refuse(labelItem.code() + " is not on " + receipt.reference()
                    + " — set it aside and tell your supervisor, or cancel and receive it with No PO.");
        }
        return new Label(labelItem, data, container, Resolve.labelQuantity(data, labelItem));
    }

    private void useLabel(Label label) {
        useLabel(label, "");
    }

    /** Takes the label's item, lot, dates and quantity; {@code intro} opens the answer (a receipt just started). */
    private void useLabel(Label label, String intro) {
        ItemRow labelItem = label.item();
        LotCode internal = null;
        if (labelItem.lotNumbering() == LotNumbering.SUPPLIER_LOT
                && label.data().lot().isPresent()) {
            internal = LotNumbers.fromSupplierLot(label.data().lot().get().value());
        } else if (labelItem.lotNumbering() == LotNumbering.PATTERN) {
            requireNumbering(labelItem);
            LotPattern pattern = LotPattern.parse(labelItem.lotPattern());
            internal = LotNumbers.fromPattern(
                    pattern, masterData.deviceTag(), ctx.today(), ctx.capture().nextLotSequence(labelItem.code()));
        }
        LocalDate labelExpiry = label.data().expiry().orElse(null);
        LocalDate labelTestBy = label.data().testBy().orElse(null);
        if (labelTestBy != null && labelExpiry != null && labelTestBy.isAfter(labelExpiry)) {
            throw refuse("This label says test by " + labelTestBy + ", after its expiry " + labelExpiry
                    + ": the label is wrong — set the goods aside and tell QA.");
        }
        item = labelItem;
        supplierLot = label.data().lot().orElse(null);
        expiry = labelExpiry;
        retestDate = labelTestBy;
        manufactured = label.data().productionDate().orElse(null);
        sscc = label.sscc();
        quantity = label.quantity();
        quantityShown = quantity == null ? null : quantity.toString();
        quantityFromLabels = quantity != null;
        labels = 1;
        lot = internal;
        advance();
        StringBuilder said = new StringBuilder(intro);
        said.append(item.code()).append(" (").append(item.name()).append(")");
        if (supplierLot != null) {
            said.append(", supplier lot ").append(supplierLot);
        }
        if (quantity != null) {
            said.append(", ").append(quantity);
        }
        if (expiry != null) {
            said.append(", expires ").append(expiry);
            if (expiry.isBefore(ctx.today())) {
                said.append(" — already expired: tell QA before you put it away");
            }
        }
        if (retestDate != null) {
            said.append(", retest by ").append(retestDate);
            if (retestDate.isBefore(ctx.today())) {
                said.append(" — already due for retest: tell QA");
            }
        }
        said.append(announcedLot());
        if (lot != null && item.lotNumbering() == LotNumbering.PATTERN) {
            said.append(". Write lot ").append(lot).append(" on the goods");
        }
        answerLot(said + "." + Resolve.warnings(label.data()) + " " + prompt());
    }

    /**
     * What an advance ship notice says of the label's lot: how much of it the supplier announced,
     * or — when the notice lists other lots of the item — that this one is not on it (a warning:
     * suppliers do ship other lots; the supervisor decides).
     */
    private String announcedLot() {
        List<ExpectedReceipt.Lot> announced = expected == null ? List.of() : expected.lotsOf(item.code());
        if (announced.isEmpty()) {
            return "";
        }
        Optional<ExpectedReceipt.Lot> same =
                supplierLot == null ? Optional.empty() : expected.lot(item.code(), supplierLot);
        if (same.isPresent()) {
            return same.get().quantity() == null
                    ? ". " + reference + " announces this lot"
                    : ". " + reference + " announces " + same.get().quantity() + " of this lot";
        }
        return ". Lot " + (supplierLot == null ? "(none on the label)" : supplierLot.value()) + " is not on "
                + reference + ", which announces "
                + String.join(
                        ", ",
                        announced.stream().map(l -> l.supplierLot().value()).toList())
                + " — check the delivery and tell your supervisor";
    }

    private boolean isSameLotLabel(Scan scan) {
        if (item == null || !(scan instanceof Scan.Product p)) {
            return false;
        }
        Gs1Data d = p.data();
        return d.gtin().or(d::contentGtin).map(g -> g.equals(item.gtin())).orElse(false)
                && d.lot().map(l -> l.equals(supplierLot)).orElse(supplierLot == null);
    }

    /** Another label of the lot being received: its quantity adds to the total. */
    private void addLabel(Scan.Product p) {
        Quantity more = Resolve.labelQuantity(p.data(), item);
        if (more == null) {
            throw refuse("This label states no quantity — key the total quantity instead.");
        }
        if (!quantityFromLabels) {
            throw refuse("The quantity was keyed — key the new total instead of scanning more labels.");
        }
        quantity = quantity.plus(more);
        quantityShown = quantity.toString();
        labels++;
        good("Label " + labels + " of supplier lot " + supplierLot + ": " + quantity + " in all. " + prompt());
    }

    private void onInternalLotScan(Scan scan) {
        if (isSameLotLabel(scan)) {
            addLabel((Scan.Product) scan);
            return;
        }
        LotCode internal;
        if (scan instanceof Scan.Product p) {
            boolean sameItem = p.data()
                    .gtin()
                    .or(p.data()::contentGtin)
                    .map(g -> g.equals(item.gtin()))
                    .orElse(false);
            if (!sameItem) {
                throw refuse("This label is not " + item.code() + " — scan the internal lot label of " + item.code()
                        + ", or key the lot.");
            }
            internal = p.data()
                    .lot()
                    .orElseThrow(() ->
                            refuse("This label has no lot number — scan the internal lot label, or key the lot."));
        } else if (scan instanceof Scan.Code c) {
            internal = c.asLotCode()
                    .orElseThrow(
                            () -> refuse(c.value() + " is too long for a lot code — scan the internal lot label."));
        } else {
            throw refuse("This is " + Resolve.describe(scan)
                    + ", not an internal lot label — scan the internal lot label, or key the lot.");
        }
        LotCode code = LotNumbers.fromLabel(internal.value());
        Optional<LotRow> existing = stock.lot(new LotRef(item.code(), code));
        boolean known = existing.isPresent();
        LocalDate holds = existing.map(LotRow::expiry).orElse(null);
        if (holds != null && expiry != null && !holds.equals(expiry)) {
            throw refuse("Lot " + code + " expires " + holds + ", but these goods expire " + expiry
                    + ": another supplier batch — stick a new internal lot label on them and scan that.");
        }
        lot = code;
        advance();
        answerLot("Lot " + code + (known ? " (already known: this adds to it)" : "") + ". " + prompt());
    }

    /**
     * Green, or — when the receipt adds to a known lot that may not be used (recalled, on hold …)
     * — red with the banner on this scan, and the goods may then only go into quarantine.
     */
    private void answerLot(String said) {
        Optional<Blocked> unusable = unusableLot();
        if (unusable.isPresent()) {
            attention(
                    "Lot " + lot + " " + why(unusable.get()) + " — receive it into a quarantine location and tell QA. "
                            + said,
                    List.of(),
                    unusable.get());
        } else {
            good(said);
        }
    }

    /** The known lot this receipt adds to, when it may not be used for more than waiting on QA. */
    private Optional<Blocked> unusableLot() {
        return lot == null ? Optional.empty() : blockedBeyondQa(new LotRef(item.code(), lot));
    }

    private void onLocationScan(Scan scan) {
        if (isSameLotLabel(scan)) {
            addLabel((Scan.Product) scan);
            return;
        }
        Optional<Blocked> unusable = unusableLot();
        LocationRow location = unusable.isPresent()
                ? resolve.location(
                        scan,
                        List.of(LocationType.QUARANTINE),
                        "lot " + lot + " " + why(unusable.get()) + ": it goes into quarantine")
                : resolve.location(scan, RECEIVING_TYPES, "goods are received at the dock or into quarantine");
        Receive receive = new Receive(
                supplier,
                reference,
                item.code(),
                lot,
                supplierLot,
                quantity,
                expiry,
                manufactured,
                location.code(),
                sscc,
                documents,
                retestDate);
        CapturedEvent captured = ctx.capture().capture(receive);
        String status = Words.inSentence(LotStatusRules.initialStatus(item.qcRequired()));
        String done = "Received " + quantity + " of " + item.code() + " lot " + lot + " at " + location.code() + " ("
                + status + (item.qcRequired() ? ": QA must release it" : "") + ").";
        Specification specification = item.specification();
        LotCode receivedLot = lot;
        clearLot();
        received++;
        if (specification != null) {
            coaSpecification = specification;
            coaLot = receivedLot;
            step = Step.COA_RESULT;
            good(done + " Key the supplier's COA results, or tap COA done. " + prompt(), List.of(captured));
            return;
        }
        step = Step.LABEL;
        good(done + " Scan the next supplier label of " + reference + ", or tap Finish receipt.", List.of(captured));
    }

    // ------------------------------------------------------------------ state

    private void advance() {
        if (reference == null) {
            step = waiting == null ? Step.ORDER : Step.SUPPLIER;
        } else if (item == null) {
            step = Step.LABEL;
        } else if (supplierLot == null && item.lotNumbering() == LotNumbering.SUPPLIER_LOT) {
            step = Step.SUPPLIER_LOT;
        } else if (quantity == null) {
            step = Step.QUANTITY;
        } else if (lot == null) {
            step = Step.INTERNAL_LOT;
        } else {
            step = Step.LOCATION;
        }
    }

    private void clearLot() {
        item = null;
        supplierLot = null;
        expiry = null;
        retestDate = null;
        manufactured = null;
        sscc = null;
        quantity = null;
        quantityShown = null;
        quantityFromLabels = false;
        labels = 0;
        lot = null;
        documents = new ArrayList<>();
    }

    @Override
    protected void reset() {
        clearLot();
        clearCoa();
        reference = null;
        referenceKind = null;
        received = 0;
        supplier = null;
        expected = null;
        waiting = null;
        step = Step.ORDER;
    }

    private String partnerName(PartnerCode code) {
        return masterData.partner(code).map(PartnerRow::name).orElse(code.value());
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case ORDER -> "Scan the supplier label, or the purchase order or ASN.";
            case SUPPLIER ->
                supplierChoices().isEmpty()
                        ? "Scan the supplier's GLN from the delivery note, or tap No PO."
                        : "Tap the supplier, or scan its GLN from the delivery note.";
            case LABEL -> "Scan the supplier label.";
            case SUPPLIER_LOT -> "Key the supplier's lot number from the label.";
            case QUANTITY -> "Key the quantity received.";
            case INTERNAL_LOT -> "Scan the internal lot label.";
            case LOCATION -> "Scan the location label where you put it down.";
            case COA_RESULT -> {
                SpecTest t = coaSpecification.tests().get(coaNext);
                yield "Key the COA's " + t.code() + " (" + t.name() + ", " + t.limits()
                        + (t.required() ? "" : ", informative") + "), or skip it.";
            }
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (reference != null) {
            f.add(new Field(referenceKind.label, reference.value()));
            f.add(new Field("Supplier", partnerName(supplier)));
        }
        if (coaLot != null) {
            f.add(new Field("COA of lot", coaLot.value()));
            for (Inspect.Result r : coaResults) {
                f.add(new Field(r.test(), r.value() + " — " + Words.of(r.judgement())));
            }
        }
        if (waiting != null) {
            f.add(new Field("Item", waiting.item().code() + " " + waiting.item().name()));
        }
        if (item != null) {
            f.add(new Field("Item", item.code() + " " + item.name()));
            if (supplierLot != null) {
                f.add(new Field("Supplier lot", supplierLot.value()));
            }
            if (expiry != null) {
                f.add(new Field("Expiry", expiry.toString()));
            }
            if (retestDate != null) {
                f.add(new Field("Retest by", retestDate.toString()));
            }
            if (quantityShown != null) {
                f.add(new Field("Quantity", quantityShown));
            }
            if (lot != null) {
                f.add(new Field("Lot", lot.value()));
            }
            if (sscc != null) {
                f.add(new Field("SSCC", sscc.value()));
            }
            if (!documents.isEmpty()) {
                f.add(new Field(
                        "Documents",
                        String.join(
                                ", ", documents.stream().map(Reference::value).toList())));
            }
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step == Step.SUPPLIER) {
            a.add(UiAction.CHOOSE);
        }
        if (step == Step.LABEL && received > 0) {
            a.add(UiAction.CONFIRM);
        }
        if (step == Step.COA_RESULT) {
            a.add(UiAction.KEY_RESULT);
            a.add(UiAction.SKIP_LINE);
            a.add(UiAction.CONFIRM);
        }
        if (item == null && step != Step.COA_RESULT) {
            a.add(UiAction.NO_REFERENCE);
        } else if (item != null) {
            a.add(UiAction.KEY_QUANTITY);
            a.add(UiAction.LINK_DOCUMENT);
        }
        if (step == Step.SUPPLIER_LOT || step == Step.INTERNAL_LOT) {
            a.add(UiAction.KEY_LOT);
        }
        return a;
    }

    @Override
    protected List<Choice> choices() {
        return step == Step.SUPPLIER
                ? supplierChoices().stream()
                        .map(p -> new Choice(p.code().value(), p.name()))
                        .toList()
                : List.of();
    }
}
