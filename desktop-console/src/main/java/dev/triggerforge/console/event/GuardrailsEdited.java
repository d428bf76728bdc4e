package dev.triggerforge.console.event;

import dev.triggerforge.model.ruleset.GuardrailSettings;

/** The rule set's guardrails (frequency cap, quiet hours) after a change in the guided editor. */
public record GuardrailsEdited(GuardrailSettings guardrails) implements ConsoleEvent {
}
