package dev.triggerforge.rules.optimization;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.json.Json;

/** The plain-text form of an explanation that timelines show next to a send, and its stored JSON read back. */
public final class Explanations {

    private Explanations() {
    }

    /** {@code ". Variant: …. Send time: …"}, or empty text when no model chose anything. */
    public static String summary(Explanation why) {
        if (why == null || why.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (why.variantReason() != null) {
            out.append(". Variant: ").append(why.variantReason());
        }
        if (why.sendTimeReason() != null) {
            out.append(". Send time: ").append(why.sendTimeReason());
        }
        return out.toString();
    }

    /** An explanation stored as JSON with a send; null for null. */
    public static Explanation parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored explanation is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
