package org.lotkeeper.client.sim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lotkeeper.client.workflow.Command;
import org.lotkeeper.client.workflow.WorkflowKind;

/**
 * One parsed line of a simulator script (mobile-client/README.md, "Script lines"). Each kind of
 * line is a record that knows which {@link ScriptRunner} step carries it out, so a new kind of
 * line cannot be parsed and then forgotten.
 */
sealed interface ScriptLine {

    /** Carries the line out on the runner's current device. */
    void runOn(ScriptRunner runner) throws ScriptError;

    /** {@code device <name> [profile=…] [model=…]}. */
    record Device(String name, Map<String, String> options) implements ScriptLine {
        public Device {
            options = Map.copyOf(options);
        }

        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.device(this);
        }
    }

    /** {@code enroll <server-url> <code>}. */
    record Enroll(String serverUrl, String code) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.enroll(this);
        }
    }

    /** {@code server <url>}. */
    record Server(String url) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.server(this);
        }
    }

    /** {@code login <badge> <pin>}. */
    record Login(String badge, String pin) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.login(this);
        }

        @Override
        public String toString() {
            return "Login[" + badge + ", ****]";
        }
    }

    /** {@code logout}. */
    record Logout() implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.logout();
        }
    }

    /** {@code start <workflow>}. */
    record Start(WorkflowKind workflow) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.start(this);
        }
    }

    /** {@code scan <text>}: the scanner sends it (GS already turned into ASCII 29). */
    record ScanText(String text) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.scan(this);
        }
    }

    /** {@code type <text>}: a person types, slowly. */
    record Type(String text) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.type(this);
        }
    }

    /** {@code key ENTER|TAB}. */
    record Key(String key) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.key(this);
        }
    }

    /** {@code quantity …} or {@code action …}: a command for the workflow on screen; {@code said} is how the script named it. */
    record WorkflowCommand(Command command, String said) implements ScriptLine {
        public WorkflowCommand {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.command(this);
        }
    }

    /** {@code offline} / {@code online}. */
    record Radio(boolean online) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.radio(this);
        }
    }

    /** {@code sync}. */
    record Sync() implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.sync();
        }
    }

    /** {@code expect <TYPE> <field>=<value>…}. */
    record ExpectEvent(String type, List<Assertion> assertions) implements ScriptLine {
        public ExpectEvent {
            assertions = List.copyOf(assertions);
        }

        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.expectEvent(this);
        }
    }

    /** One {@code <field>=<value>} of an event expectation. */
    record Assertion(String field, String expected) {}

    /** {@code expect refused [text]}. */
    record ExpectRefused(String text) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.expectRefused(this);
        }
    }

    /** {@code expect screen <text>}: the screen shown now says this (feedback, prompt or a "label: value" field). */
    record ExpectScreen(String text) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.expectScreen(this);
        }
    }

    /** {@code expect pending <n>}. */
    record ExpectPending(long count) implements ScriptLine {
        @Override
        public void runOn(ScriptRunner runner) throws ScriptError {
            runner.expectPending(this);
        }
    }
}
