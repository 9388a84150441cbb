package org.lotkeeper.server.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image as an IT department gets it (docs/OPERATIONS.md, "The image"): built by the
 * Maven build's {@code image} profile (Quarkus's Jib extension, no Docker daemon) into a tarball
 * that {@code docker load} reads, then run the way a container runtime runs it — its layers
 * unpacked in order into a root file system, its entry point started there with the image's
 * environment, working directory and user, in a mount namespace of its own with {@code /dev} and
 * {@code /proc} — against an external PostgreSQL, as {@code deploy/compose.yaml} runs it.
 *
 * <p>No registry is reachable here, so the base image is made from this machine's JDK
 * ({@code deploy/base-image-from-host.sh}); the profile's default base is Red Hat's UBI 9
 * OpenJDK 17 runtime. Needs {@code unshare}, {@code mount} and {@code tar} (util-linux and GNU
 * tar); as root the server runs as the image's user, otherwise as the mapped root of a user
 * namespace.
 */
class ContainerImageIT {

    @TempDir
    Path work;

    @Test
    void theImageMavenBuildsRunsTheServerOnAnExternalDatabase() throws Exception {
        Path repo = Commands.repository();
        Path base = work.resolve("base-image.tar");
        Commands.run(
                work.resolve("base.log"),
                repo.resolve("deploy/base-image-from-host.sh").toString(),
                base.toString());

        // here, not in target/ where the profile puts it: an image someone built there stays theirs
        Path image = work.resolve("lotkeeper-sync-server-image.tar");
        Commands.packageServer(
                work.resolve("maven.log"),
                "image-build",
                "-Pimage",
                "-Dquarkus.jib.base-jvm-image=tar://" + base,
                "-Dquarkus.jib.docker-environment.LOTKEEPER_IMAGE_TAR=" + image);
        assertThat(image).as("the image tarball the build writes").exists();

        Path unpacked = Files.createDirectories(work.resolve("image"));
        Commands.run(work.resolve("tar.log"), "tar", "-xf", image.toString(), "-C", unpacked.toString());
        JsonNode manifest =
                Client.JSON.readTree(unpacked.resolve("manifest.json").toFile());
        assertThat(manifest).hasSize(1);
        assertThat(manifest.get(0).get("RepoTags").get(0).asText()).startsWith("lotkeeper/sync-server:");
        JsonNode config = Client.JSON
                .readTree(
                        unpacked.resolve(manifest.get(0).get("Config").asText()).toFile())
                .get("config");
        assertThat(config.get("User").asText()).as("not root").isEqualTo("185");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.get("ExposedPorts").has("9000/tcp")).isTrue();

