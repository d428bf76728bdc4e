package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adaptive options a marketer can get wrong are refused before any DRL is generated, with the field named. */
class AdaptiveSpecValidationTest {

    @Test
    void adaptiveNeedsTwoSendingVariants() {
        assertRejected("""
                "allocation": "adaptive", "variants": [{"id": "a", "weight": 90},
                 {"id": "holdout", "weight": 10, "holdout": true}]""",
                "allocation", "at least two sending variants");
    }

    @Test
    void theBestTimeWindowIsWholeHoursUpToAWeek() {
        assertRejected("\"bestTimeWithin\": \"PT30M\"", "bestTimeWithin", "whole hours from PT1H to P7D");
        assertRejected("\"bestTimeWithin\": \"P8D\"", "bestTimeWithin", "whole hours from PT1H to P7D");
        assertRejected("\"bestTimeWithin\": \"PT1H30M\"", "bestTimeWithin", "whole hours");
    }

    private static void assertRejected(String fields, String field, String message) {
        RuleSet rules = new RuleSet("bad", List.of(), List.of(AdaptiveRules.cart(fields)),
                AdaptiveRules.QUIET_21_TO_8);
        assertThatThrownBy(() -> new RuleSetCompiler().compile(rules))
                .isInstanceOf(RuleSetRejectedException.class)
                .hasMessageContaining(field).hasMessageContaining(message);
    }
}
