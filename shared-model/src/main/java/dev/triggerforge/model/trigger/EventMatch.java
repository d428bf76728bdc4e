package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An event type plus the conditions its properties must meet. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventMatch(String eventType, List<Condition> conditions) {

    public EventMatch {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static EventMatch of(String eventType) {
        return new EventMatch(eventType, List.of());
    }
}
