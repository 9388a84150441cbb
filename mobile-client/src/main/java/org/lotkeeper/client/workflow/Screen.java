package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.fefo.Allocation;

/**
 * What the UI shows for a workflow right now: an immutable snapshot, replaced after every command.
 * What the screens act on is typed — the step, the offered actions and choices, the FEFO
 * suggestion, the blocked lot — so no screen reads state back out of a sentence.
 *
 * @param workflow which workflow
 * @param step     where it stands (the workflow's own {@code Step} enum)
 * @param prompt   what to do next, e.g. "Scan the location label"
 * @param feedback the answer to the last command, if any
 * @param filled   what is filled in so far, in order, for reading
 * @param actions  the taps offered now ({@link UiAction#CANCEL} whenever something can be abandoned; never SCAN)
 * @param choices  the one-tap choices offered now (reasons, kinds of batch); empty otherwise
 * @param fefo     pick: the lot, location and quantity FEFO says to take for the current line
 * @param blocked  a lot on this screen that must not be used, and why (the red banner)
 */
public record Screen(
        WorkflowKind workflow,
        WorkflowStep step,
        String prompt,
        Optional<Feedback> feedback,
        List<Field> filled,
        Set<UiAction> actions,
        List<Choice> choices,
        Optional<Allocation> fefo,
        Optional<Blocked> blocked) {

    public Screen {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(fefo, "fefo");
        Objects.requireNonNull(blocked, "blocked");
        filled = List.copyOf(filled);
        actions = Set.copyOf(actions);
        choices = List.copyOf(choices);
    }

    /** The value of the filled field with this label, if shown. */
    public Optional<String> value(String label) {
        return filled.stream()
                .filter(f -> f.label().equals(label))
                .map(Field::value)
                .findFirst();
    }

    /** The values of the choices offered now. */
    public List<String> choiceValues() {
        return choices.stream().map(Choice::value).toList();
    }

    /** The same screen with other feedback (what a reworded message would look like). */
    public Screen withFeedback(Feedback other) {
        return new Screen(workflow, step, prompt, Optional.of(other), filled, actions, choices, fefo, blocked);
    }
}
