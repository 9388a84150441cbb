package org.lotkeeper.bench.ledger;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a command line. */
final class Args {

    private Args() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, not " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
