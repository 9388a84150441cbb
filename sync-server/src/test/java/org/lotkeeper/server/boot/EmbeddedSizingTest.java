package org.lotkeeper.server.boot;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.boot.EmbeddedSizing.GB;
import static org.lotkeeper.server.boot.EmbeddedSizing.MB;

class EmbeddedSizingTest {

    @Test
    void aServerWithRoomGetsAQuarterForBuffersAndWorkMemoryForItsConnections() {
        // this machine: 24 GB, the JVM's default heap a quarter of it
        Map<String, String> s = new EmbeddedSizing(24 * GB, 6 * GB).settings();

        assertThat(s)
                .containsEntry("shared_buffers", "4480MB")
                .containsEntry("effective_cache_size", "13440MB")
                .containsEntry("work_mem", "33MB")
                .containsEntry("maintenance_work_mem", "1120MB")
                .containsEntry("autovacuum_vacuum_insert_scale_factor", "0.05")
                .containsEntry("autovacuum_naptime", "10s")
                .containsEntry("shared_preload_libraries", "pg_prewarm")
                .containsEntry("pg_prewarm.autoprewarm", "on");
    }

    @Test
    void aSmallMachineKeepsPostgresqlsFloorsAndABigOneItsCeilings() {
        assertThat(new EmbeddedSizing(2 * GB, 512 * MB).settings())
                .containsEntry("shared_buffers", "256MB")
                .containsEntry("effective_cache_size", "768MB")
                .containsEntry("work_mem", "4MB")
                .containsEntry("maintenance_work_mem", "64MB");
        // a machine the JVM cannot measure: PostgreSQL's own defaults, never less
        assertThat(new EmbeddedSizing(0, 512 * MB).settings())
                .containsEntry("shared_buffers", "128MB")
                .containsEntry("work_mem", "4MB")
                .containsEntry("maintenance_work_mem", "64MB");
        assertThat(new EmbeddedSizing(512 * GB, 32 * GB).settings())
                .containsEntry("shared_buffers", "8192MB")
                .containsEntry("work_mem", "64MB")
                .containsEntry("maintenance_work_mem", "2048MB");
    }

    @Test
    void anOperatorOverridesOneSettingAndTheOthersStay() {
        Map<String, String> s = new EmbeddedSizing(24 * GB, 6 * GB)
                .settings(name -> name.equals("lotkeeper.embedded-postgres.shared-buffers")
                        ? Optional.of(" 2GB ")
                        : name.equals("lotkeeper.embedded-postgres.work-mem") ? Optional.of("") : Optional.empty());

        assertThat(s).containsEntry("shared_buffers", "2GB").containsEntry("work_mem", "33MB");
    }

    @Test
    void thisMachineIsMeasured() {
        EmbeddedSizing here = EmbeddedSizing.ofThisMachine();

        assertThat(here.machineBytes()).isGreaterThan(here.heapBytes());
        assertThat(here.postgresBytes()).isGreaterThanOrEqualTo(256 * MB);
    }
}
