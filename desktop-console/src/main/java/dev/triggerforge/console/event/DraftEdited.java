package dev.triggerforge.console.event;

import dev.triggerforge.model.ruleset.RuleSet;

/** Tells interested views the DRL draft changed, with the rule set it stands for, so a simulation can run it. */
public record DraftEdited(String name, RuleSet ruleSet) implements ConsoleEvent {
}
