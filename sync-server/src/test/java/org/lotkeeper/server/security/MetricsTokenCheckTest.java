package org.lotkeeper.server.security;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A metrics token the server will not use is said at start-up, with its length and the rule. */
class MetricsTokenCheckTest {

    @Test
    void aTooShortTokenIsReportedAndALongEnoughOneOrNoneIsNot() {
        assertThat(MetricsTokenCheck.problem(Optional.of("x".repeat(31))))
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("LOTKEEPER_SECURITY_METRICS_TOKEN has 31 characters", "at least 32", "ignored")
                        .doesNotContain("xxx"));
        assertThat(MetricsTokenCheck.problem(Optional.of(""))).isPresent();
        assertThat(MetricsTokenCheck.problem(Optional.of("x".repeat(32)))).isEmpty();
        assertThat(MetricsTokenCheck.problem(Optional.empty())).isEmpty();
    }
}
