package dev.triggerforge.console;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Where the console keeps what outlives a session (drafts, server profiles, window placement), gathered so tests can
 * point it at a scratch folder and preferences node instead of the marketer's own.
 */
public record ConsoleSettings(Path folder, Preferences preferences) {

    /** {@code ~/.triggerforge/console} and the user preferences node of this package. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Path.of(System.getProperty("user.home"), ".triggerforge", "console"),
                Preferences.userNodeForPackage(ConsoleSettings.class));
    }

    public Path draftsFolder() {
        return folder.resolve("drafts");
    }

    /** Trigger sets saved from the guided editor. */
    public Path ruleSetsFolder() {
        return folder.resolve("rule-sets");
    }

    /** Server profiles: URL and user in clear, the secret encrypted with {@link #keyFile()}. */
    public Path profilesFile() {
        return folder.resolve("servers.json");
    }

    /** The key that encrypts stored secrets, readable by its owner only. */
    public Path keyFile() {
        return folder.resolve("console.key");
    }
}
