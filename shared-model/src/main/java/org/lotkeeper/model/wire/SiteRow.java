package org.lotkeeper.model.wire;

import java.util.Objects;

import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.SiteCode;

/**
 * The device's own site (pull {@code site}): what a GS1 location label of this site carries (its
 * GLN, AI 414) and the name shown on screens.
 *
 * @param code the site code
 * @param name its name
 * @param gln  its GLN, or null when master data gives none
 */
public record SiteRow(SiteCode code, String name, Gln gln) {

    /** Checks the invariants. */
    public SiteRow {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(name, "name is required");
    }
}
