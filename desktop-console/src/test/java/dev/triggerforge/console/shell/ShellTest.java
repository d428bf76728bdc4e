package dev.triggerforge.console.shell;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.ConsoleSettings;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.event.ViewId;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell opens on the rules editor and switches views from the keyboard and the navigation. */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    @TempDir
    static Path drafts;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ConsoleFixture.open(stage, drafts);
    }

    @Test
    void opensOnTheRulesViewAndSwitchesViewsByShortcut(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(centre(robot).getId()).isNotEqualTo("simulation-view");
        assertThat(robot.lookup("#drl-editor").tryQuery()).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(centre(robot).getId()).isEqualTo("simulation-view");
        assertThat(selectedNavigation(robot)).isEqualTo(ViewId.SIMULATION);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(robot.lookup("#drl-editor").tryQuery()).isPresent();
        assertThat(selectedNavigation(robot)).isEqualTo(ViewId.RULES);
    }

    @Test
    void theScreenShownLastIsShownAgainWhenTheConsoleReopens(FxRobot robot) {
        robot.clickOn("#nav-triggers");
        Stage second = Fx.on(Stage::new);
        robot.interact(() -> ConsoleWindow.open(second, new ConsoleSettings(drafts, ConsoleFixture.PREFS)));
        assertThat(((BorderPane) second.getScene().getRoot()).getCenter().lookup("#trigger-list")).isNotNull();
        robot.interact(second::close);
    }

    @Test
    void choosingFromTheNavigationShowsThatView(FxRobot robot) {
        robot.clickOn("#nav-simulation");
        assertThat(centre(robot).getId()).isEqualTo("simulation-view");
    }

    private Node centre(FxRobot robot) {
        return ((BorderPane) stage.getScene().getRoot()).getCenter();
    }

    private ViewId selectedNavigation(FxRobot robot) {
        ListView<?> nav = robot.lookup("#navigation").queryAs(ListView.class);
        return (ViewId) nav.getSelectionModel().getSelectedItem();
    }
}
