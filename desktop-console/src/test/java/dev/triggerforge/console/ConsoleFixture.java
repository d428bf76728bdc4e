package dev.triggerforge.console;

import atlantafx.base.theme.PrimerLight;
import dev.triggerforge.console.shell.ConsoleWindow;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/** Opens the real console window with a scratch folder and preferences node, as the tests' starting point. */
public final class ConsoleFixture {

    /** The scratch preferences node every test window uses. */
    public static final Preferences PREFS = Preferences.userRoot().node("dev/triggerforge/console-tests");

    private ConsoleFixture() {
    }

    /** The window with its drafts, profiles and key under {@code folder}. */
    public static ConsoleWindow open(Stage stage, Path folder) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        PREFS.remove(ConsoleWindow.LAST_VIEW);
        return ConsoleWindow.open(stage, new ConsoleSettings(folder, PREFS));
    }

    /** The window already connected, as the admin, to the server the tests started (see {@link TestServer}). */
    public static ConsoleWindow openConnected(Stage stage, Path folder) {
        ConsoleWindow window = open(stage, folder);
        TestServer server = TestServer.shared();
        window.connection().connected(server.client(), "admin", java.util.List.of("admin"));
        return window;
    }
}
