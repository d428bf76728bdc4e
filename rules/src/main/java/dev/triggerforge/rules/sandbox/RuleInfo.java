package dev.triggerforge.rules.sandbox;

/**
 * The size of one rule (or query) as written, for the rule-set limits: where it starts, how many characters it spans
 * and how many patterns it joins.
 */
public record RuleInfo(String name, int line, int characters, int patterns) {
}
