package dev.triggerforge.console.event;

import dev.triggerforge.model.ruleset.DrlSource;

/** Tells interested views the DRL draft changed, as the source file a rule set would carry. */
public record DraftEdited(DrlSource draft) implements ConsoleEvent {

    public String name() {
        return draft.name();
    }
}
