package dev.triggerforge.console.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.LiveData;
import dev.triggerforge.model.report.VariantResult;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Experiments screen against the real server: the list and the selected experiment's results are the server's,
 * the verdict line follows from them, Pause and Resume change the experiment's status on the server, and Promote
 * asks before it makes a variant everyone's and then shows the server's answer.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsViewTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void arrange() {
        LiveData.deploy();
    }

    @Start
    void start(Stage stage) {
        ConsoleFixture.openConnected(stage, folder);
    }

    @Test
    void theSelectedExperimentsResultsAreTheServersWithAVerdictLine(FxRobot robot) {
        JsonNode before = results();
        long sendsBefore = totalSends(before);
        List<String> people = LiveData.customers("exp", 12);
        LiveData.events(people, "custom:console_ab");
        LiveData.until("12 more sends of the experiment", () -> totalSends(results()) == sendsBefore + 12);

        robot.clickOn("#nav-experiments");
        select(robot);
        TableView<VariantResult> table = robot.lookup("#experiment-results").queryTableView();
        Fx.await("the results table", () -> table.getItems().stream().mapToLong(VariantResult::sends).sum()
                == sendsBefore + 12);

        List<String> serverList = new ArrayList<>();
        LiveData.client().get("/api/experiments").forEach(e -> serverList.add(e.path("experimentId").asText() + "  ("
                + e.path("status").asText() + ")"));
        ListView<ExperimentRow> list = robot.lookup("#experiments-list").queryListView();
        Fx.await("the list as the server has it", () -> list.getItems().stream().map(ExperimentRow::toString)
                .toList().equals(serverList));

        JsonNode server = results();
        List<VariantResult> rows = Fx.on(() -> List.copyOf(table.getItems()));
        assertThat(rows).extracting(VariantResult::variant).containsExactly("a", "b");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode arm = server.path("variants").get(i);
            assertThat(rows.get(i).sends()).isEqualTo(arm.path("sends").asLong());
            assertThat(rows.get(i).conversions()).isEqualTo(arm.path("conversions").asLong());
            assertThat(ResultsPane.rate(rows.get(i).conversionRate())).isEqualTo(String.format(Locale.ROOT,
                    "%.2f%% (%.2f–%.2f)", arm.path("conversionRate").path("value").asDouble() * 100,
                    arm.path("conversionRate").path("low").asDouble() * 100,
                    arm.path("conversionRate").path("high").asDouble() * 100));
        }
        assertThat(server.path("recommendation").path("verdict").asText()).isEqualTo("not_yet");
        long minimum = LiveData.client().get("/api/experiments/" + LiveData.AB).path("settings")
                .path("minimumSample").asLong();
        long missing = 2 * minimum - totalSends(server);
        assertThat(robot.lookup("#experiment-verdict").queryAs(Label.class).getText())
                .isEqualTo("not yet: need about " + VerdictText.about(missing) + " more sends (each variant needs "
                        + String.format(Locale.ROOT, "%,d", minimum) + ")");
        assertThat(robot.lookup("#experiment-reason").queryAs(Label.class).getText())
                .isEqualTo("Server: " + server.path("recommendation").path("reason").asText());
    }

    @Test
    void pauseAndResumeChangeTheStatusOnTheServer(FxRobot robot) {
        robot.clickOn("#nav-experiments");
        select(robot);

        try {
            robot.clickOn("#experiment-pause");
            LiveData.until("the experiment paused", () -> status().equals("paused"));
            Label said = robot.lookup("#experiments-answer").queryAs(Label.class);
            Fx.await("the answer", () -> said.getText().equals("Experiment " + LiveData.AB + " is now paused."));
            Fx.await("the list", () -> listed(robot).endsWith("(paused)"));

            robot.clickOn("#experiment-resume");
            LiveData.until("the experiment running", () -> status().equals("running"));
            Fx.await("the list", () -> listed(robot).endsWith("(running)"));
        } finally {
            if (!status().equals("running")) {
                LiveData.client().post("/api/experiments/" + LiveData.AB + "/resume", null);
            }
        }
    }

    @Test
    void appliedSettingsAreTheServersAndTheVerdictFollowsThem(FxRobot robot) {
        robot.clickOn("#nav-experiments");
        select(robot);
        try {
            Fx.on(() -> {
                robot.lookup("#experiment-minimum-sample").queryTextInputControl().setText("40");
                return null;
            });
            robot.clickOn("#experiment-apply-settings");

            LiveData.until("the new minimum", () -> LiveData.client().get("/api/experiments/" + LiveData.AB)
                    .path("settings").path("minimumSample").asLong() == 40);
            Fx.await("the answer", () -> robot.lookup("#experiments-answer").queryAs(Label.class).getText()
                    .equals("Settings of " + LiveData.AB + " saved."));
            Fx.await("the verdict under the new minimum", () -> robot.lookup("#experiment-verdict")
                    .queryAs(Label.class).getText().endsWith("more sends (each variant needs 40)"));
        } finally {
            LiveData.client().put("/api/experiments/" + LiveData.AB + "/settings",
                    Map.of("settings", Map.of("minimumSample", 1000), "autoPromote", false));
        }
    }

    @Test
    void promotingAsksFirstThenShowsTheVersionTheServerActivated(FxRobot robot) {
        robot.clickOn("#nav-experiments");
        select(robot, LiveData.PROMOTE);
        Fx.on(() -> {
            robot.lookup("#experiment-promote-variant").queryAs(ChoiceBox.class).setValue("b");
            return null;
        });

        robot.clickOn("#experiment-promote");
        Fx.await("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("Make variant 'b' everyone's?").contains("stops experiment " + LiveData.PROMOTE);
        robot.clickOn("OK");

        LiveData.until("the experiment promoted", () -> LiveData.client().get("/api/experiments/"
                + LiveData.PROMOTE).hasNonNull("promotedVersion"));
        JsonNode promoted = LiveData.client().get("/api/experiments/" + LiveData.PROMOTE);
        assertThat(promoted.path("status").asText()).isEqualTo("stopped");
        Label said = robot.lookup("#experiments-answer").queryAs(Label.class);
        String expected = "Variant 'b' is everyone's now: rule-set version " + promoted.path("promotedVersion")
                .asLong() + " is active and experiment " + LiveData.PROMOTE + " is stopped.";
        Fx.await("the server's answer", () -> said.getText().equals(expected));
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).isEqualTo(expected);
        robot.clickOn("OK");
    }

    @Test
    void designInTriggersOpensTheTriggerFormAndThePlannerSizesATest(FxRobot robot) {
        robot.clickOn("#nav-experiments");
        Fx.on(() -> {
            robot.lookup("#sample-baseline").queryTextInputControl().setText("5");
            robot.lookup("#sample-lift").queryTextInputControl().setText("20");
            return null;
        });
        assertThat(robot.lookup("#sample-answer").queryAs(Label.class).getText())
                .startsWith("About 8,158 sends per variant to see 5.00% become 6.00%");

        robot.clickOn("#experiment-design");
        Fx.await("the Triggers screen", () -> robot.lookup("#triggers-status").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
    }

    private static void select(FxRobot robot) {
        select(robot, LiveData.AB);
    }

    private static void select(FxRobot robot, String id) {
        ListView<ExperimentRow> list = robot.lookup("#experiments-list").queryListView();
        Fx.await("the experiment listed", () -> list.getItems().stream()
                .anyMatch(r -> r.experimentId().equals(id)));
        Fx.on(() -> {
            list.getItems().stream().filter(r -> r.experimentId().equals(id)).findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
            return null;
        });
    }

    private static String listed(FxRobot robot) {
        ListView<ExperimentRow> list = robot.lookup("#experiments-list").queryListView();
        return list.getItems().stream().filter(r -> r.experimentId().equals(LiveData.AB)).findFirst()
                .map(ExperimentRow::toString).orElse("");
    }

    private static JsonNode results() {
        return LiveData.client().get("/api/experiments/" + LiveData.AB + "/results");
    }

    private static String status() {
        return LiveData.client().get("/api/experiments/" + LiveData.AB).path("status").asText();
    }

    private static long totalSends(JsonNode results) {
        long sum = 0;
        for (JsonNode v : results.path("variants")) {
            sum += v.path("sends").asLong();
        }
        return sum;
    }
}
