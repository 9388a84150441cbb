package org.lotkeeper.client.workflow;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever is scanned or keyed, in whatever state, a workflow answers with a screen — never an
 * exception — and an ERROR always carries a sentence.
 */
class WorkflowsNeverThrowProperties {

    private static final List<String> KNOWN = List.of(
            "O:SO-1",
            "O:SO-3",
            "O:PO-7780",
            "O:B-1001",
            "S:SHP-3",
            "RMA-1",
            "B:ana",
            "B:ben",
            "STAGE-OUT-1",
            "WH-A-01",
            "RCV-DOCK-1",
            "RETURNS-1",
            "PROD-LINE-1",
            "TC-1002",
            Riverside.labelScan("R-2401"),
            Riverside.labelScan("P-5001"),
            Riverside.labelScan("S-9001"),
            Riverside.internalLabelScan("R-2401"),
            Riverside.lotLabel(Riverside.PRIMER_GTIN, "PR-1001"),
            Riverside.lotLabel(Riverside.PRIMER_GTIN, "PR-1003"),
            Riverside.locationScan("WH-A-01"),
            "]C100006141411234567890",
            "#q 3",
            "#q 0",
            "#q -1",
            "#q 2 PAIL",
            "#r Damaged pail",
            "#r BLEND",
            "#c",
            "#k",
            "#d",
            "#p 471147",
            "#l X-1",
            "#o PR-3000",
            "#n SOLVCO",
            "#n CITY-MAINT",
            "#m COA-1",
            "#s",
            "#t 95.5",
            "#t 0.9",
            "#t PASS",
            "#t 1e3",
            "#r ACTIVE",
            "#x");

    @Provide
    Arbitrary<List<String>> inputs() {
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> gs1ish = Arbitraries.strings()
                .withChars("0123456789]Cd12QeE~\u001d()ABCR-/:.%?=#")
                .ofMaxLength(60);
        Arbitrary<String> mutated = Arbitraries.of(KNOWN)
                .flatMap(k -> Arbitraries.integers()
                        .between(0, Math.max(0, k.length() - 1))
                        .map(cut -> k.substring(0, cut)));
        Arbitrary<String> keyed = Arbitraries.strings().ofMaxLength(30).map(s -> "#q" + s);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.of(KNOWN)),
                        net.jqwik.api.Tuple.of(2, junk),
                        net.jqwik.api.Tuple.of(2, gs1ish),
                        net.jqwik.api.Tuple.of(2, mutated),
                        net.jqwik.api.Tuple.of(1, keyed))
                .list()
                .ofMaxSize(14);
    }

    @Provide
    Arbitrary<WorkflowKind> kinds() {
        return Arbitraries.of(WorkflowKind.values());
    }

    @Property(tries = 300)
    void randomScansAndActionsInAnyWorkflowStateNeverThrow(
            @ForAll("kinds") WorkflowKind kind, @ForAll("inputs") List<String> inputs) {
        InMemoryDeviceData view = Riverside.pickingDay();
        // the pigment has a specification (the dock asks for its COA), the resin a potency (dosing by active)
        view.item(QualityFixtures.withSpecification(
                view.item(QualityFixtures.PIGMENT).orElseThrow()));
        view.lot(view.lot(new org.lotkeeper.model.lot.LotRef(
                        org.lotkeeper.model.id.ItemCode.of("RM-RESIN"), org.lotkeeper.model.id.LotCode.of("R-2401")))
                .map(l -> new org.lotkeeper.model.wire.LotRow(
                        l.item(),
                        l.lot(),
                        l.status(),
                        l.expiry(),
                        l.retestDate(),
                        l.receivedAt(),
                        org.lotkeeper.model.quality.Potency.parse("98.9")))
                .orElseThrow());
        WorkflowContext ctx = Riverside.context(view, new InMemoryCapture(), Riverside.PICKING_DAY);
        Workflow workflow = create(kind, ctx);
        for (String input : inputs) {
            Screen screen = apply(workflow, input);
            assertThat(screen).isNotNull();
            assertThat(screen.workflow()).isEqualTo(kind);
            screen.feedback()
                    .filter(Feedback::isError)
                    .ifPresent(f -> assertThat(f.message()).isNotBlank());
        }
    }

    private static Workflow create(WorkflowKind kind, WorkflowContext ctx) {
        return switch (kind) {
            case LOGIN -> new LoginWorkflow(ctx);
            case RECEIVE -> new ReceiveWorkflow(ctx);
            case MOVE -> new MoveWorkflow(ctx);
            case PICK -> new PickWorkflow(ctx);
            case COUNT -> new CountWorkflow(ctx);
            case SHIP -> new ShipWorkflow(ctx);
            case PRODUCE -> new ProduceWorkflow(ctx);
            case RETURN -> new ReturnWorkflow(ctx);
            case LOOKUP -> new LookupWorkflow(ctx);
            case HOLD -> new HoldWorkflow(ctx, Riverside.ben());
            case PACK -> new PackWorkflow(ctx);
            case TRANSFER_IN -> new TransferInWorkflow(ctx);
        };
    }

    /**
     * A scan, or a command when the input starts with {@code #}: q quantity, r reason (choose), c
     * cancel, k confirm, d deviation (choose OTHER with a note), p PIN, l lot, o output lot, n no
     * reference, m document, s skip line, t test result. Every command goes to every workflow: one it does not take
     * must be answered with a sentence too.
     */
    private static Screen apply(Workflow w, String input) {
        if (!input.startsWith("#") || input.length() < 2) {
            return w.handle(Command.scan(RawScan.of(input, ScanSource.WEDGE)));
        }
        String arg = input.length() > 3 ? input.substring(3) : input.substring(2);
        Command command = switch (input.charAt(1)) {
            case 'c' -> Command.cancel();
            case 'q' -> new Command.KeyQuantity(arg);
            case 'r' -> new Command.Choose(arg);
            case 'k' -> Command.confirm();
            case 'd' -> new Command.Choose("OTHER", arg);
            case 'p' -> new Command.KeyPin(arg);
            case 'l' -> new Command.KeyLot(arg);
            case 'o' -> new Command.KeyOutputLot("FG-PRIMER", arg);
            case 'n' -> new Command.NoReference(arg.isEmpty() ? "CITY-MAINT" : arg, arg);
            case 'm' -> new Command.LinkDocument(arg);
            case 's' -> new Command.SkipLine();
            case 't' -> new Command.KeyResult(arg);
            default -> new Command.Choose(arg, arg);
        };
        return w.handle(command);
    }
}
