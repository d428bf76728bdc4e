package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided trigger rule as a marketer writes it: when an entry event happens (optionally repeated), wait, unless a
 * cancelling event comes first (a restarting event starts the wait over), then send a template. The engine turns it
 * into DRL.
 *
 * @param oncePer  at most one send per subject within this window; null means once per subject, ever
 * @param requires   personalization values that must be known, or the send is suppressed as {@code missing_data}
 * @param experiment the id of the experiment its variants form, salting the assignment hash; null means the trigger id
 * @param parameters template variables every send carries (a subject line, a discount); a variant's override them
 * @param allocation how the variants split customers; null means {@link AllocationMode#FIXED}
 * @param bestTimeWithin when set, a due email waits for the customer's best local hour within this long (still
 *                       outside quiet hours); null sends it when due
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "name", "description", "priority", "subject", "entry", "repeat", "wait", "restartOn",
        "cancelOn", "oncePer", "templateId", "parameters", "requires", "experiment", "allocation", "variants", "bestTimeWithin", "guardrails"})
public record TriggerSpec(String id, String name, String description, int priority, Subject subject,
                          EventMatch entry, Repeat repeat,
                          @JsonProperty("wait") Duration waitDuration, List<EventMatch> restartOn,
                          List<EventMatch> cancelOn, Duration oncePer, String templateId, List<String> requires,
                          List<Variant> variants, GuardrailOverrides guardrails, String experiment,
                          Map<String, Object> parameters, AllocationMode allocation, Duration bestTimeWithin) {

    public TriggerSpec {
        restartOn = restartOn == null ? List.of() : List.copyOf(restartOn);
        cancelOn = cancelOn == null ? List.of() : List.copyOf(cancelOn);
        requires = requires == null ? List.of() : List.copyOf(requires);
        variants = variants == null ? List.of() : List.copyOf(variants);
        guardrails = guardrails == null ? GuardrailOverrides.NONE : guardrails;
        waitDuration = waitDuration == null ? Duration.ZERO : waitDuration;
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        allocation = allocation == AllocationMode.FIXED ? null : allocation;
    }

    /** A trigger with a fixed split that sends when due. */
    public TriggerSpec(String id, String name, String description, int priority, Subject subject, EventMatch entry,
                       Repeat repeat, Duration waitDuration, List<EventMatch> restartOn, List<EventMatch> cancelOn,
                       Duration oncePer, String templateId, List<String> requires, List<Variant> variants,
                       GuardrailOverrides guardrails, String experiment, Map<String, Object> parameters) {
        this(id, name, description, priority, subject, entry, repeat, waitDuration, restartOn, cancelOn, oncePer,
                templateId, requires, variants, guardrails, experiment, parameters, null, null);
    }

    /** A trigger outside any experiment, with no parameters of its own. */
    public TriggerSpec(String id, String name, String description, int priority, Subject subject, EventMatch entry,
                       Repeat repeat, Duration waitDuration, List<EventMatch> restartOn, List<EventMatch> cancelOn,
                       Duration oncePer, String templateId, List<String> requires, List<Variant> variants,
                       GuardrailOverrides guardrails) {
        this(id, name, description, priority, subject, entry, repeat, waitDuration, restartOn, cancelOn, oncePer,
                templateId, requires, variants, guardrails, null, null, null, null);
    }

    /** The id variant assignment is salted with and results are reported under. */
    public String experimentId() {
        return experiment != null ? experiment : id;
    }

    /** Whether the variants learn which one works best. */
    @JsonIgnore
    public boolean isAdaptive() {
        return allocation == AllocationMode.ADAPTIVE && !variants.isEmpty();
    }

    /** The same trigger with other variants, experiment id and parameters: what promoting a winner writes. */
    public TriggerSpec withExperiment(List<Variant> newVariants, String newExperiment,
                                      Map<String, Object> newParameters, String newTemplateId, Duration newWait) {
        return new TriggerSpec(id, name, description, priority, subject, entry, repeat, newWait, restartOn, cancelOn,
                oncePer, newTemplateId, requires, newVariants, guardrails, newExperiment, newParameters,
                newVariants.isEmpty() ? null : allocation, bestTimeWithin);
    }
}
