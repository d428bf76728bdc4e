package dev.triggerforge.console.event;

/** Tells interested views the DRL draft changed, so the simulation can run what the marketer is editing. */
public record DraftEdited(String name, String drl) implements ConsoleEvent {
}
