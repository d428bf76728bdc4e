package dev.triggerforge.console.event;

import dev.triggerforge.console.connection.ServerClient;

/** The console connected to a server ({@code client} present) or went offline ({@code client} null). */
public record ConnectionChanged(ServerClient client) implements ConsoleEvent {

    public boolean online() {
        return client != null;
    }
}
