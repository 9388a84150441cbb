package org.lotkeeper.server.boot;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded PostgreSQL's memory and autovacuum settings, chosen from the machine the JVM sees
 * (docs/PERFORMANCE.md, "The embedded PostgreSQL sized to its machine"), so the default a newcomer
 * gets is the fast path and not PostgreSQL's 128 MB of shared buffers.
 *
 * <p>PostgreSQL gets what the machine has less this JVM's largest heap and 512 MB for the JVM's
 * other memory and the operating system (at least 256 MB): a quarter of it as
 * {@code shared_buffers} (128 MB … 8 GB), three quarters as {@code effective_cache_size} (the
 * planner's estimate of the OS cache), {@code work_mem} so that 100 connections each sorting
 * four ways at once stay inside the rest (4 … 64 MB), and a sixteenth as
 * {@code maintenance_work_mem} (64 MB … 2 GB). Autovacuum is told that the ledger tables only
 * grow: it analyses and vacuums after 2 % / 5 % of a table changed or was inserted, instead of
 * PostgreSQL's 10 % / 20 % that a ten-million-row ledger reaches only every million events.
 * PostgreSQL's {@code pg_prewarm} keeps a list of the blocks in its buffers (written at each stop
 * and every 5 minutes) and reads them back in the background after a start, so a restart does not
 * leave the first recalls and traces to read their pages one by one.
 *
 * <p>Each setting can be overridden with {@code lotkeeper.embedded-postgres.<name>} (system
 * property) or {@code LOTKEEPER_EMBEDDED_POSTGRES_<NAME>} (environment), e.g.
 * {@code LOTKEEPER_EMBEDDED_POSTGRES_SHARED_BUFFERS=2GB}. An external PostgreSQL
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}) is never touched: its administrator sizes it.
 */
public record EmbeddedSizing(long machineBytes, long heapBytes) {

    static final long MB = 1024L * 1024;
    static final long GB = 1024 * MB;
    /** The JVM's memory beyond its heap (metaspace, threads, buffers) and the operating system's share. */
    static final long RESERVED = 512 * MB;
    /** As {@code max_connections} of the embedded server. */
    static final int CONNECTIONS = 100;

    /** The machine as this JVM sees it: its physical memory (a container's limit inside one) and its largest heap. */
    public static EmbeddedSizing ofThisMachine() {
        long machine =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize()
                        : 0;
        return new EmbeddedSizing(machine, Runtime.getRuntime().maxMemory());
    }

    /** What is left for PostgreSQL: the machine less the heap and {@link #RESERVED}, at least 256 MB. */
    public long postgresBytes() {
        return Math.max(256 * MB, machineBytes - heapBytes - RESERVED);
    }

    /** The settings, by PostgreSQL's names, in megabytes where they are sizes. */
    public Map<String, String> settings() {
        long pg = postgresBytes();
        long sharedBuffers = clamp(pg / 4, 128 * MB, 8 * GB);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("shared_buffers", mb(sharedBuffers));
        s.put("effective_cache_size", mb(Math.max(sharedBuffers, pg * 3 / 4)));
        s.put("work_mem", mb(clamp((pg - sharedBuffers) / (CONNECTIONS * 4L), 4 * MB, 64 * MB)));
        s.put("maintenance_work_mem", mb(clamp(pg / 16, 64 * MB, 2 * GB)));
        s.put("autovacuum_naptime", "10s");
        s.put("autovacuum_vacuum_scale_factor", "0.05");
        s.put("autovacuum_vacuum_insert_scale_factor", "0.05");
        s.put("autovacuum_analyze_scale_factor", "0.02");
        s.put("autovacuum_vacuum_cost_limit", "1000");
        // what was in the buffers at the last stop (and every 5 minutes) is read back after a start, in the
        // background: the first recalls and traces after a restart find their pages (docs/PERFORMANCE.md)
        s.put("shared_preload_libraries", "pg_prewarm");
        s.put("pg_prewarm.autoprewarm", "on");
        return s;
    }

    /**
     * {@link #settings()} with each one replaced where {@code override} (a setting's name with
     * {@code -} for {@code _}, after {@code lotkeeper.embedded-postgres.}) says otherwise.
     */
    public Map<String, String> settings(Function<String, Optional<String>> override) {
        Map<String, String> s = new LinkedHashMap<>(settings());
        s.replaceAll((name, value) -> override.apply("lotkeeper.embedded-postgres." + name.replace('_', '-'))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElse(value));
        return s;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String mb(long bytes) {
        return (bytes / MB) + "MB";
    }
}
