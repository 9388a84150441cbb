package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the UI shows for a workflow right now: an immutable snapshot, replaced after every scan or
 * action.
 *
 * @param workflow which workflow
 * @param step     where it stands (the workflow's own {@code Step} enum)
 * @param prompt   what to do next, e.g. "Scan the location label"
 * @param feedback the answer to the last scan or action, if any
 * @param filled   what is filled in so far, in order
 * @param actions  the taps offered now ({@link UiAction#CANCEL} whenever something can be abandoned)
 * @param choices  the one-tap choices for {@link UiAction#CHOOSE_REASON} / {@link UiAction#CHOOSE_KIND}; empty otherwise
 */
public record Screen(WorkflowKind workflow, WorkflowStep step, String prompt, Optional<Feedback> feedback,
                     List<Field> filled, Set<UiAction> actions, List<String> choices) {

    public Screen {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(feedback, "feedback");
        filled = List.copyOf(filled);
        actions = Set.copyOf(actions);
        choices = List.copyOf(choices);
    }

    /** The value of the filled field with this label, if shown. */
    public Optional<String> value(String label) {
        return filled.stream().filter(f -> f.label().equals(label)).map(Field::value).findFirst();
    }
}
