package org.lotkeeper.client.workflow;

import java.util.Set;

/**
 * A UI-free state machine for one job on the device, driven by {@link Command}s through
 * {@link #handle}, its one entry point; it tells the UI what to show through {@link Screen}. No
 * command throws for bad input: whatever is scanned or keyed, the answer is a screen, with ERROR
 * feedback and a sentence saying what to do when the input cannot be used. Events are stored
 * through the {@link CapturePort}; GOOD feedback for a stored event comes only after the port
 * returned. Not thread-safe: drive one workflow from one thread.
 */
public interface Workflow {

    /** Which workflow this is. */
    WorkflowKind kind();

    /** What to show now. */
    Screen screen();

    /** Carries out one command and answers what to show. */
    Screen handle(Command command);

    /**
     * Every action this workflow takes in some step (SCAN and CANCEL always); a command of another
     * kind is answered "not possible here". {@link Screen#actions()} says which are offered now.
     */
    Set<UiAction> offers();
}
