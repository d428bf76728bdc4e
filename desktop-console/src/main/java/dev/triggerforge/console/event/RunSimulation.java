package dev.triggerforge.console.event;

/** Asks the simulation view to start a run with its current settings (Ctrl+R). */
public record RunSimulation() implements ConsoleEvent {
}
