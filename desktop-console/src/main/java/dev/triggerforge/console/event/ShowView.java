package dev.triggerforge.console.event;

/** Asks the shell to bring a view to the front, from a shortcut, the navigation, or another view. */
public record ShowView(ViewId view) implements ConsoleEvent {
}
