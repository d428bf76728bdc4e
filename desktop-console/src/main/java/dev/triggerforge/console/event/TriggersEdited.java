package dev.triggerforge.console.event;

import dev.triggerforge.model.trigger.TriggerSpec;

import java.util.List;

/** The guided editor's trigger specs after a change, in list order. */
public record TriggersEdited(List<TriggerSpec> triggers) implements ConsoleEvent {

    public TriggersEdited {
        triggers = List.copyOf(triggers);
    }
}
