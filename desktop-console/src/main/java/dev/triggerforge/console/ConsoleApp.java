package dev.triggerforge.console;

import atlantafx.base.theme.PrimerLight;
import dev.triggerforge.console.shell.ConsoleWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The console's JavaFX entry point: applies the theme and opens the main window with the marketer's settings. */
public final class ConsoleApp extends Application {

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = ConsoleWindow.open(stage, ConsoleSettings.defaults());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    public static void main(String[] args) {
        launch(ConsoleApp.class, args);
    }
}
