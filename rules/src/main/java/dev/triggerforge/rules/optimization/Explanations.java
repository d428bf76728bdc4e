package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.decision.Explanation;

/** The plain-text form of an explanation that timelines show next to a send. */
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
}
