package dev.triggerforge.model.ruleset;

import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.List;

/** What a rule-set version is made of: DRL files, guided trigger specs, and the guardrails they share. */
public record RuleSet(String name, List<DrlSource> drl, List<TriggerSpec> triggers, GuardrailSettings guardrails) {

    public RuleSet {
        drl = drl == null ? List.of() : List.copyOf(drl);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        guardrails = guardrails == null ? GuardrailSettings.DEFAULTS : guardrails;
    }
}
