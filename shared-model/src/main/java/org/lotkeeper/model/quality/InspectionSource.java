package org.lotkeeper.model.quality;

/** Where a lot's test results come from. */
public enum InspectionSource {
    /** The plant's own laboratory. */
    LAB,
    /** Keyed from the supplier's certificate of analysis. */
    SUPPLIER_COA
}
