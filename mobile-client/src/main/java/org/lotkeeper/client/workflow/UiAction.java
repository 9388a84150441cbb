package org.lotkeeper.client.workflow;

/**
 * The explicit actions (taps) a screen offers besides scanning. The happy path needs none; an
 * exception needs at most one (a reason is one tap on a choice).
 */
public enum UiAction {
    /** Key a quantity ("20", "3 PAIL"). */
    KEY_QUANTITY,
    /** Key a lot code that cannot be scanned. */
    KEY_LOT,
    /** Choose one of {@link Screen#choices()} (a deviation or hold reason). */
    CHOOSE_REASON,
    /** Go on without a scanned reference: receive without a PO, return without an RMA. */
    NO_REFERENCE,
    /** Link a document (COA) by its id. */
    LINK_DOCUMENT,
    /** Choose the kind of transformation. */
    CHOOSE_KIND,
    /** Key a PIN. */
    KEY_PIN,
    /** Confirm what is on the screen (the same as the confirming scan). */
    CONFIRM,
    /** Skip the current pick line. */
    SKIP_LINE,
    /** Abandon what is not yet stored and start over. */
    CANCEL
}
