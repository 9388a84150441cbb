package org.lotkeeper.model.wire;

import java.util.Objects;

import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.lot.LocationType;

/**
 * A location (pull {@code locations[]}).
 *
 * @param code         the location code
 * @param site         its site
 * @param type         what kind of location
 * @param pickSequence where it comes in a picker's walk (FEFO tie-break)
 */
public record LocationRow(LocationCode code, SiteCode site, LocationType type, int pickSequence) {

    /** Checks the invariants. */
    public LocationRow {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(site, "site is required");
        Objects.requireNonNull(type, "type is required");
    }
}
