package org.lotkeeper.client.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One step of the device schema: a version, what it does, and its statements. Applied once, in
 * one transaction, in version order; recorded in {@code schema_version}. A migration may never drop
 * or rename the outbox (it holds events the server may not have yet): {@link #Migration} refuses
 * such a statement.
 *
 * @param version     1, 2, 3 … without gaps
 * @param description what it does
 * @param statements  the SQL statements
 */
public record Migration(int version, String description, List<String> statements) {

    private static final Pattern TOUCHES_OUTBOX =
            Pattern.compile("(?is)\\b(DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?[\"`\\[]?outbox[\"`\\]]?\\b"
                    + "|ALTER\\s+TABLE\\s+[\"`\\[]?outbox[\"`\\]]?\\s+(RENAME|DROP)"
                    + "|DELETE\\s+FROM\\s+[\"`\\[]?outbox[\"`\\]]?\\s*(;|$))");

    /** Checks the invariants; refuses a statement that drops, renames or empties the outbox. */
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("a migration version is 1 or more");
        }
        statements = List.copyOf(statements);
        for (String sql : statements) {
            if (TOUCHES_OUTBOX.matcher(sql).find()) {
                throw new IllegalArgumentException("migration " + version + " would drop or empty the outbox: " + sql);
            }
        }
    }
}
