package org.lotkeeper.server.ledger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code --verify-ledger} prints and the exit status it answers. */
class VerifyLedgerCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aSoundLedgerExitsZero() {
        int status = VerifyLedgerCommand.report(new LedgerVerifier.Report(true, 3, 42, 2, 17, List.of(), null), out);
        assertThat(status).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("ledger OK: 3 chains, 42 events, 17 audit rows; 2 signed checkpoints hold");
    }

    @Test
    void aBrokenChainExitsTwoAndNamesTheBrokenLink() {
        int status = VerifyLedgerCommand.report(
                new LedgerVerifier.Report(
                        false,
                        3,
                        41,
                        2,
                        17,
                        List.of(
                                new LedgerVerifier.Break(
                                        "device:dev-a",
                                        7,
                                        null,
                                        LedgerVerifier.Problem.MISSING_EVENT,
                                        "event 7 is missing"),
                                new LedgerVerifier.Break(
                                        "site:PLANT-1",
                                        2,
                                        19L,
                                        LedgerVerifier.Problem.CHECKPOINT_MISMATCH,
                                        "rewritten",
                                        "checkpoint-20261121T000000000Z-40.json")),
                        "checkpoint-20261121T000000000Z-40.json"),
                out);
        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("ledger BROKEN: 2 problem(s) in 3 chains")
                .contains("first checkpoint that no longer holds: checkpoint-20261121T000000000Z-40.json")
                .contains("device:dev-a at source_seq 7: MISSING_EVENT")
                .contains("site:PLANT-1 at source_seq 2 (ledger_seq 19): CHECKPOINT_MISMATCH");
    }
}
