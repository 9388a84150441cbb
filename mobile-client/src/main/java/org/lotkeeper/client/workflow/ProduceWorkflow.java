package org.lotkeeper.client.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.lotkeeper.model.event.EventBounds;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbers;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;

/**
 * A production batch or other transformation: one TRANSFORM with all its inputs and outputs.
 *
 * <ol>
 *   <li>BATCH: scan the batch ticket ({@code O:B-1001}). The kind is PRODUCTION unless
 *       {@link Command.Choose} says BLEND, SPLIT, MERGE, REWORK or REPACK.</li>
 *   <li>INPUT: scan each input lot. It must be available for consumption (released, not expired,
 *       not in a quarantine or returns location; the minimum remaining shelf life of orders does
 *       not apply). Its location is its only stock location, else INPUT_FROM asks; its quantity
 *       is the label's, else INPUT_QUANTITY asks ({@link Command.KeyQuantity}). For a lot with a
 *       potency (its latest conforming assay) INPUT_DOSING first asks how it is dosed — by weight
 *       ({@value #DOSE_BY_WEIGHT}) or by active quantity ({@value #DOSE_BY_ACTIVE}), one tap or its
 *       number: then the quantity keyed is the active quantity wanted, and INPUT_WEIGH says how much
 *       to weigh ("take 51.3 kg of R-2402 (assay 97.5 %) for 50 kg active") — confirm it, or key
 *       the weight actually taken. The input keeps the gross quantity and the potency used.</li>
 *   <li>Scan the batch ticket again to go to the outputs.</li>
 *   <li>OUTPUT: scan each output's GS1 lot label (GTIN + lot, as printed from the batch ticket) or
 *       key it ({@link Command.KeyOutputLot}); its quantity (label or OUTPUT_QUANTITY), then
 *       OUTPUT_LOCATION. The expiry is the label's, else today plus the item's shelf life.</li>
 *   <li>Scan the batch ticket again (or tap {@link Command.Confirm}): the TRANSFORM is stored.</li>
 * </ol>
 * Kind rules checked on the device: SPLIT has one input lot, MERGE one output lot, and SPLIT,
 * MERGE and REPACK keep the item (their outputs are of the inputs' item).
 */
