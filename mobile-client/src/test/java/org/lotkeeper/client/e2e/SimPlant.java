package org.lotkeeper.client.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lotkeeper.client.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plant for end-to-end tests: the packaged server on its own data directory with the Riverside
 * master data, and simulators whose devices talk to it ({@code ${SERVER}} in their scripts). Every
 * script is played with every refusal expected ({@code expect refused}).
 */
final class SimPlant implements AutoCloseable {

    final Path dir;
    final ServerProcess server;
    final ServerApi api;
    private final List<Simulator> simulators = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SimPlant(Path dir, ServerProcess server) {
        this.dir = dir;
        this.server = server;
        this.api = new ServerApi(server);
    }

    /** Starts the server in a new temporary directory named after {@code name} and loads the Riverside master data. */
    static SimPlant start(String name) throws Exception {
        Path dir = Files.createTempDirectory(name);
        SimPlant plant = new SimPlant(dir, new ServerProcess(dir.resolve("server")).start());
        plant.api.loadMasterData("/riverside/masterdata.json");
        return plant;
    }

    /** A simulator whose devices keep their files in {@code devices} and read {@code clock}. */
    Simulator simulator(String devices, Clock clock) {
        Simulator sim = new Simulator(
                new Simulator.Options(dir.resolve(devices), clock, Map.of("SERVER", server.url()), false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        simulators.add(sim);
        return sim;
    }

    /** Enrolls the dock tablet {@code dock-1} and the scanner gun {@code gun-1} of PLANT-1 on {@code sim}, and syncs both. */
    void enrollDockAndGun(Simulator sim) throws IOException, InterruptedException {
        play(
                sim,
                List.of(
                        "device dock-1 profile=dock-tablet-10",
                        "enroll ${SERVER} " + api.enrollmentCode("PLANT-1", "dock tablet 1"),
                        "sync",
                        "device gun-1 profile=zebra-tc5x",
                        "enroll ${SERVER} " + api.enrollmentCode("PLANT-1", "gun 1"),
                        "sync"));
    }

    /** Plays the lines; every refusal must be one the script expects ({@code expect refused}). */
    void play(Simulator sim, List<String> lines) {
        err.reset();
        int refusalsBefore = sim.refusals();
        long expectedRefusals =
                lines.stream().filter(l -> l.startsWith("expect refused")).count();
        int exit = sim.run(lines);
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(log).isEqualTo(Simulator.OK);
        assertThat(sim.refusals() - refusalsBefore).as(log).isEqualTo(expectedRefusals);
    }

    /** Plays lines that must stop at a script error (a refused sign-in, say); answers the simulator's error text. */
    String playToError(Simulator sim, List<String> lines) {
        err.reset();
        int exit = sim.run(lines);
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(log).isEqualTo(Simulator.SCRIPT_ERROR);
        return log;
    }

    @Override
    public void close() throws IOException {
        for (Simulator sim : simulators) {
            sim.close();
        }
        server.close();
    }
}
