package dev.triggerforge.console.event;

import dev.triggerforge.console.workspace.Workspace;

/** The working rule set changed (a trigger, the DRL draft, or a whole rule set opened); read it from the workspace. */
public record WorkspaceChanged(Workspace workspace) implements ConsoleEvent {
}