public final class ProduceWorkflow extends AbstractWorkflow<ProduceWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        BATCH,
        INPUT,
        INPUT_FROM,
        INPUT_DOSING,
        INPUT_QUANTITY,
        INPUT_WEIGH,
        OUTPUT,
        OUTPUT_QUANTITY,
        OUTPUT_LOCATION
    }

    /** The choice at INPUT_DOSING that makes the keyed quantity the active quantity wanted. */
    public static final String DOSE_BY_ACTIVE = "ACTIVE";
    /** The choice at INPUT_DOSING that makes the keyed quantity the weight taken. */
    public static final String DOSE_BY_WEIGHT = "WEIGHT";

    /** Decimals of the weight the device proposes (rounded up, so the batch gets its active quantity). */
    private static final int WEIGH_DECIMALS = 1;

    private static final List<LocationType> OUTPUT_TYPES =
            List.of(LocationType.PRODUCTION, LocationType.STORAGE, LocationType.STAGING, LocationType.QUARANTINE);

    private TransformKind transformKind = TransformKind.PRODUCTION;
    private Reference batch;
    private final List<Transform.Input> inputs = new ArrayList<>();
    private final List<Transform.Output> outputs = new ArrayList<>();

    private Resolve.LotScan input;
    private LocationRow inputFrom;
    /** The input lot's potency, when it has one. */
    private Potency inputPotency;

    private boolean dosingByActive;
    /** The active quantity wanted and the gross quantity proposed, at INPUT_WEIGH. */
    private Quantity activeWanted;

    private Quantity grossProposed;

    private ItemRow outputItem;
    private LotCode outputLot;
    private LocalDate outputExpiry;
    private Quantity outputQuantity;

    public ProduceWorkflow(WorkflowContext ctx) {
        super(ctx, Step.BATCH);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.PRODUCE;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(
                UiAction.SCAN,
                UiAction.CANCEL,
                UiAction.CHOOSE,
                UiAction.KEY_QUANTITY,
                UiAction.KEY_LOT,
                UiAction.CONFIRM);
    }

    // ------------------------------------------------------------------ actions

    /** The kind of transformation (one tap), before the batch is finished. */
    @Override
    protected void onChoose(String choice, String note) {
        if (step == Step.INPUT_DOSING) {
            if (!DOSE_BY_ACTIVE.equals(choice) && !DOSE_BY_WEIGHT.equals(choice)) {
                throw refuse(prompt());
            }
            dosingByActive = DOSE_BY_ACTIVE.equals(choice);
            step = Step.INPUT_QUANTITY;
            good((dosingByActive ? "Dosing lot " + input.lot() + " by its assay of " + inputPotency + " %. " : "")
                    + prompt());
            return;
        }
        if (DOSE_BY_ACTIVE.equals(choice) || DOSE_BY_WEIGHT.equals(choice)) {
            throw refuse(
                    step == Step.INPUT_QUANTITY
                            ? "Lot " + input.lot() + " has no potency on this device: key the quantity used."
                            : "Nothing is dosed now. " + prompt());
        }
        TransformKind chosen = Resolve.choice(TransformKind.class, choice, "Choose the kind of batch.");
        transformKind = chosen;
        good("Kind: " + Words.of(chosen) + ". " + prompt());
    }

    /** Keys the quantity of the input or output being scanned. */
    @Override
    protected void onKeyQuantity(String text) {
        if (step == Step.INPUT_DOSING) {
            throw refuse("Choose first how to dose it. " + prompt());
        }
        if (step == Step.INPUT_QUANTITY && dosingByActive) {
            activeWanted = Quantities.parse(text, input.item(), false).base();
            grossProposed = inputPotency.grossFor(activeWanted, WEIGH_DECIMALS);
            step = Step.INPUT_WEIGH;
            good(weighing() + " Weigh it and confirm, or key the weight taken.");
        } else if (step == Step.INPUT_QUANTITY || step == Step.INPUT_WEIGH) {
            Quantities.Keyed keyed = Quantities.parse(text, input.item(), false);
            addInput(keyed.base(), keyed.shown());
        } else if (step == Step.OUTPUT_QUANTITY) {
            Quantities.Keyed keyed = Quantities.parse(text, outputItem, false);
            outputQuantity = keyed.base();
            step = Step.OUTPUT_LOCATION;
            good("Quantity " + keyed.shown() + ". " + prompt());
        } else {
            throw refuse("No quantity is asked for now. " + prompt());
        }
    }

    /** Keys an output lot that has no label yet: its item and the lot code from the batch ticket. */
    @Override
    protected void onKeyOutputLot(String itemText, String lotText) {
        if (step != Step.OUTPUT) {
            throw refuse(
                    step == Step.BATCH || step == Step.INPUT || step == Step.INPUT_FROM || step == Step.INPUT_QUANTITY
                            ? "Scan the inputs first, then scan the batch ticket again to start the outputs."
                            : prompt());
        }
        ItemRow item = Resolve.itemCode(itemText).flatMap(masterData::item).orElse(null);
        if (item == null) {
            throw refuse("Choose the item produced.");
        }
        LotCode code;
        try {
            code = LotNumbers.fromLabel(lotText == null ? "" : lotText.strip());
        } catch (IllegalArgumentException e) {
            throw refuse("This is not a lot code (" + Resolve.printable(e.getMessage()) + ") — key it again.");
        }
        startOutput(item, code, null, null);
    }

    /**
     * At INPUT_WEIGH: the proposed weight was taken. Otherwise stores the TRANSFORM (the same as
     * scanning the batch ticket again at the outputs).
     */
    @Override
    protected void onConfirm() {
        if (step == Step.INPUT_WEIGH) {
            addInput(grossProposed, grossProposed.toString());
            return;
        }
        store();
    }

    /** "Take 51.3 kg of R-2402 (assay 97.5 %) for 50 kg active." */
    private String weighing() {
        return "Take " + grossProposed + " of " + input.lot() + " (assay " + inputPotency + " %) for " + activeWanted
                + " active.";
    }

    // ------------------------------------------------------------------ scans

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case BATCH -> {
                batch = Resolve.reference(scan, "the batch ticket");
                step = Step.INPUT;
                good("Batch " + batch + " (" + Words.of(transformKind).toLowerCase(java.util.Locale.ROOT) + "). "
                        + prompt());
            }
            case INPUT -> {
                if (isBatchTicket(scan)) {
                    if (inputs.isEmpty()) {
                        throw refuse("Scan at least one input lot first.");
                    }
                    step = Step.OUTPUT;
                    good("Inputs done (" + inputs.size() + "). " + prompt());
                    return;
                }
                onInput(scan);
            }
            case INPUT_FROM -> chooseInputFrom(resolve.location(scan));
            case INPUT_DOSING, INPUT_QUANTITY, INPUT_WEIGH -> throw refuse(prompt());
            case OUTPUT -> {
                if (isBatchTicket(scan)) {
                    store();
                    return;
                }
                onOutput(scan);
            }
            case OUTPUT_QUANTITY -> throw refuse("Key the quantity of lot " + outputLot + " produced.");
            case OUTPUT_LOCATION -> {
                LocationRow to = resolve.location(
                        scan, OUTPUT_TYPES, "produced goods go to production, storage, staging or quarantine");
                if (outputs.size() >= EventBounds.MAX_LINES) {
                    throw refuse("This batch has as many outputs as an event can hold — finish it.");
                }
                outputs.add(
                        new Transform.Output(outputItem.code(), outputLot, outputQuantity, to.code(), outputExpiry));
                String said = "Output " + outputLot + ": " + outputQuantity + " to " + to.code() + ".";
                clearOutput();
                step = Step.OUTPUT;
                good(said + " " + prompt());
            }
        }
    }

    private boolean isBatchTicket(Scan scan) {
        if (scan instanceof Scan.Order || scan instanceof Scan.Code) {
            return Resolve.reference(scan, "the batch ticket").equals(batch);
        }
        return false;
    }

    private void onInput(Scan scan) {
        Resolve.LotScan scanned = resolve.lot(scan);
        refuseIfBlocked(scanned.ref(), "use");
        List<StockCandidate> rows = resolve.stockOf(scanned.ref());
        input = scanned;
        inputFrom = null;
        if (rows.size() == 1) {
            chooseInputFrom(masterData.location(rows.get(0).location()).orElseThrow());
            return;
        }
        step = Step.INPUT_FROM;
        good("Lot " + scanned.lot() + ". " + prompt());
    }

    private void chooseInputFrom(LocationRow from) {
        AvailabilityResult result =
                Availability.check(resolve.facts(input.ref(), from), StockUse.CONSUME, 0, ctx.today());
        if (!result.isAvailable()) {
            Blocked blocked = Blocked.of(input.ref(), result).orElseThrow();
            input = null;
            step = Step.INPUT;
            throw refuse(result.message(), blocked);
        }
        inputFrom = from;
        inputPotency = stock.lot(input.ref()).map(LotRow::potency).orElse(null);
        Quantity labelled =
                input.label() == null ? input.containerQuantity() : Resolve.labelQuantity(input.label(), input.item());
        if (labelled != null) {
            addInput(labelled, labelled.toString());
            return;
        }
        step = inputPotency == null ? Step.INPUT_QUANTITY : Step.INPUT_DOSING;
        good("Lot " + input.lot() + " from " + from.code() + "." + Resolve.warnings(input.label()) + " " + prompt());
    }

    private void addInput(Quantity quantity, String shown) {
        if (inputs.size() >= EventBounds.MAX_LINES) {
            throw refuse("This batch has as many inputs as an event can hold — scan the batch ticket to go on.");
        }
        inputs.add(new Transform.Input(input.item().code(), input.lot(), quantity, inputFrom.code(), inputPotency));
        String said = "Input " + input.lot() + ": " + shown + " from " + inputFrom.code()
                + (inputPotency == null
                        ? ""
                        : " (assay " + inputPotency + " %: " + inputPotency.activeIn(quantity) + " active)")
                + ".";
        clearInput();
        step = Step.INPUT;
        good(said + " " + prompt());
    }

    private void onOutput(Scan scan) {
        Gs1Data data;
        if (scan instanceof Scan.Product p) {
            data = p.data();
        } else if (scan instanceof Scan.Container c && c.data().lot().isPresent()) {
            data = c.data();
        } else {
            throw refuse("This is " + Resolve.describe(scan) + ", not an output lot label — scan the label of the lot "
                    + "produced, or key it.");
        }
        ItemRow item = resolve.itemOf(data);
        LotCode code = data.lot()
                .orElseThrow(() -> refuse("This label of " + item.code()
                        + " has no lot number — scan the lot label, or key the lot from the batch ticket."));
        startOutput(
                item,
                LotNumbers.fromLabel(code.value()),
                data.expiry().orElse(null),
                Resolve.labelQuantity(data, item));
    }

    private void startOutput(ItemRow item, LotCode code, LocalDate labelExpiry, Quantity labelled) {
        if (outputs.stream()
                .anyMatch(o -> o.item().equals(item.code()) && o.lot().equals(code))) {
            throw refuse("Lot " + code
                    + " is already an output of this batch — scan the next output, or the batch ticket to finish.");
        }
        outputItem = item;
        outputLot = code;
        outputExpiry = labelExpiry != null
                ? labelExpiry
                : item.shelfLifeDays() == null ? null : ShelfLife.expiryOf(ctx.today(), item.shelfLifeDays());
        outputQuantity = labelled;
        step = labelled == null ? Step.OUTPUT_QUANTITY : Step.OUTPUT_LOCATION;
        good("Output " + item.code() + " lot " + code + (outputExpiry == null ? "" : ", expires " + outputExpiry) + ". "
                + prompt());
    }

    private void store() {
        if (step != Step.OUTPUT) {
            throw refuse(prompt());
        }
        if (outputs.isEmpty()) {
            throw refuse("Scan at least one output lot first.");
        }
        checkKindRules();
        Transform transform = new Transform(transformKind, batch, inputs, outputs);
        CapturedEvent captured = ctx.capture().capture(transform);
        String outs = outputs.stream()
                .map(o -> o.lot() + " " + o.quantity() + " ("
                        + masterData
                                .item(o.item())
                                .map(i -> Words.inSentence(LotStatusRules.initialStatus(i.qcRequired())))
                                .orElse("status not known on this device")
                        + ")")
                .collect(Collectors.joining(", "));
        String done = "Batch " + batch + " stored: " + inputs.size() + (inputs.size() == 1 ? " input, " : " inputs, ")
                + "output " + outs + ".";
        reset();
        good(done + " " + prompt(), List.of(captured));
    }

    private void checkKindRules() {
        long inputLots = inputs.stream().map(Transform.Input::lotRef).distinct().count();
        long outputLots =
                outputs.stream().map(Transform.Output::lotRef).distinct().count();
        if (transformKind == TransformKind.SPLIT && inputLots != 1) {
            throw refuse("A split divides one lot; this batch has " + inputLots
                    + " input lots — cancel, or choose another kind.");
        }
        if (transformKind == TransformKind.MERGE && outputLots != 1) {
            throw refuse("A merge makes one lot; this batch has " + outputLots
                    + " output lots — cancel, or choose another kind.");
        }
        if (transformKind == TransformKind.SPLIT
                || transformKind == TransformKind.MERGE
                || transformKind == TransformKind.REPACK) {
            Set<ItemCode> in = inputs.stream().map(Transform.Input::item).collect(Collectors.toSet());
            Set<ItemCode> out = outputs.stream().map(Transform.Output::item).collect(Collectors.toSet());
            if (!in.equals(out)) {
                throw refuse("A " + Words.of(transformKind).toLowerCase(java.util.Locale.ROOT)
                        + " keeps the item, but the inputs are " + in + " and the outputs " + out
                        + " — choose Production or Rework, or fix the outputs.");
            }
        }
    }

    // ------------------------------------------------------------------ state

    private void clearInput() {
        input = null;
        inputFrom = null;
        inputPotency = null;
        dosingByActive = false;
        activeWanted = null;
        grossProposed = null;
    }

    private void clearOutput() {
        outputItem = null;
        outputLot = null;
        outputExpiry = null;
        outputQuantity = null;
    }

    @Override
    protected void reset() {
        transformKind = TransformKind.PRODUCTION;
        batch = null;
        inputs.clear();
        outputs.clear();
        clearInput();
        clearOutput();
        step = Step.BATCH;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case BATCH -> "Scan the batch ticket.";
            case INPUT ->
                inputs.isEmpty()
                        ? "Scan an input lot."
                        : "Scan the next input lot, or the batch ticket to start the outputs.";
            case INPUT_FROM -> "Lot " + input.lot() + " is in several places: scan the location you take it from.";
            case INPUT_DOSING ->
                "Lot " + input.lot() + " has an assay of " + inputPotency
                        + " %: dose it by weight or by active quantity?";
            case INPUT_QUANTITY ->
                dosingByActive
                        ? "Key the active quantity of lot " + input.lot() + " wanted (assay " + inputPotency + " %)."
                        : "Key the quantity of lot " + input.lot() + " used.";
            case INPUT_WEIGH -> weighing() + " Weigh it and confirm, or key the weight taken.";
            case OUTPUT ->
                outputs.isEmpty()
                        ? "Scan the lot label of the output."
                        : "Scan the next output, or the batch ticket to finish.";
            case OUTPUT_QUANTITY -> "Key the quantity of lot " + outputLot + " produced.";
            case OUTPUT_LOCATION -> "Scan the location where lot " + outputLot + " goes.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (batch != null) {
            f.add(new Field("Batch", batch.value()));
        }
        f.add(new Field("Kind", Words.of(transformKind)));
        for (Transform.Input in : inputs) {
            f.add(new Field(
                    "In " + in.lot(),
                    in.item() + " " + in.quantity() + " from " + in.from()
                            + (in.potency() == null ? "" : " (" + in.active() + " active)")));
        }
        if (input != null) {
            f.add(new Field(
                    "Input",
                    input.item().code() + " lot " + input.lot()
                            + (inputPotency == null ? "" : ", assay " + inputPotency + " %")));
        }
        for (Transform.Output out : outputs) {
            f.add(new Field(
                    "Out " + out.lot(),
                    out.item() + " " + out.quantity() + " to " + out.to()
                            + (out.expiry() == null ? "" : ", expires " + out.expiry())));
        }
        if (outputLot != null) {
            f.add(new Field(
                    "Output",
                    outputItem.code() + " lot " + outputLot
                            + (outputQuantity == null ? "" : ", " + outputQuantity)
                            + (outputExpiry == null ? "" : ", expires " + outputExpiry)));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step == Step.BATCH) {
            a.add(UiAction.CHOOSE);
        }
        if (step == Step.INPUT_QUANTITY || step == Step.INPUT_WEIGH || step == Step.OUTPUT_QUANTITY) {
            a.add(UiAction.KEY_QUANTITY);
        }
        if (step == Step.INPUT_DOSING) {
            a.add(UiAction.CHOOSE);
        }
        if (step == Step.INPUT_WEIGH) {
            a.add(UiAction.CONFIRM);
        }
        if (step == Step.OUTPUT) {
            a.add(UiAction.KEY_LOT);
            if (!outputs.isEmpty()) {
                a.add(UiAction.CONFIRM);
            }
        }
        return a;
    }

    @Override
    protected List<Choice> choices() {
        if (step == Step.INPUT_DOSING) {
            return List.of(
                    new Choice(DOSE_BY_WEIGHT, "By weight"),
                    new Choice(DOSE_BY_ACTIVE, "By active quantity (assay " + inputPotency + " %)"));
        }
        return step == Step.BATCH
                ? Arrays.stream(TransformKind.values())
                        .map(k -> new Choice(k.name(), Words.of(k)))
                        .toList()
                : List.of();
    }
}
