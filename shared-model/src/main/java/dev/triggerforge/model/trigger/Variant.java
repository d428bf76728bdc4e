package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.Map;

/**
 * One arm of a trigger's test: its share of customers and what it changes. A holdout variant sends nothing, so the
 * lift of the others can be measured.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Variant(String id, int weight, boolean holdout, String templateId,
                      @JsonProperty("wait") Duration waitDuration,
                      Map<String, Object> parameters) {

    public Variant {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
