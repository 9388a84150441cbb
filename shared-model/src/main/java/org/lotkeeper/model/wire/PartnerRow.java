package org.lotkeeper.model.wire;

import java.util.Objects;

import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.master.PartnerKind;

/**
 * A partner (pull {@code partners[]}).
 *
 * @param code                      the partner code
 * @param name                      its name
 * @param kind                      supplier, customer or carrier
 * @param gln                       its GLN, or null
 * @param minRemainingShelfLifeDays what a customer demands, 0 by default
 */
public record PartnerRow(PartnerCode code, String name, PartnerKind kind, Gln gln, int minRemainingShelfLifeDays) {

    /** Checks the invariants. */
    public PartnerRow {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(kind, "kind is required");
    }
}
