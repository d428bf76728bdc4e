package dev.triggerforge.console.library;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline, the library says so plainly and the local what-if still compares the working copy with the library. */
@ExtendWith(ApplicationExtension.class)
class LibraryOfflineTest {

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        ConsoleFixture.open(stage, folder);
    }

    @Test
    void offlineTheServerPartSaysSoAndTheWorkingCopyIsListed(FxRobot robot) {
        showLibrary(robot);
        assertThat(robot.lookup("#library-server-state").queryAs(Label.class).getText())
                .startsWith("Offline: connect to a server");
        assertThat(robot.lookup("#library-versions").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(robot.lookup("#library-working-copy").queryAs(Label.class).getText())
                .contains("built-in library").contains("4 triggers");
        robot.clickOn("#library-tab-deploy");
        assertThat(robot.lookup("#deploy-validate").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#deploy-upload").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aLongerCartWaitSendsDifferentlyThanTheLibraryOnTheSameCustomers(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Fx.await("the Triggers screen", () -> robot.lookup("#trigger-wait").tryQuery().isPresent());
        TextField wait = robot.lookup("#trigger-wait").queryAs(TextField.class);
        robot.interact(() -> wait.setText("P1D"));
        showLibrary(robot);
        robot.clickOn("#library-tab-whatif");
        robot.interact(() -> {
            robot.lookup("#whatif-customers").queryTextInputControl().setText("200");
            robot.lookup("#whatif-days").queryTextInputControl().setText("3");
        });
        robot.clickOn("#whatif-run");

        Label status = robot.lookup("#whatif-status").queryAs(Label.class);
        Fx.await("the what-if", () -> status.getText().contains("sends, in"));
        assertThat(status.getText()).startsWith("built-in library against the working copy");
        TableView<WhatIfOutcome.RuleSends> rules = robot.lookup("#whatif-rules").queryTableView();
        WhatIfOutcome.RuleSends cart = Fx.on(() -> rules.getItems().stream()
                .filter(r -> r.ruleId().equals("cart-abandonment")).findFirst().orElseThrow());
        assertThat(cart.candidate()).as("cart sends with a one-day wait").isNotEqualTo(cart.baseline());
        assertThat(robot.lookup("#whatif-summary").queryAs(Label.class).getText()).contains("only the active version");
        assertThat(robot.lookup("#whatif-overlap-title").queryAs(Label.class).getText()).startsWith("Overlaps: ");
    }

    @Test
    void cancelStopsAWhatIfUnderWay(FxRobot robot) {
        showLibrary(robot);
        robot.clickOn("#library-tab-whatif");
        robot.interact(() -> {
            robot.lookup("#whatif-customers").queryTextInputControl().setText("10000");
            robot.lookup("#whatif-days").queryTextInputControl().setText("7");
        });
        robot.clickOn("#whatif-run");
        ProgressBar progress = robot.lookup("#whatif-progress").queryAs(ProgressBar.class);
        Fx.await("the simulation to make progress", () -> progress.getProgress() > 0);
        robot.clickOn("#whatif-cancel");

        Label status = robot.lookup("#whatif-status").queryAs(Label.class);
        Fx.await("the cancellation", () -> status.getText().equals("What-if cancelled."));
        assertThat(robot.lookup("#whatif-run").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#whatif-rules").queryTableView().getItems()).isEmpty();
    }

    @Test
    void aMalformedLineOfARecordedFileIsNamedAndNothingRuns(FxRobot robot) throws Exception {
        StringWriter events = new StringWriter();
        SyntheticTraffic.generate(SyntheticConfig.of(50, 1, 7)).writeEvents(events);
        List<String> lines = new ArrayList<>(events.toString().lines().limit(2).toList());
        lines.add("{\"type\": \"cart_updated\", \"this is\": not json");
        Path file = Files.write(folder.resolve("recorded.jsonl"), lines);
        showLibrary(robot);
        robot.clickOn("#library-tab-whatif");
        robot.interact(() -> robot.lookup("#events-file").queryTextInputControl().setText(file.toString()));
        robot.clickOn("#whatif-run");

        Fx.await("the error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("The recorded files have 1 malformed line").contains("recorded.jsonl line 3: ");
        robot.clickOn("OK");
        assertThat(robot.lookup("#whatif-status").queryAs(Label.class).getText()).contains("malformed line");
        assertThat(robot.lookup("#whatif-rules").queryTableView().getItems()).isEmpty();
    }

    private static void showLibrary(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        Fx.await("Ctrl+4 to show the library", () -> robot.lookup("#library-view").tryQuery().isPresent());
    }
}