        Path root = Files.createDirectories(work.resolve("rootfs"));
        for (JsonNode layer : manifest.get(0).get("Layers")) {
            Commands.run(
                    work.resolve("tar.log"),
                    "tar",
                    "-xzf",
                    unpacked.resolve(layer.asText()).toString(),
                    "-C",
                    root.toString());
        }
        assertThat(root.resolve("opt/lotkeeper/quarkus-run.jar")).exists();

        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : config.get("Env")) {
            String[] nameValue = e.asText().split("=", 2);
            env.put(nameValue[0], nameValue[1]);
        }
        assertThat(env).containsEntry("LOTKEEPER_DATA_DIR", "/deployments");
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
        boolean root0 = "root".equals(System.getProperty("user.name"));

        // the checkpoint key as deploy/compose.yaml gives it both instances: a read-only secret file
        KeyPair checkpointKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keyFile = Files.createDirectories(root.resolve("run/secrets")).resolve("checkpoint_key");
        Files.writeString(
                keyFile,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(checkpointKey.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        if (root0) {
            Files.setAttribute(keyFile, "unix:uid", 185);
        }
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
        env.put("LOTKEEPER_CHECKPOINT_KEY_FILE", "/run/secrets/checkpoint_key");

        try (EmbeddedPostgres pg = PgOps.scratch(work.resolve("pg"))) {
            // the container shares the host's network here, as with `docker run --network host`
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.getJdbcUrl("postgres", "postgres"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("LOTKEEPER_SECURITY_BCRYPT_COST", "4");
            ServerProcess server = ServerProcess.launched(
                    work.resolve("logs"),
                    container(
                            root,
                            config.get("WorkingDir").asText(),
                            config.get("User").asText(),
                            entrypoint,
                            root0),
                    env);
            try (server) {
                server.start();
                if (root0) {
                    // (without root there are no users to tell apart: the test runs it as a user namespace's root)
                    assertThat(Files.readAllLines(
                                    Path.of("/proc/" + server.handle().pid() + "/status")))
                            .as("the server runs as the image's user")
                            .anyMatch(l -> l.matches("Uid:\\s+185\\s.*"));
                    for (Path code :
                            List.of(root.resolve("opt/lotkeeper"), root.resolve("opt/lotkeeper/quarkus-run.jar"))) {
                        assertThat(Files.getAttribute(code, "unix:uid"))
                                .as("%s is root's: the server cannot rewrite its code", code)
                                .isEqualTo(0);
                    }
                }

                String[] device = Client.setUp(server::uri, "gun-in-a-container");
                Client.call(
                        server.uri("/api/v1/sync/push"),
                        "POST",
                        device[1],
                        Client.pushBody(device[0], Client.receipts("IMG-", 5)));
                String sam = Client.token(server::uri, "sam", "sam-Passw0rd!");
                JsonNode lot = Client.call(server.uri("/api/v1/lots/RM-SOLVENT/IMG-3"), "GET", sam, null);
                assertThat(lot.toString()).contains("IMG-3").contains("RCV-DOCK-1");
                assertThat(Client.send(server.uri("/"), "GET", null, null).statusCode())
                        .as("the console's front door")
                        .isIn(200, 303);
                assertThat(root.resolve("deployments/secrets/key-encryption-key"))
                        .as("the server's own files go to the data volume")
                        .isRegularFile();

                String admin = Client.token(server::uri, "admin", ServerProcess.ADMIN_PASSWORD);
                byte[] spki = checkpointKey.getPublic().getEncoded(); // X.509: a fixed prefix, then the 32 bytes
                assertThat(Client.call(server.uri("/api/v1/admin/ledger/checkpoints/key"), "GET", admin, null)
                                .get("publicKey")
                                .asText())
                        .as("the checkpoint key is the secret's")
                        .isEqualTo(Base64.getEncoder()
                                .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
                Client.call(server.uri("/api/v1/admin/ledger/checkpoints"), "POST", admin, null);
                try (var sealed = Files.list(root.resolve("deployments/checkpoints"))) {
                    assertThat(sealed.count())
                            .as("a checkpoint sealed into the data volume")
                            .isPositive();
                }

                server.signalStop();
                OptionalInt exit = server.exitCode(Duration.ofSeconds(60));
                assertThat(exit).as("stopped on SIGTERM").isPresent();
                assertThat(exit.getAsInt()).isEqualTo(143);
            }
        }
    }

    /**
     * The command that starts {@code entrypoint} as a container runtime would: in a mount namespace
     * of its own, its root directory the image's (a mount point, as a runtime's is: Java looks the
     * file stores up in the mount table) with the host's {@code /dev} and a {@code /proc},
     * in the image's working directory, as the image's user when we are root.
     */
    private static List<String> container(
            Path root, String workingDir, String user, List<String> entrypoint, boolean asRoot) {
        String[] uidGid = user.split(":", 2);
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
        if (!asRoot) {
            command.addAll(List.of("--user", "--map-root-user", "--pid", "--fork", "--kill-child=SIGTERM"));
        }
        command.addAll(List.of(
                "/bin/sh",
                "-c",
                "r=$1; w=$2; u=$3; g=$4; shift 4; mount --bind \"$r\" \"$r\" && mount --rbind /dev \"$r/dev\" && mount -t proc proc \"$r/proc\" && "
                        + "if [ \"$u\" ]; then exec unshare --root=\"$r\" --wd=\"$w\" --setuid=\"$u\" --setgid=\"$g\" \"$@\"; "
                        + "else exec unshare --root=\"$r\" --wd=\"$w\" \"$@\"; fi",
                "container",
                root.toString(),
                workingDir,
                asRoot ? uidGid[0] : "",
                uidGid.length > 1 ? uidGid[1] : "0"));
        command.addAll(entrypoint);
        return command;
    }
}
