package dev.triggerforge.console.simulation;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes are explained in a dialog in plain words: a bad setting, or a draft that does not compile. */
@ExtendWith(ApplicationExtension.class)
class SimulationErrorsTest {

    @TempDir
    Path drafts;

    @Start
    void start(Stage stage) {
        ConsoleFixture.open(stage, drafts);
    }

    @Test
    void aSettingThatIsNotANumberIsNamedInADialog(FxRobot robot) {
        robot.clickOn("#nav-simulation");
        robot.interact(() -> robot.lookup("#customers").queryAs(TextField.class).setText("lots"));
        robot.clickOn("#run-simulation");

        DialogPane dialog = awaitDialog(robot);
        assertThat(dialog.getHeaderText()).isEqualTo("The simulation settings need a fix");
        assertThat(dialog.getContentText()).isEqualTo("Customers must be a whole number, not 'lots'.");
        assertThat(robot.lookup("#simulation-status").queryAs(Label.class).getText()).isEqualTo("Not run yet.");
    }

    @Test
    void aDraftThatDoesNotCompileIsReportedWithItsLine(FxRobot robot) {
        CodeArea editor = robot.lookup("#drl-editor").queryAs(CodeArea.class);
        robot.interact(() -> editor.replaceText(editor.getText().replace("EventFact(", "EventFakt(")));
        Label state = robot.lookup("#check-state").queryAs(Label.class);
        Fx.await("the broken draft to be checked", () -> state.getText().endsWith("error")
                || state.getText().endsWith("errors"));

        robot.clickOn("#nav-simulation");
        robot.clickOn("#with-draft");
        assertThat(robot.lookup("#with-draft").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.interact(() -> {
            robot.lookup("#customers").queryAs(TextField.class).setText("50");
            robot.lookup("#days").queryAs(TextField.class).setText("1");
        });
        robot.clickOn("#run-simulation");

        DialogPane dialog = awaitDialog(robot);
        assertThat(dialog.getHeaderText()).isEqualTo("The rules do not compile");
        assertThat(dialog.getContentText()).contains("vip-thanks.drl:8:").contains("EventFakt");
        Fx.await("the status to say so", () -> robot.lookup("#simulation-status").queryAs(Label.class).getText()
                .equals("Simulation failed."));
    }

    /** Closes the dialogs a test opened, so the next test class's shortcuts reach its own window. */
    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .forEach(Window::hide));
    }

    private static DialogPane awaitDialog(FxRobot robot) {
        Fx.await("an error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }
}
