package org.lotkeeper.client.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lotkeeper.client.workflow.Command;
import org.lotkeeper.client.workflow.PackWorkflow;
import org.lotkeeper.client.workflow.ProduceWorkflow;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.TransformKind;

/**
 * Turns one script line (variables already replaced; not blank, not a comment) into a
 * {@link ScriptLine}, or says what is wrong with it. The language is mobile-client/README.md's
 * "Script lines"; workflow actions become the same {@link Command}s the screens send.
 */
final class ScriptParser {

    private static final String COMMANDS =
            "device, enroll, server, login, logout, start, scan, type, key, quantity, action, "
                    + "offline, online, sync, expect";
    private static final String ACTIONS =
            "cancel, nopo, normma, lot, document, deviation, skip, confirm, finish, kind, "
                    + "output, reason, pin, result, active, weight";

    private ScriptParser() {}

    static ScriptLine parse(String line) throws ScriptError {
        int space = line.indexOf(' ');
        String command = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        return switch (command) {
            case "device" -> device(words(rest));
            case "enroll" -> {
                List<String> a = exactly(words(rest), 2, "enroll <server-url> <code>");
                yield new ScriptLine.Enroll(a.get(0), a.get(1));
            }
            case "server" ->
                new ScriptLine.Server(exactly(words(rest), 1, "server <url>").get(0));
            case "login" -> {
                List<String> a = exactly(words(rest), 2, "login <badge> <pin>");
                yield new ScriptLine.Login(a.get(0), a.get(1));
            }
            case "logout" -> new ScriptLine.Logout();
            case "start" ->
                new ScriptLine.Start(workflow(exactly(
                                words(rest),
                                1,
                                "start receive|move|pick|count|ship|produce|return|lookup|hold|pack|transfer_in")
                        .get(0)));
            case "scan" -> {
                if (rest.isEmpty()) {
                    throw new ScriptError("scan <text> (<GS> for ASCII 29)");
                }
                yield new ScriptLine.ScanText(rest.replace("<GS>", "\u001d"));
            }
            case "type" -> new ScriptLine.Type(rest);
            case "key" -> new ScriptLine.Key(rest.strip().toUpperCase(Locale.ROOT));
            case "quantity" -> {
                if (rest.isEmpty()) {
                    throw new ScriptError("quantity <value> [unit]");
                }
                yield new ScriptLine.WorkflowCommand(new Command.KeyQuantity(rest), "quantity");
            }
            case "action" -> action(words(rest));
            case "offline" -> new ScriptLine.Radio(false);
            case "online" -> new ScriptLine.Radio(true);
            case "sync" -> new ScriptLine.Sync();
            case "expect" -> expect(words(rest));
            default -> throw new ScriptError("unknown command '" + command + "' (" + COMMANDS + ")");
        };
    }

