package dev.triggerforge.rules.optimization.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.io.UncheckedIOException;

/**
 * The four ways the evaluated trigger runs: as today (fixed even split, sent when due), with each model alone, and
 * with both, so the candidate's effect can be split into its parts.
 */
public enum EvaluationArm {

    BASELINE("baseline: fixed 50/50, sent when due", false, false),
    ADAPTIVE("adaptive split, sent when due", true, false),
    BEST_TIME("fixed 50/50, best time within 24 h", false, true),
    CANDIDATE("candidate: adaptive split, best time within 24 h", true, true);

    /** The trigger's id, the experiment's id and the rule id of its decisions. */
    public static final String RULE_ID = "browse-follow-up";

    private static final String TRIGGER = """
            {"id": "browse-follow-up", "name": "Browse follow-up",
             "description": "An hour after the last product view of a visit, unless the cart was filled or an order placed.",
             "priority": 30, "subject": "customer", "entry": {"eventType": "product_view"},
             "restartOn": [{"eventType": "product_view"}],
             "cancelOn": [{"eventType": "cart_add"}, {"eventType": "purchase"}],
             "wait": "PT1H", "oncePer": "P1D", "templateId": "browse-follow-up", "requires": ["customer.email"],
             "variants": [{"id": "a", "weight": 50}, {"id": "b", "weight": 50}]%s}""";

    private final String label;
    private final boolean adaptive;
    private final boolean bestTime;

    EvaluationArm(String label, boolean adaptive, boolean bestTime) {
        this.label = label;
        this.adaptive = adaptive;
        this.bestTime = bestTime;
    }

    public String label() {
        return label;
    }

    public boolean adaptive() {
        return adaptive;
    }

    public boolean bestTime() {
        return bestTime;
    }

    /** The evaluated trigger as this arm runs it. */
    public TriggerSpec trigger() {
        String extra = (adaptive ? ", \"allocation\": \"adaptive\"" : "")
                + (bestTime ? ", \"bestTimeWithin\": \"PT24H\"" : "");
        try {
            return Json.mapper().readValue(TRIGGER.formatted(extra), TriggerSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the evaluated trigger does not parse", e);
        }
    }
}
