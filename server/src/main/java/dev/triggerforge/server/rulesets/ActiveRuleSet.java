package dev.triggerforge.server.rulesets;

import dev.triggerforge.rules.compile.CompiledRuleSet;

/** The compiled rule set the engine runs, with the stored version it came from. */
public record ActiveRuleSet(long version, CompiledRuleSet compiled) {
}
