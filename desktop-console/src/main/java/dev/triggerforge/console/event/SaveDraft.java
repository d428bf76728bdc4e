package dev.triggerforge.console.event;

/** Asks the rules editor to save its draft (Ctrl+S), wherever the focus is. */
public record SaveDraft() implements ConsoleEvent {
}
