package org.lotkeeper.server.boot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Lotkeeper's own settings. Each is also an environment variable: {@code lotkeeper.data-dir} is
 * {@code LOTKEEPER_DATA_DIR}, {@code lotkeeper.admin-password} is {@code LOTKEEPER_ADMIN_PASSWORD}.
 */
@ConfigMapping(prefix = "lotkeeper")
public interface LotkeeperConfig {

    /** Where the embedded database, keys and uploaded documents live. */
    @WithDefault("data")
    Path dataDir();

    /** The password of the first {@code admin}; when absent one is generated and printed once. */
    Optional<String> adminPassword();

    /** Load the Riverside demo plant into an empty ledger ({@code --demo}). */
    @WithDefault("false")
    boolean demo();

    /**
     * The plant's time zone for what people read — console pages and PDF reports — as an IANA
     * name ({@code Europe/Berlin}); see {@link org.lotkeeper.server.masterdata.PlantTime}.
     */
    @WithDefault("UTC")
    String timeZone();

    /**
     * The company certificates of analysis are issued in ({@code LOTKEEPER_COMPANY}); each
     * certificate names its site besides, which stands alone when this is absent.
     */
    Optional<String> company();

    /** Fixes the server clock at this instant (tests and demos); the real clock when absent. */
    Optional<Instant> clockFixed();
}
