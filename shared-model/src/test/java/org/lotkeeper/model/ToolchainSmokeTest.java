package org.lotkeeper.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolchainSmokeTest {
    @Test
    void jupiterRuns() {
        assertThat(1 + 1).isEqualTo(2);
    }

    @Property(tries = 10)
    boolean jqwikRuns(@ForAll int x) {
        return x + 0 == x;
    }
}
