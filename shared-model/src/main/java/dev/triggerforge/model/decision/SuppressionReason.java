package dev.triggerforge.model.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a triggered email was not sent: each guardrail has its own reason. */
public enum SuppressionReason {
    /** No marketing consent, or the customer unsubscribed. */
    NO_CONSENT,
    /** The customer already had the maximum number of trigger emails in the cap window. */
    FREQUENCY_CAP,
    /** A value the template requires is unknown, even from the profile. */
    MISSING_DATA,
    /** The rule already sent for this subject within its once-per window. */
    ALREADY_SENT,
    /** The customer is in the experiment's holdout group. */
    HOLDOUT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SuppressionReason parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
