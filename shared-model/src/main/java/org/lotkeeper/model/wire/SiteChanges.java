package org.lotkeeper.model.wire;

/**
 * The answer of {@code GET /api/v1/sync/changes}: a number that grows whenever what the device's
 * site pulls as a whole changes — its tasks, master data, users. A device asks every few seconds
 * (a primary-key read on the server) and pulls when the number differs from the one it saw last,
 * so a new task reaches it within seconds without a pull every few seconds.
 *
 * @param version the site's change number, 0 before its first change
 */
public record SiteChanges(long version) {

    public SiteChanges {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
