package org.lotkeeper.client.workflow;

/**
 * A workflow that takes a keyed quantity ("20", "3 PAIL") in some of its steps: receive, move,
 * pick, count, ship, produce and return. The screens and the simulator hand typed quantities to
 * it through this one interface instead of knowing each workflow's class.
 */
public interface KeysQuantity extends Workflow {

    /** Takes a keyed quantity; a quantity that cannot be used is ERROR feedback, never an exception. */
    Screen keyQuantity(String text);
}
