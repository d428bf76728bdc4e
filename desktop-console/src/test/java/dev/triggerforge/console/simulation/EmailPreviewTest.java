package dev.triggerforge.console.simulation;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.TestServer;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulated send's email, rendered by the connected test server's templates with that customer's variables. */
@ExtendWith(ApplicationExtension.class)
class EmailPreviewTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void server() {
        TestServer.shared();
    }

    @Start
    void start(Stage stage) {
        ConsoleFixture.openConnected(stage, folder);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServerRendersTheChosenCustomersCartReminder(FxRobot robot) {
        robot.clickOn("#nav-simulation");
        robot.interact(() -> {
            robot.lookup("#customers").queryAs(TextField.class).setText("300");
            robot.lookup("#days").queryAs(TextField.class).setText("3");
        });
        robot.clickOn("#run-simulation");
        Label status = robot.lookup("#simulation-status").queryAs(Label.class);
        Fx.await("the run to finish", () -> status.getText().contains("sends and"));

        TableView<DecisionRow> decisions = robot.lookup("#decisions").queryAs(TableView.class);
        DecisionRow cart = Fx.on(() -> decisions.getItems().stream()
                .filter(r -> r.outcome().equals(DecisionRow.SENT) && r.ruleId().equals("cart-abandonment"))
                .findFirst().orElseThrow());
        robot.interact(() -> {
            decisions.getSelectionModel().select(cart);
            robot.lookup("#story-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
        });

        Label subject = robot.lookup("#preview-subject").queryAs(Label.class);
        Fx.await("the rendered email", () -> subject.getText().startsWith("Subject: "));
        WebView page = robot.lookup("#preview-page").queryAs(WebView.class);
        Fx.await("the page to load", () -> page.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED);
        String text = Fx.on(() -> (String) page.getEngine().executeScript("document.body.textContent"));
        String variables = robot.lookup("#preview-variables").queryAs(TextArea.class).getText();
        String firstName = variables.replaceAll("(?s).*\"firstName\" : \"([^\"]+)\".*", "$1");
        assertThat(firstName).isNotBlank().doesNotContain("\n");
        assertThat(subject.getText()).contains(firstName);
        assertThat(text).contains(firstName + ", you left something behind").doesNotContain("Preview:");
    }
}
