package org.lotkeeper.server.ledger;

import java.io.PrintStream;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code --verify-ledger}: starts the server's database side, recomputes every hash chain,
 * prints the result and exits 0 when all chains hold, 2 when one is broken (docs/SECURITY.md).
 */
public class VerifyLedgerCommand implements QuarkusApplication {

    @Override
    public int run(String... args) {
        return report(Arc.container().instance(LedgerVerifier.class).get().verify(), System.out);
    }

    /** Prints the report; answers the exit status. */
    static int report(LedgerVerifier.Report report, PrintStream out) {
        if (report.ok()) {
            out.printf("ledger OK: %d chains, %d events%n", report.chains(), report.events());
            return 0;
        }
        out.printf(
                "ledger BROKEN: %d of %d chains (%d events)%n",
                report.breaks().size(), report.chains(), report.events());
        for (LedgerVerifier.Break b : report.breaks()) {
            out.printf(
                    "  %s at source_seq %d%s: %s — %s%n",
                    b.source(),
                    b.sourceSeq(),
                    b.ledgerSeq() == null ? "" : " (ledger_seq " + b.ledgerSeq() + ")",
                    b.problem(),
                    b.detail());
        }
        return 2;
    }
}
