package dev.triggerforge.console;

import atlantafx.base.theme.PrimerLight;
import dev.triggerforge.console.shell.ConsoleWindow;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/** Opens the real console window with a scratch drafts folder and preferences node, as the tests' starting point. */
public final class ConsoleFixture {

    private static final Preferences TEST_PREFS = Preferences.userRoot().node("dev/triggerforge/console-tests");

    private ConsoleFixture() {
    }

    public static ConsoleWindow open(Stage stage, Path drafts) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        return ConsoleWindow.open(stage, new ConsoleSettings(drafts, TEST_PREFS));
    }
}
