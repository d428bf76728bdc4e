package dev.triggerforge.console.event;

import dev.triggerforge.model.ruleset.RuleSet;

/** Asks the editors to load a rule set (e.g. a server version) as the new working copy; {@code origin} names it. */
public record OpenRuleSet(RuleSet ruleSet, String origin) implements ConsoleEvent {
}
