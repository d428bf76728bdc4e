package dev.triggerforge.console;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Where the console keeps what outlives a session (drafts, window placement), gathered so tests can point it at a
 * scratch folder and preferences node instead of the marketer's own.
 */
public record ConsoleSettings(Path draftsFolder, Preferences preferences) {

    /** {@code ~/.triggerforge/console/drafts} and the user preferences node of this package. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Path.of(System.getProperty("user.home"), ".triggerforge", "console", "drafts"),
                Preferences.userNodeForPackage(ConsoleSettings.class));
    }
}
