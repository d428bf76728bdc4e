package dev.triggerforge.console;

import dev.triggerforge.console.connection.Connection;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.workspace.Workspace;

/**
 * What every view may use: the bus to the other views, the worker threads, the server connection, the working rule
 * set and the settings.
 */
public record ConsoleContext(EventBus bus, BackgroundWork work, Connection connection, Workspace workspace,
                             ConsoleSettings settings) {
}
