package org.lotkeeper.client.ui;

import org.lotkeeper.client.workflow.WorkflowKind;

/** How view models move between screens; the {@link Shell} implements it. */
public interface Navigator {

    void enrollment();

    void login();

    void home();

    void workflow(WorkflowKind kind);

    void syncStatus();

    void settings();

    /** The profile or theme changed: lay the window out again and log in anew. */
    void restyle();

    /** Something was captured or synced: the status bar reads the outbox again. */
    void refreshStatus();
}
