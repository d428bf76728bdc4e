package dev.triggerforge.console.simulation;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a simulation runs on: a recorded file replays exactly like the traffic it was recorded from, the behaviour
 * sliders change the shoppers, the guided editor's changes are simulated, and the funnel narrows from decisions to
 * clicks (purchases count within 7 days of a send, clicked or not).
 */
@ExtendWith(ApplicationExtension.class)
class SimulationSourcesTest {

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        ConsoleFixture.open(stage, folder);
    }

    @Test
    void aRecordedFileReplaysLikeTheTrafficItCameFromAndNamesItsBadLine(FxRobot robot) throws Exception {
        robot.clickOn("#nav-simulation");
        String synthetic = run(robot, "200", "3");

        SyntheticTraffic traffic = SyntheticTraffic.generate(SyntheticConfig.of(200, 3, 42));
        List<String> lines = new ArrayList<>();
        for (var event : traffic.events()) {
            lines.add(Json.mapper().writeValueAsString(event));
        }
        lines.add(5, "{\"eventId\":\"broken\",\"customerId\":\"x\",\"type\":\"cart_add\"}");
        Path events = Files.write(folder.resolve("events.jsonl"), lines);
        List<String> profiles = new ArrayList<>();
        for (var profile : traffic.profiles()) {
            profiles.add(Json.mapper().writeValueAsString(profile));
        }
        Path profileFile = Files.write(folder.resolve("profiles.jsonl"), profiles);
        robot.interact(() -> {
            robot.lookup("#events-file").queryAs(TextField.class).setText(events.toString());
            robot.lookup("#profiles-file").queryAs(TextField.class).setText(profileFile.toString());
        });
        assertThat(robot.lookup("#customers").queryAs(TextField.class).isDisabled()).isTrue();
        String replayed = run(robot, null, null);

        String counts = synthetic.substring(0, synthetic.indexOf(" from "));
        assertThat(counts).doesNotStartWith("0 sends");
        assertThat(replayed).startsWith(counts).contains("1 lines skipped, first events.jsonl line 6: ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withNoCartAddsThereIsNoAbandonedCartAndTheFunnelNarrows(FxRobot robot) {
        robot.clickOn("#nav-simulation");
        run(robot, "300", "3");
        assertThat(sendsOf(robot).get("cart-abandonment")).isPositive();

        BarChart<String, Number> funnel = robot.lookup("#funnel").queryAs(BarChart.class);
        Map<String, List<Long>> stages = Fx.on(() -> funnel.getData().stream().collect(Collectors.toMap(
                XYChart.Series::getName, s -> s.getData().stream().map(d -> d.getYValue().longValue()).toList())));
        assertThat(stages).containsKeys("cart-abandonment", "welcome");
        stages.forEach((rule, counts) -> {
            assertThat(counts).hasSize(FunnelChart.STAGES.size());
            assertThat(counts.get(4)).as(rule + " bought").isLessThanOrEqualTo(counts.get(1));
            for (int i = 1; i < 4; i++) {
                assertThat(counts.get(i)).as(rule + " " + FunnelChart.STAGES.get(i)).isLessThanOrEqualTo(counts.get(i - 1));
            }
        });
        assertThat(stages.get("cart-abandonment").get(1)).isEqualTo(sendsOf(robot).get("cart-abandonment"));

        robot.interact(() -> robot.lookup("#slider-cart-add").queryAs(Slider.class).setValue(0));
        run(robot, "300", "3");
        assertThat(sendsOf(robot).get("cart-abandonment")).isZero();
        assertThat(sendsOf(robot).get("welcome")).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTriggerRemovedInTheGuidedEditorIsNotSimulated(FxRobot robot) {
        robot.clickOn("#nav-triggers");
        ListView<TriggerSpec> triggers = robot.lookup("#trigger-list").queryAs(ListView.class);
        robot.interact(() -> triggers.getSelectionModel().select(triggers.getItems().stream()
                .filter(t -> t.id().equals("welcome")).findFirst().orElseThrow()));
        robot.clickOn("#remove-trigger");

        robot.clickOn("#nav-simulation");
        run(robot, "200", "3");
        assertThat(sendsOf(robot)).containsKey("cart-abandonment").doesNotContainKey("welcome");
    }

    @Test
    void aFrequencyCapOfZeroInTheGuardrailsHoldsBackEveryCappedEmail(FxRobot robot) {
        robot.clickOn("#nav-triggers");
        robot.interact(() -> robot.lookup("#guardrail-cap").queryAs(Spinner.class).getValueFactory().setValue(0));

        robot.clickOn("#nav-simulation");
        run(robot, "200", "3");
        assertThat(sendsOf(robot).get("cart-abandonment")).isZero();
        TableView<RuleRow> summary = robot.lookup("#rule-summary").queryAs(TableView.class);
        assertThat(Fx.on(() -> summary.getItems().stream().filter(r -> r.ruleId().equals("cart-abandonment"))
                .findFirst().orElseThrow().reasons())).contains("frequency_cap");
    }

    /** Runs with these settings (null keeps the fields) and returns the status line once the run has finished. */
    private static String run(FxRobot robot, String customers, String days) {
        Label status = robot.lookup("#simulation-status").queryAs(Label.class);
        robot.interact(() -> {
            if (customers != null) {
                robot.lookup("#customers").queryAs(TextField.class).setText(customers);
                robot.lookup("#days").queryAs(TextField.class).setText(days);
            }
            status.setText("");
        });
        robot.clickOn("#run-simulation");
        Fx.await("the run to finish", () -> status.getText().contains("sends and"));
        return Fx.on(status::getText);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> sendsOf(FxRobot robot) {
        TableView<RuleRow> summary = robot.lookup("#rule-summary").queryAs(TableView.class);
        return Fx.on(() -> summary.getItems().stream().collect(Collectors.toMap(RuleRow::ruleId, RuleRow::sends)));
    }
}
