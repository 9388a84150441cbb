package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.LocationRow;

/**
 * Receiving a transfer from a sister site at the dock: <b>one TRANSFER_IN per lot (and pallet)
 * scanned</b>, nothing re-keyed — the lot keeps its code, expiry, status and history.
 *
 * <ol>
 *   <li>TRANSFER: scan the transfer order ({@code S:TR-1}, or its number keyed); it must be one a
 *       sister site sent here, with something still on its way.</li>
 *   <li>LOTS: scan the pallet label (everything on the pallet) or the lot label (all of that lot on
 *       the transfer). What is not on the transfer is refused with what is.</li>
 *   <li>TO: scan where it goes (a receiving, quarantine or storage location): the TRANSFER_IN
 *       events are stored at once, and the next label is asked for.</li>
 * </ol>
 */
public final class TransferInWorkflow extends AbstractWorkflow<TransferInWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        TRANSFER,
        LOTS,
        TO
    }

    /** Where goods from a sister site may be put down. */
    private static final List<LocationType> DESTINATIONS =
            List.of(LocationType.RECEIVING, LocationType.QUARANTINE, LocationType.STORAGE);

    private InboundTransfer transfer;
    private final List<InboundTransfer.Line> scanned = new ArrayList<>();
    private String what;

    public TransferInWorkflow(WorkflowContext ctx) {
        super(ctx, Step.TRANSFER);
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.TRANSFER_IN;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL);
    }

    @Override
    protected void onScan(Scan scan) {
        switch (step) {
            case TRANSFER -> {
                Reference ref = Resolve.reference(scan, "the transfer order");
                InboundTransfer found = tasks.inboundTransfer(ref)
                        .orElseThrow(() -> Refusal.missingOnDevice("Transfer " + ref
                                + " is not on its way to this site on this device — sync the device, or check the"
                                + " number on the papers."));
                if (found.lines().isEmpty()) {
                    throw refuse("Everything sent on transfer " + ref + " is received — scan the next transfer order.");
                }
                transfer = found;
                step = Step.LOTS;
                good("Transfer " + ref + " from " + found.fromSite() + ": "
                        + found.lines().size() + (found.lines().size() == 1 ? " lot" : " lots") + " on the way. "
                        + prompt());
            }
            case LOTS -> onLabel(scan);
            case TO -> {
                LocationRow to = resolve.location(
                        scan, DESTINATIONS, "goods from a sister site go to receiving, quarantine or storage");
                List<EventPayload> arrivals = new ArrayList<>();
                for (InboundTransfer.Line l : scanned) {
                    arrivals.add(new TransferIn(
                            transfer.transfer(),
                            transfer.fromSite(),
                            l.item(),
                            l.lot(),
                            l.quantity(),
                            to.code(),
                            l.sscc()));
                }
                List<CapturedEvent> captured = ctx.capture().captureAll(arrivals);
                Reference ref = transfer.transfer();
                String done = what + " received at " + to.code() + ".";
                scanned.clear();
                what = null;
                transfer = tasks.inboundTransfer(ref).orElse(null);
                if (transfer == null || transfer.lines().isEmpty()) {
                    reset();
                    good(done + " Transfer " + ref + " is received complete. " + prompt(), captured);
                } else {
                    step = Step.LOTS;
                    good(done + " " + prompt(), captured);
                }
            }
        }
    }

    private void onLabel(Scan scan) {
        List<InboundTransfer.Line> matched;
        if (scan instanceof Scan.Container c && c.data().lot().isEmpty()) {
            matched = transfer.lines().stream()
                    .filter(l -> c.sscc().equals(l.sscc()))
                    .toList();
            if (matched.isEmpty()) {
                throw refuse("Pallet " + c.sscc() + " is not on transfer " + transfer.transfer() + " — set it aside; "
                        + onTheWay());
            }
            what = "Pallet " + c.sscc() + " (" + matched.size() + (matched.size() == 1 ? " lot)" : " lots)");
        } else {
            Resolve.LotScan lot = resolve.lot(scan);
            matched = transfer.lines().stream()
                    .filter(l -> l.item().equals(lot.item().code()) && l.lot().equals(lot.lot()))
                    .toList();
            if (matched.isEmpty()) {
                throw refuse("Lot " + lot.lot() + " of " + lot.item().code() + " is not on transfer "
                        + transfer.transfer() + " — set it aside; " + onTheWay());
            }
            String status = stock.lot(lot.ref())
                    .map(r -> ", " + Words.inSentence(r.status()))
                    .orElse("");
            what = "Lot " + lot.lot() + " ("
                    + matched.stream()
                            .map(InboundTransfer.Line::quantity)
                            .reduce((a, b) -> a.plus(b))
                            .orElseThrow() + status + ")";
        }
        scanned.addAll(matched);
        step = Step.TO;
        good(what + ". " + prompt());
    }

    /** "on its way: lot P-9 (400 pc), pallet 0061…". */
    private String onTheWay() {
        List<String> out = new ArrayList<>();
        for (InboundTransfer.Line l : transfer.lines()) {
            out.add(l.sscc() == null ? "lot " + l.lot() + " (" + l.quantity() + ")" : "pallet " + l.sscc());
        }
        return "on its way: " + String.join(", ", out.stream().distinct().toList()) + ".";
    }

    @Override
    protected void reset() {
        transfer = null;
        scanned.clear();
        what = null;
        step = Step.TRANSFER;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case TRANSFER -> "Scan the transfer order.";
            case LOTS -> "Scan a pallet label or lot label of the transfer.";
            case TO -> "Scan where you put it down.";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (transfer != null) {
            f.add(new Field("Transfer", transfer.transfer().value()));
            f.add(new Field("From site", transfer.fromSite().value()));
            for (InboundTransfer.Line l : transfer.lines()) {
                f.add(new Field(
                        "Lot " + l.lot(), l.item() + " " + l.quantity() + (l.sscc() == null ? "" : " on " + l.sscc())));
            }
        }
        if (what != null) {
            f.add(new Field("Scanned", what));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        return EnumSet.of(UiAction.CANCEL);
    }
}
