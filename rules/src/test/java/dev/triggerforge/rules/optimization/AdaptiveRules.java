package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.session.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** Rule sets with adaptive triggers for the optimization tests. */
final class AdaptiveRules {

    static final GuardrailSettings QUIET_21_TO_8 = new GuardrailSettings(5, Duration.ofHours(24), LocalTime.of(21, 0),
            LocalTime.of(8, 0));

    private AdaptiveRules() {
    }

    /** The abandoned-cart trigger with extra JSON fields, such as {@code "bestTimeWithin": "PT24H"}. */
    static TriggerSpec cart(String extraFields) {
        return spec("""
                {"id": "cart", "priority": 40, "subject": "cart", "entry": {"eventType": "cart_add"}, "wait": "PT30M",
                 "restartOn": [{"eventType": "cart_add"}], "cancelOn": [{"eventType": "purchase"}],
                 "templateId": "cart-abandonment", %s}""".formatted(extraFields));
    }

    /** A welcome sent at once on sign-up. */
    static TriggerSpec welcome() {
        return spec("""
                {"id": "welcome", "priority": 50, "subject": "customer", "entry": {"eventType": "signup"},
                 "templateId": "welcome"}""");
    }

    static CompiledRuleSet compile(GuardrailSettings guardrails, TriggerSpec... triggers) {
        return Scenario.compile(new RuleSet("adaptive", List.of(), List.of(triggers), guardrails));
    }

    private static TriggerSpec spec(String json) {
        try {
            return Json.mapper().readValue(json, TriggerSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
