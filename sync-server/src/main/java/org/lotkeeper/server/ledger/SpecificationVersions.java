package org.lotkeeper.server.ledger;

import java.util.Optional;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.quality.Specification;

/**
 * The approved versions of items' specifications, as ingest needs them to check the supplier's COA
 * results a device judged (docs/QUALITY-CONTROL.md). Kept by the quality package; a port here so the
 * ledger does not depend on it.
 */
public interface SpecificationVersions {

    /** Version {@code version} of {@code item}'s specification, if QA approved one. */
    Optional<Specification> specification(ItemCode item, int version);
}
