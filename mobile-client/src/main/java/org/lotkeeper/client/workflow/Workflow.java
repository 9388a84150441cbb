package org.lotkeeper.client.workflow;

import org.lotkeeper.client.scan.RawScan;

/**
 * A UI-free state machine for one job on the device. It is driven by scans and by a few explicit
 * actions (each workflow's own methods), and tells the UI what to show through {@link Screen}.
 * No method throws for bad input: whatever is scanned or keyed, the answer is a screen, with
 * ERROR feedback and a sentence saying what to do when the input cannot be used. Events are
 * stored through the {@link CapturePort}; GOOD feedback for a stored event comes only after the
 * port returned. Not thread-safe: drive one workflow from one thread.
 */
public interface Workflow {

    /** Which workflow this is. */
    WorkflowKind kind();

    /** What to show now. */
    Screen screen();

    /** Handles one scan. */
    Screen accept(RawScan scan);

    /** Abandons whatever is not yet stored and goes back to the first step. */
    Screen cancel();
}
