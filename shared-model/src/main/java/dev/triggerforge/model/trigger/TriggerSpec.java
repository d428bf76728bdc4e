package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.List;

/**
 * A guided trigger rule as a marketer writes it: when an entry event happens (optionally repeated), wait, unless a
 * cancelling event comes first (a restarting event starts the wait over), then send a template. The engine turns it
 * into DRL.
 *
 * @param oncePer  at most one send per subject within this window; null means once per subject, ever
 * @param requires personalization values that must be known, or the send is suppressed as {@code missing_data}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "name", "description", "priority", "subject", "entry", "repeat", "wait", "restartOn",
        "cancelOn", "oncePer", "templateId", "requires", "variants", "guardrails"})
public record TriggerSpec(String id, String name, String description, int priority, Subject subject,
                          EventMatch entry, Repeat repeat,
                          @JsonProperty("wait") Duration waitDuration, List<EventMatch> restartOn,
                          List<EventMatch> cancelOn, Duration oncePer, String templateId, List<String> requires,
                          List<Variant> variants, GuardrailOverrides guardrails) {

    public TriggerSpec {
        restartOn = restartOn == null ? List.of() : List.copyOf(restartOn);
        cancelOn = cancelOn == null ? List.of() : List.copyOf(cancelOn);
        requires = requires == null ? List.of() : List.copyOf(requires);
        variants = variants == null ? List.of() : List.copyOf(variants);
        guardrails = guardrails == null ? GuardrailOverrides.NONE : guardrails;
        waitDuration = waitDuration == null ? Duration.ZERO : waitDuration;
    }
}
