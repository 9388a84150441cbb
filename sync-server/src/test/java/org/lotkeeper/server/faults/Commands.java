package org.lotkeeper.server.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands the operations tests run as an admin would: a program to its end, and Maven on this
 * checkout to build another package of the server (an image, the next release).
 */
final class Commands {

    private Commands() {}

    /** The checkout this test runs in: where {@code mvnw} is. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the checkout's root, with mvnw").isNotNull();
        return dir;
    }

    /**
     * {@code package} of the server (and what it needs) in this checkout with {@code arguments},
     * without tests, into {@code sync-server/target/<directory>} — never {@code quarkus-app}, which
     * the other tests run; its output in {@code log}. Answers the package's directory. It uses the
     * outer build's local repository when that was given ({@code maven.repo.local}).
     */
    static Path packageServer(Path log, String directory, String... arguments)
            throws IOException, InterruptedException {
        if (directory.isBlank() || directory.equals("quarkus-app")) {
            throw new IllegalArgumentException("a package of its own, not " + directory);
        }
        Path repo = repository();
        List<String> command = new ArrayList<>(List.of(
                repo.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-f",
                repo.resolve("pom.xml").toString(),
                "-pl",
                "sync-server",
                "-am",
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-Dquarkus.package.output-directory=" + directory));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of(arguments));
        run(log, command.toArray(String[]::new));
        return repo.resolve("sync-server/target").resolve(directory);
    }

    /** Runs {@code command} to its end (at most 10 minutes); fails the test, with the output, unless it exits 0. */
    static void run(Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done && p.exitValue() == 0)
                .as("%s ended well; its output:%n%s", String.join(" ", command), Files.readString(log))
                .isTrue();
    }
}
