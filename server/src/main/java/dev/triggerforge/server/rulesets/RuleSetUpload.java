package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.List;
import java.util.Map;

/**
 * A new rule-set version as a client sends it: the rule set itself, email templates by id, a comment, and what
 * activation should do with waits in flight whose trigger changed ({@code continue}, the default, or
 * {@code cancel-changed}).
 */
public record RuleSetUpload(String name, String comment, String inFlight, List<DrlSource> drl,
                            List<TriggerSpec> triggers, GuardrailSettings guardrails,
                            Map<String, EmailTemplate> templates) {

    public RuleSetUpload {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    /** A rule set without templates of its own. */
    public RuleSetUpload(String name, String comment, String inFlight, List<DrlSource> drl, List<TriggerSpec> triggers,
                         GuardrailSettings guardrails) {
        this(name, comment, inFlight, drl, triggers, guardrails, Map.of());
    }

    public static final List<String> IN_FLIGHT = List.of("continue", "cancel-changed");

    public RuleSet ruleSet() {
        return new RuleSet(name == null || name.isBlank() ? "unnamed" : name, drl, triggers, guardrails);
    }

    public String inFlightPolicy() {
        return inFlight == null ? "continue" : inFlight;
    }
}
