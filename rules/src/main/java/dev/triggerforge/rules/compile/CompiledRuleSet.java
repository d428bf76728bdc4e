package dev.triggerforge.rules.compile;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import org.kie.api.KieBase;

import java.time.Duration;
import java.util.Map;

/**
 * A rule set compiled into a stream-mode KieBase, ready to open sessions, with the trigger specs the runtime needs
 * at fire time and the DRL generated from them (shown to authors, and the lines compile errors point at).
 */
public record CompiledRuleSet(RuleSet ruleSet, KieBase kieBase, Map<String, TriggerSpec> triggers,
                              Map<String, String> generatedDrl, Duration compileTime) {

    /**
     * The longest time any trigger may wait, including variant overrides and the wait for a best send time: how far a
     * replay must run past its data.
     */
    public Duration longestWait() {
        Duration longest = Duration.ZERO;
        for (TriggerSpec t : triggers.values()) {
            Duration own = t.waitDuration();
            for (var v : t.variants()) {
                if (v.waitDuration() != null) {
                    own = max(own, v.waitDuration());
                }
            }
            longest = max(longest, t.bestTimeWithin() == null ? own : own.plus(t.bestTimeWithin()));
        }
        return longest;
    }

    /** The longest once-per window of any trigger: how long a session must remember past sends to honour it. */
    public Duration longestOncePer() {
        Duration longest = Duration.ZERO;
        for (TriggerSpec t : triggers.values()) {
            if (t.oncePer() != null) {
                longest = max(longest, t.oncePer());
            }
        }
        return longest;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
