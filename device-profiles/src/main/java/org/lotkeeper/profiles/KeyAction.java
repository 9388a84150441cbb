package org.lotkeeper.profiles;

import java.util.Optional;

/** What a hardware key does in the client. The first ten open a workflow. */
public enum KeyAction {
    RECEIVE(Workflow.RECEIVE),
    MOVE(Workflow.MOVE),
    PICK(Workflow.PICK),
    COUNT(Workflow.COUNT),
    SHIP(Workflow.SHIP),
    PRODUCE(Workflow.PRODUCE),
    RETURN(Workflow.RETURN),
    LOOKUP(Workflow.LOOKUP),
    PACK(Workflow.PACK),
    TRANSFER_IN(Workflow.TRANSFER_IN),
    /** Confirm the current step or the one question on screen (the "one tap" of an exception). */
    CONFIRM(null),
    /** Go back one step; on a workflow's first step, leave it. */
    BACK(null),
    /** Type a code instead of scanning it (damaged label). */
    MANUAL_ENTRY(null),
    /** Open the camera scanner; needs {@code scanInput.camera}. */
    CAMERA_SCAN(null),
    /** Sync now instead of waiting for the schedule. */
    SYNC_NOW(null),
    /** Show help for the current screen. */
    HELP(null);

    private final Workflow workflow;

    KeyAction(Workflow workflow) {
        this.workflow = workflow;
    }

    /** The workflow this action opens, if it opens one. */
    public Optional<Workflow> workflow() {
        return Optional.ofNullable(workflow);
    }

    /** The action that opens {@code workflow}. */
    public static KeyAction opening(Workflow workflow) {
        return valueOf(workflow.name());
    }
}
