package dev.triggerforge.console.shell;

import dev.triggerforge.console.Fx;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** A window closed somewhere reopens there; with nothing remembered it opens at the default size. */
@ExtendWith(ApplicationExtension.class)
class WindowBoundsTest {

    private final Preferences prefs = Preferences.userRoot().node("dev/triggerforge/console-tests/bounds");

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void restoresWhatWasSaved(FxRobot robot) {
        WindowBounds bounds = new WindowBounds(prefs);
        double[] restored = Fx.on(() -> {
            Stage closed = new Stage();
            closed.setX(40);
            closed.setY(30);
            closed.setWidth(900);
            closed.setHeight(600);
            bounds.save(closed);
            Stage reopened = new Stage();
            bounds.restore(reopened);
            return new double[] {reopened.getX(), reopened.getY(), reopened.getWidth(), reopened.getHeight()};
        });
        assertThat(restored).containsExactly(40, 30, 900, 600);
    }

    @Test
    void opensAtTheDefaultSizeTheFirstTime(FxRobot robot) {
        double[] size = Fx.on(() -> {
            Stage first = new Stage();
            new WindowBounds(prefs).restore(first);
            return new double[] {first.getWidth(), first.getHeight()};
        });
        assertThat(size).containsExactly(WindowBounds.DEFAULT_WIDTH, WindowBounds.DEFAULT_HEIGHT);
    }
}