    private static ScriptLine device(List<String> args) throws ScriptError {
        if (args.isEmpty()) {
            throw new ScriptError("device <name> [profile=<profile>] [model=<model>]");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args.subList(1, args.size())) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ScriptError("'" + a + "' is not <option>=<value>");
            }
            options.put(a.substring(0, eq).toLowerCase(Locale.ROOT), a.substring(eq + 1));
        }
        return new ScriptLine.Device(args.get(0), options);
    }

    private static WorkflowKind workflow(String name) throws ScriptError {
        try {
            WorkflowKind kind = WorkflowKind.valueOf(name.toUpperCase(Locale.ROOT));
            if (kind == WorkflowKind.LOGIN) {
                throw new ScriptError("log in with login <badge> <pin>, not start login");
            }
            return kind;
        } catch (IllegalArgumentException e) {
            throw new ScriptError("no workflow '" + name + "'");
        }
    }

    private static ScriptLine action(List<String> args) throws ScriptError {
        if (args.isEmpty()) {
            throw new ScriptError("action <name> [args] (" + ACTIONS + ")");
        }
        String name = args.get(0).toLowerCase(Locale.ROOT).replace("_", "-");
        List<String> a = args.subList(1, args.size());
        Command command = switch (name) {
            case "cancel" -> Command.cancel();
            case "nopo", "no-po" ->
                new Command.NoReference(
                        arg(a, 0, "nopo <supplier> <delivery-note>"), arg(a, 1, "nopo <supplier> <delivery-note>"));
            case "normma", "no-rma" ->
                new Command.NoReference(
                        arg(a, 0, "normma <customer> <reference>"), arg(a, 1, "normma <customer> <reference>"));
            case "lot" -> new Command.KeyLot(arg(a, 0, "lot <code>"));
            case "document" -> new Command.LinkDocument(arg(a, 0, "document <id>"));
            case "deviation" ->
                new Command.Choose(
                        constant(DeviationReason.class, arg(a, 0, "deviation <reason> [note]")),
                        a.size() > 1 ? String.join(" ", a.subList(1, a.size())) : null);
            case "skip" -> new Command.SkipLine();
            case "confirm", "finish" -> Command.confirm();
            case "kind" ->
                new Command.Choose(
                        constant(TransformKind.class, arg(a, 0, "kind <PRODUCTION|BLEND|SPLIT|MERGE|REWORK|REPACK>")));
            case "output", "output-lot" ->
                new Command.KeyOutputLot(arg(a, 0, "output <item> <lot>"), arg(a, 1, "output <item> <lot>"));
            case "reason" -> new Command.Choose(String.join(" ", a));
            case "pin" -> new Command.KeyPin(arg(a, 0, "pin <pin>"));
            case "result" -> new Command.KeyResult(String.join(" ", a));
            case "active" -> new Command.Choose(ProduceWorkflow.DOSE_BY_ACTIVE);
            case "weight" -> new Command.Choose(ProduceWorkflow.DOSE_BY_WEIGHT);
            case "new-pallet" -> new Command.Choose(PackWorkflow.NEW_PALLET);
            case "unpack" -> new Command.Choose(PackWorkflow.UNPACK);
            case "unpack-all" -> new Command.Choose(PackWorkflow.UNPACK_ALL);
            default -> throw new ScriptError("no action '" + name + "' (" + ACTIONS + ")");
        };
        return new ScriptLine.WorkflowCommand(command, "action " + name);
    }

    /** A reason or kind as a constant name ({@code customer-request} → {@code CUSTOMER_REQUEST}). */
    private static <E extends Enum<E>> String constant(Class<E> type, String text) throws ScriptError {
        String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return name;
            }
        }
        throw new ScriptError(
                "no " + type.getSimpleName() + " '" + text + "' (" + List.of(type.getEnumConstants()) + ")");
    }

    private static ScriptLine expect(List<String> args) throws ScriptError {
        if (args.isEmpty()) {
            throw new ScriptError(
                    "expect <EVENT_TYPE> <field>=<value>… | expect refused [text] | expect pending <n> | expect screen <text>");
        }
        String what = args.get(0);
        if (what.equalsIgnoreCase("refused")) {
            return new ScriptLine.ExpectRefused(String.join(" ", args.subList(1, args.size())));
        }
        if (what.equalsIgnoreCase("screen")) {
            String text = String.join(" ", args.subList(1, args.size()));
            if (text.isBlank()) {
                throw new ScriptError("expect screen <text>: say what the screen shows");
            }
            return new ScriptLine.ExpectScreen(text);
        }
        if (what.equalsIgnoreCase("pending")) {
            String n = arg(args, 1, "expect pending <n>");
            try {
                return new ScriptLine.ExpectPending(Long.parseLong(n));
            } catch (NumberFormatException e) {
                throw new ScriptError("expect pending <n>: '" + n + "' is not a number");
            }
        }
        List<ScriptLine.Assertion> assertions = new ArrayList<>();
        for (String assertion : args.subList(1, args.size())) {
            int eq = assertion.indexOf('=');
            if (eq <= 0) {
                throw new ScriptError("'" + assertion + "' is not <field>=<value>");
            }
            assertions.add(new ScriptLine.Assertion(assertion.substring(0, eq), assertion.substring(eq + 1)));
        }
        return new ScriptLine.ExpectEvent(what, assertions);
    }

    private static List<String> exactly(List<String> args, int n, String usage) throws ScriptError {
        if (args.size() != n) {
            throw new ScriptError(usage);
        }
        return args;
    }

    private static String arg(List<String> args, int index, String usage) throws ScriptError {
        if (args.size() <= index) {
            throw new ScriptError("usage: " + usage);
        }
        return args.get(index);
    }

    /** Splits on blanks; "double quotes" keep blanks inside one word. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int ci = 0; ci < text.length(); ci++) {

            char c = text.charAt(ci);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }
}
