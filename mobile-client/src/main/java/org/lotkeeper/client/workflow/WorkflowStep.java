package org.lotkeeper.client.workflow;

/** A step of one workflow; each workflow has its own {@code Step} enum implementing this. */
public interface WorkflowStep {

    /** The step's constant name, e.g. {@code LOCATION}. */
    String name();
}
