package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One test on an event property, e.g. {@code price gte 50} or {@code category eq "shoes"}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(String property, Operator op, Object value) {
}
