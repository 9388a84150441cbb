package org.lotkeeper.server.ledger;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code --verify-ledger [--checkpoints DIR]}: starts the server's database side, recomputes every
 * hash chain and the audit chain, checks them against the signed checkpoints in {@code DIR} (the
 * configured checkpoint directory when not given), prints the result and exits 0 when all hold,
 * 2 when anything is broken (docs/SECURITY.md).
 */
public class VerifyLedgerCommand implements QuarkusApplication {

    public static final String CHECKPOINTS_FLAG = "--checkpoints";

    @Override
    public int run(String... args) {
        LedgerVerifier verifier = Arc.container().instance(LedgerVerifier.class).get();
        List<String> list = Arrays.asList(args);
        int at = list.indexOf(CHECKPOINTS_FLAG);
        if (at >= 0 && at + 1 >= list.size()) {
            System.out.println(CHECKPOINTS_FLAG + " needs a directory");
            return 1;
        }
        return report(at >= 0 ? verifier.verify(Path.of(list.get(at + 1))) : verifier.verify(), System.out);
    }

    /** Prints the report; answers the exit status. */
    static int report(LedgerVerifier.Report report, PrintStream out) {
        if (report.ok()) {
            out.printf(
                    "ledger OK: %d chains, %d events, %d audit rows; %d signed checkpoints hold%n",
                    report.chains(), report.events(), report.auditRows(), report.checkpoints());
            return 0;
        }
        out.printf(
                "ledger BROKEN: %d problem(s) in %d chains (%d events), %d audit rows, %d signed checkpoints%n",
                report.breaks().size(), report.chains(), report.events(), report.auditRows(), report.checkpoints());
        if (report.firstBrokenCheckpoint() != null) {
            out.printf("  first checkpoint that no longer holds: %s%n", report.firstBrokenCheckpoint());
        }
        for (LedgerVerifier.Break b : report.breaks()) {
            out.printf(
                    "  %s at %s %d%s: %s — %s%n",
                    b.problem() == LedgerVerifier.Problem.BAD_CHECKPOINT ? b.checkpoint() : b.source(),
                    b.problem() == LedgerVerifier.Problem.AUDIT_CHAIN ? "position" : "source_seq",
                    b.sourceSeq(),
                    b.ledgerSeq() == null
                            ? ""
                            : " (" + (b.problem() == LedgerVerifier.Problem.AUDIT_CHAIN ? "audit row " : "ledger_seq ")
                                    + b.ledgerSeq() + ")",
                    b.problem(),
                    b.detail());
        }
        return 2;
    }
}
