package dev.triggerforge.console.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/** Remembers where the marketer left the window, so the console reopens at the same size and place. */
public final class WindowBounds {

    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 800;

    private final Preferences prefs;

    public WindowBounds(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Puts the stage where it was last closed, or centred at the default size; never fully off every screen. */
    public void restore(Stage stage) {
        double width = prefs.getDouble("width", DEFAULT_WIDTH);
        double height = prefs.getDouble("height", DEFAULT_HEIGHT);
        stage.setWidth(width);
        stage.setHeight(height);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, width, height).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    public void save(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            Rectangle2D bounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            prefs.putDouble("x", bounds.getMinX());
            prefs.putDouble("y", bounds.getMinY());
            prefs.putDouble("width", bounds.getWidth());
            prefs.putDouble("height", bounds.getHeight());
        }
    }
}
