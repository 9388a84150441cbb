package org.lotkeeper.client.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headless simulator: plays a scan script through the same workflows, store and sync engine
 * as the handheld UI, one or more simulated devices per script. See {@code mobile-client/README.md}
 * for the script language. Each line is parsed by {@link ScriptParser} into a {@link ScriptLine}
 * (workflow actions into the same {@code Command}s the screens send) and carried out by
 * {@link ScriptRunner}; {@link SimReport} prints what happened.
 *
 * <p>Output: every captured event and every sync result is one JSON line on {@code out}; refused
 * scans, failed expectations and script errors go to {@code err} as {@code line N: …}. {@link #run}
 * returns 0 when everything held, 1 when an {@code expect} failed, 2 when the script stopped at an
 * error (a bad line, a failed enrollment or login).
 *
 * <p>A simulator holds no static state: several simulators (or several devices of one) can run
 * in one JVM, each simulator driven from one thread.
 */
public final class Simulator implements AutoCloseable {

    /** Exit codes. */
    public static final int OK = 0;

    public static final int EXPECT_FAILED = 1;
    public static final int SCRIPT_ERROR = 2;

    /**
     * How a simulator runs.
     *
     * @param dataDir   where each device keeps its SQLite file ({@code <name>.db})
     * @param clock     the devices' clock
     * @param variables values for {@code ${NAME}} in script lines
     * @param verbose   also print each screen after a scan or action as a JSON line
     */
    public record Options(Path dataDir, Clock clock, Map<String, String> variables, boolean verbose) {

        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(clock, "clock");
            variables = Map.copyOf(variables);
        }

        public static Options in(Path dataDir) {
            return new Options(dataDir, Clock.system(ZoneId.systemDefault()), Map.of(), false);
        }

        public Options withVariables(Map<String, String> vars) {
            return new Options(dataDir, clock, vars, verbose);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final SimReport report;
    private final ScriptRunner runner;
    private final Map<String, String> variables;

    public Simulator(Options options, PrintStream out, PrintStream err) {
        Objects.requireNonNull(options, "options");
        this.report = new SimReport(out, err, options.verbose());
        this.runner = new ScriptRunner(options, report);
        this.variables = new LinkedHashMap<>(options.variables());
    }

    /** Sets {@code ${name}} for the lines run from now on (e.g. a server URL known only at run time). */
    public Simulator set(String name, String value) {
        variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A device of this simulation by name. */
    public Optional<SimDevice> device(String name) {
        return runner.device(name);
    }

    /** The devices of this simulation, in the order they were created. */
    public List<SimDevice> devices() {
        return runner.devices();
    }

    /** How many scans and actions were refused so far (ERROR feedback). */
    public int refusals() {
        return runner.refusals();
    }

    /** How many expectations failed so far. */
    public int expectFailures() {
        return runner.expectFailures();
    }

    /** Plays a script file. */
    public int run(Path script) {
        try {
            return run(Files.readAllLines(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            report.problem("cannot read " + script + ": " + e.getMessage());
            return SCRIPT_ERROR;
        }
    }

    /**
     * Plays script lines (numbered from 1 in messages); devices, their stores and the last
     * captured events stay for further runs until {@link #close()}.
     */
    public int run(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            runner.at(i + 1);
            try {
                ScriptParser.parse(substitute(line)).runOn(runner);
            } catch (ScriptError e) {
                report.stopped(i + 1, e.getMessage());
                return SCRIPT_ERROR;
            } catch (RuntimeException e) {
                report.stopped(i + 1, e.getClass().getSimpleName() + ": " + e.getMessage());
                return SCRIPT_ERROR;
            }
        }
        return runner.expectFailures() > 0 ? EXPECT_FAILED : OK;
    }

    private String substitute(String line) throws ScriptError {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new ScriptError("${" + m.group(1) + "} is not set (pass --set " + m.group(1) + "=…)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public void close() {
        runner.close();
    }

    // ------------------------------------------------------------------ command line

    /**
     * {@code Simulator [--data <dir>] [--set NAME=VALUE]… [--clock <instant>] [--verbose] <script>|-}
     * — plays the script ({@code -}: standard input) and exits with {@link #OK},
     * {@link #EXPECT_FAILED} or {@link #SCRIPT_ERROR}.
     */
    public static void main(String[] args) throws IOException {
        Path data = null;
        Map<String, String> vars = new LinkedHashMap<>();
        Clock clock = Clock.system(ZoneId.systemDefault());
        boolean verbose = false;
        String script = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        usage("--set needs NAME=VALUE, not " + kv);
                    }
                    vars.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--clock" -> clock = Clock.fixed(Instant.parse(value(args, ++i, a)), ZoneId.systemDefault());
                case "--verbose" -> verbose = true;
                case "-h", "--help" -> usage(null);
                default -> {
                    if (script != null) {
                        usage("only one script, found " + script + " and " + a);
                    }
                    script = a;
                }
            }
        }
        if (script == null) {
            usage("no script given");
        }
        if (data == null) {
            data = Files.createTempDirectory("lotkeeper-sim");
        }
        List<String> lines;
        if (script.equals("-")) {
            lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
        } else if (Files.isReadable(Path.of(script))) {
            lines = Files.readAllLines(Path.of(script), StandardCharsets.UTF_8);
        } else {
            System.err.println("cannot read the script " + Path.of(script).toAbsolutePath());
            System.exit(SCRIPT_ERROR);
            return;
        }
        // closing the simulator closes its devices, never the standard streams it prints to
        Simulator sim = new Simulator(new Options(data, clock, vars, verbose), System.out, System.err);
        int code;
        try {
            code = sim.run(lines);
        } finally {
            sim.close();
        }
        System.exit(code);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println(
                "usage: Simulator [--data <dir>] [--set NAME=VALUE]... [--clock <instant>] [--verbose] <script>|-");
        System.exit(problem == null ? OK : SCRIPT_ERROR);
    }
}
