package org.lotkeeper.server.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Signed checkpoints of the chain heads ({@code LOTKEEPER_CHECKPOINT_DIR} …; docs/SECURITY.md). */
@ConfigMapping(prefix = "lotkeeper.checkpoint")
public interface CheckpointConfig {

    /**
     * Where checkpoints are written: a directory the database administrator cannot change (ship
     * its files to write-once storage).
     */
    @WithDefault("${lotkeeper.data-dir:data}/checkpoints")
    Path dir();

    /**
     * The Ed25519 signing key: a PEM PKCS#8 file (generated owner-only when missing), or a PKCS#12
     * keystore ({@code .p12}, {@code .pfx}) opened with {@link #keyPassword()}.
     */
    @WithDefault("${lotkeeper.data-dir:data}/secrets/checkpoint-key.pem")
    Path keyFile();

    /** The keystore's password (PKCS#12 only). */
    Optional<String> keyPassword();

    /** The keystore entry (PKCS#12 only); the first private key when absent. */
    Optional<String> keyAlias();

    /** How often a checkpoint is written when the ledger or the audit log has grown; {@code 0S}: only on demand. */
    @WithDefault("PT15M")
    Duration interval();

    /** How often new audit rows are sealed into the audit chain; {@code 0S}: only before checkpoints and checks. */
    @WithDefault("PT5S")
    Duration sealInterval();
}
