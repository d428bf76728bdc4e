package dev.triggerforge.console.event;

/** Marks what may travel on the {@link EventBus}, so views exchange typed messages instead of references. */
public interface ConsoleEvent {
}
