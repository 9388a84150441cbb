package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Texts;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.PartnerRow;

/**
 * A customer return at the dock: one RETURN per lot.
 *
 * <ol>
 *   <li>RMA: scan the return authorisation (the customer comes from it), or tap
 *       {@link Command.NoReference} and name the customer and their delivery note.</li>
 *   <li>LOT: scan the lot label (a returned lot need not be known on the device, its item must).</li>
 *   <li>QUANTITY, when the label states none: key it (pack units allowed).</li>
 *   <li>Against an RMA that names lots: a lot it names, within what may still come back, takes
 *       the RMA's reason and goes on to the location. A lot it does not name, or more than is
 *       open, stops at DEVIATION: one tap on a reason takes it back anyway, and the reason says it
 *       was a deviation ("Lot X is not on RMA-1: Damaged pail").</li>
 *   <li>REASON (without an RMA): one tap on a reason ({@link #REASONS}) or key one ({@link Command.Choose}).</li>
 *   <li>LOCATION: scan a RETURNS location: the RETURN is stored, and a released lot goes back to
 *       QUARANTINE until QA decides. Any other type of location is refused: returned stock is
 *       kept apart.</li>
 * </ol>
 */
public final class ReturnWorkflow extends AbstractWorkflow<ReturnWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        RMA,
        LOT,
        QUANTITY,
        /** The lot or quantity is not what the RMA authorises: one tap on a reason accepts it as a deviation. */
        DEVIATION,
        REASON,
        LOCATION
    }

    /** The reasons offered as one tap. */
    public static final List<String> REASONS = List.of(
            "Damaged pail",
            "Damaged in transit",
            "Wrong product delivered",
            "Quality complaint",
            "Ordered too much",
            "Expired on arrival");

    private Reference reference;
    private PartnerCode customer;
    private ReturnAuthorisation rma;
    private String deviation;
    private ItemRow item;
    private LotCode lot;
    private Quantity quantity;
    private String quantityShown;
    private String reason;

    public ReturnWorkflow(WorkflowContext ctx) {
        super(ctx, Step.RMA);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.RETURN;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(
                UiAction.SCAN, UiAction.CANCEL, UiAction.NO_REFERENCE, UiAction.KEY_QUANTITY, UiAction.CHOOSE);
    }

    /** A return without an RMA: the customer and the customer's delivery note or reference. */
    @Override
    protected void onNoReference(String customerText, String customerReference) {
        PartnerCode customerCode = Resolve.partnerCode(customerText, "customer");
        PartnerRow partner = masterData
                .partner(customerCode)
                .orElseThrow(() -> Refusal.missingOnDevice("Customer " + customerCode
                        + " is not known on this device — choose another, or sync the device."));
        if (partner.kind() != PartnerKind.CUSTOMER) {
            throw refuse(partner.name() + " is not a customer — choose the customer.");
        }
        Reference ref = Reference.of(customerReference == null ? "" : customerReference.strip());
        reference = ref;
        customer = customerCode;
        step = Step.LOT;
        good("Return from " + partner.name() + " (" + ref + "). " + prompt());
    }

    /** Keys the returned quantity. */
    @Override
    protected void onKeyQuantity(String text) {
        if (item == null) {
            throw refuse("Scan the lot label first.");
        }
        Quantities.Keyed keyed = Quantities.parse(text, item, false);
        quantity = keyed.base();
        quantityShown = keyed.shown();
        if (step == Step.QUANTITY || step == Step.DEVIATION || step == Step.LOCATION) {
            checkAgainstRma("Quantity " + keyed.shown() + ".");
            return;
        }
        good("Quantity " + keyed.shown() + ". " + prompt());
    }

    /** The reason: one of {@link #REASONS} (one tap) or keyed text. */
    @Override
    protected void onChoose(String text, String note) {
        if (step != Step.REASON && step != Step.LOCATION && step != Step.DEVIATION) {
            throw refuse(prompt());
        }
        String r;
        try {
            r = Texts.requireFreeText("reason", text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw refuse("Choose or key why the goods came back.");
        }
        reason = deviation == null ? r : deviation + ": " + r;
        step = Step.LOCATION;
        good("Reason: " + reason + ". " + prompt());
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case RMA -> {
                Reference ref = Resolve.reference(scan, "the return authorisation");
                ReturnAuthorisation rma = tasks.returnAuthorisation(ref)
                        .orElseThrow(
                                () -> Refusal.missingOnDevice(
                                        "Return " + ref
                                                + " is not known on this device — sync the device, or tap No RMA and name the customer."));
                this.rma = rma;
                reference = rma.reference();
                customer = rma.customer();
                step = Step.LOT;
                good("Return " + ref + " from " + customerName() + ". " + prompt());
            }
            case LOT -> {
                if (!(scan instanceof Scan.Product)
                        && !(scan instanceof Scan.Container)
                        && !(scan instanceof Scan.Code)) {
                    throw refuse("This is " + Resolve.describe(scan)
                            + ", not a lot label — scan the lot label on the returned goods.");
                }
                Resolve.LotScan scanned = resolve.lot(scan);
                Quantity q = scanned.label() == null
                        ? scanned.containerQuantity()
                        : Resolve.labelQuantity(scanned.label(), scanned.item());
                item = scanned.item();
                lot = scanned.lot();
                quantity = q;
                quantityShown = q == null ? null : q.toString();
                reason = null;
                deviation = null;
                String said = "Lot " + lot + " of " + item.code() + "." + Resolve.warnings(scanned.label());
                if (q == null) {
                    step = Step.QUANTITY;
                    Optional<Blocked> unusable = unusableLot();
                    answer(heard(said, unusable) + " " + prompt(), unusable);
                } else {
                    checkAgainstRma(said);
                }
            }
            case QUANTITY -> throw refuse("Key the quantity that came back.");
            case DEVIATION -> throw refuse(deviation + " — choose why you take it back anyway (one tap), or cancel.");
            case REASON -> throw refuse("Choose why the goods came back (one tap).");
            case LOCATION -> {
                LocationRow to = resolve.location(
                        scan, List.of(LocationType.RETURNS), "returned goods are kept apart in a returns location");
                CapturedEvent captured = ctx.capture()
                        .capture(new Return(customer, reference, item.code(), lot, quantity, to.code(), reason));
                String done = "Returned " + quantity + " of lot " + lot + " into " + to.code()
                        + ": it waits in quarantine for QA.";
                Reference keep = reference;
                PartnerCode keepCustomer = customer;
                ReturnAuthorisation keepRma = rma;
                reset();
                reference = keep;
                customer = keepCustomer;
                // what is still open on the RMA now counts the return just stored
                rma = keepRma == null ? null : tasks.returnAuthorisation(keep).orElse(keepRma);
                step = Step.LOT;
                good(done + " Scan the next returned lot of " + keep + ", or cancel.", List.of(captured));
            }
        }
    }

    /**
     * Against the RMA's lines: a lot it names within what is still open takes the RMA's reason and
     * goes to the location; a lot it does not name, or more than is open, asks for one tap on a
     * reason to take it back as a deviation. Without an RMA (or one naming no lots) a reason is asked.
     */
    private void checkAgainstRma(String said) {
        deviation = null;
        Optional<Blocked> unusable = unusableLot();
        String heard = heard(said, unusable);
        if (rma == null || rma.lines().isEmpty()) {
            step = reason == null ? Step.REASON : Step.LOCATION;
            answer(heard + " " + prompt(), unusable);
            return;
        }
        Optional<ReturnAuthorisation.Line> line = rma.line(item.code(), lot);
        if (line.isEmpty()) {
            deviation = "Lot " + lot + " is not on " + reference;
        } else if (quantity.compareTo(line.get().open()) > 0) {
            deviation = "Only " + line.get().open() + " of lot " + lot + " may come back on " + reference + ", not "
                    + quantity;
        }
        if (deviation != null) {
            reason = null;
            step = Step.DEVIATION;
            // an error tone on purpose: the receiver must look and decide
            String message = heard + " " + deviation + " — choose why you take it back anyway (one tap), or cancel.";
            throw refuse(message, unusable);
        }
        reason = line.get().reason() == null ? null : line.get().reason();
        step = reason == null ? Step.REASON : Step.LOCATION;
        answer(
                heard + (reason == null ? "" : " On " + reference + " because: " + reason + ".") + " " + prompt(),
                unusable);
    }

    /**
     * The returned lot, when it may not be used for more than waiting on QA (recalled, rejected, on
     * hold, expired): it is taken back all the same. Quarantine is where every return goes.
     */
    private Optional<Blocked> unusableLot() {
        return blockedBeyondQa(new LotRef(item.code(), lot));
    }

    /** What was scanned, led by why the lot may not be used when it may not. */
    private String heard(String said, Optional<Blocked> unusable) {
        return unusable.map(b ->
                        "Lot " + lot + " " + why(b) + " — take it back into a returns location and tell QA. " + said)
                .orElse(said);
    }

    /** Green, or red with the banner when the returned lot may not be used (it is taken back all the same). */
    private void answer(String message, Optional<Blocked> unusable) {
        if (unusable.isPresent()) {
            attention(message, List.of(), unusable.get());
        } else {
            good(message);
        }
    }

    private String customerName() {
        return masterData.partner(customer).map(PartnerRow::name).orElse(customer.value());
    }

    @Override
    protected void reset() {
        reference = null;
        customer = null;
        rma = null;
        deviation = null;
        item = null;
        lot = null;
        quantity = null;
        quantityShown = null;
        reason = null;
        step = Step.RMA;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case RMA -> "Scan the return authorisation (RMA).";
            case LOT -> "Scan the lot label on the returned goods.";
            case QUANTITY -> "Key the quantity that came back.";
            case DEVIATION -> "Choose why you take it back anyway, or cancel.";
            case REASON -> "Choose why it came back.";
            case LOCATION -> "Scan the returns location where you put it.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (reference != null) {
            f.add(new Field("RMA", reference.value()));
            f.add(new Field("Customer", customerName()));
            if (rma != null && item == null) {
                for (ReturnAuthorisation.Line l : rma.lines()) {
                    f.add(new Field(
                            "Lot " + l.lot(),
                            l.item() + ": " + l.returned() + " of " + l.quantity() + " back"
                                    + (l.reason() == null ? "" : " (" + l.reason() + ")")));
                }
            }
        }
        if (item != null) {
            f.add(new Field("Item", item.code() + " " + item.name()));
            f.add(new Field("Lot", lot.value()));
        }
        if (quantityShown != null) {
            f.add(new Field("Quantity", quantityShown));
        }
        if (reason != null) {
            f.add(new Field("Reason", reason));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step == Step.RMA) {
            a.add(UiAction.NO_REFERENCE);
        }
        if (item != null) {
            a.add(UiAction.KEY_QUANTITY);
        }
        if (step == Step.REASON || step == Step.LOCATION || step == Step.DEVIATION) {
            a.add(UiAction.CHOOSE);
        }
        return a;
    }

    @Override
    protected List<Choice> choices() {
        return step == Step.REASON || step == Step.DEVIATION
                ? REASONS.stream().map(r -> new Choice(r, r)).toList()
                : List.of();
    }
}
