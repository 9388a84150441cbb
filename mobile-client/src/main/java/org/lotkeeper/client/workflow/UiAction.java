package org.lotkeeper.client.workflow;

/**
 * What a screen offers besides scanning, and what kind of {@link Command} each is. The happy path
 * needs no tap; an exception needs at most one (a reason is one tap on a choice).
 */
public enum UiAction {
    /** A scan; always possible, never listed in {@link Screen#actions()}. */
    SCAN,
    /** Key a quantity ("20", "3 PAIL"). */
    KEY_QUANTITY,
    /** Key a test result read from a supplier's certificate of analysis. */
    KEY_RESULT,
    /** Key a lot code that cannot be scanned. */
    KEY_LOT,
    /** Choose one of {@link Screen#choices()} (a deviation, return or hold reason, a kind of batch). */
    CHOOSE,
    /** Go on without a scanned reference: receive without a PO, return without an RMA. */
    NO_REFERENCE,
    /** Link a document (COA) by its id. */
    LINK_DOCUMENT,
    /** Key a PIN. */
    KEY_PIN,
    /** Confirm what is on the screen (the same as the confirming scan). */
    CONFIRM,
    /** Skip the current pick line. */
    SKIP_LINE,
    /** Abandon what is not yet stored and start over. */
    CANCEL,
    /**
     * Sync the device now: offered with a refusal whose reason is data this device does not have
     * yet (an item, location, task or user); not a workflow command — the shell asks the sync
     * engine, and the workflow keeps its state.
     */
    SYNC
}
