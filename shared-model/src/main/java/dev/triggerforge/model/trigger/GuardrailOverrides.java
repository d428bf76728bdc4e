package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-trigger exceptions to the rule set's guardrails; a null field keeps the rule set's setting. Consent can never
 * be switched off here: marketing email without consent is not a setting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardrailOverrides(Boolean frequencyCap, Boolean quietHours) {

    public static final GuardrailOverrides NONE = new GuardrailOverrides(null, null);
}
