package dev.triggerforge.console.simulation;

import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.model.report.TimelineEntry;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
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

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Local simulations fill the chart and tables from a real run, and Cancel stops a long run and says so. */
@ExtendWith(ApplicationExtension.class)
class SimulationViewTest {

    @TempDir
    Path drafts;

    @Start
    void start(Stage stage) {
        ConsoleFixture.open(stage, drafts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSmallRunFillsTheSummaryChartDecisionsAndTimeline(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        settings(robot, "300", "3");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);

        Label status = robot.lookup("#simulation-status").queryAs(Label.class);
        Fx.await("the run to finish", () -> status.getText().contains("sends and"));

        TableView<RuleRow> summary = robot.lookup("#rule-summary").queryAs(TableView.class);
        List<RuleRow> rules = Fx.on(() -> List.copyOf(summary.getItems()));
        assertThat(rules).extracting(RuleRow::ruleId).containsAll(TriggerLibrary.IDS);
        long sends = rules.stream().mapToLong(RuleRow::sends).sum();
        long suppressed = rules.stream().mapToLong(RuleRow::suppressed).sum();
        assertThat(sends).isPositive();
        assertThat(status.getText()).startsWith(String.format("%,d sends and %,d suppressions", sends, suppressed));

        StackedBarChart<String, Number> chart = robot.lookup("#hourly-sends").queryAs(StackedBarChart.class);
        long charted = Fx.on(() -> chart.getData().stream().flatMap(s -> s.getData().stream())
                .mapToLong(d -> d.getYValue().longValue()).sum());
        assertThat(charted).isEqualTo(sends);
        assertThat(Fx.on(() -> chart.getData().stream().map(XYChart.Series::getName).toList()))
                .isSubsetOf(TriggerLibrary.IDS).isNotEmpty();

        TableView<DecisionRow> decisions = robot.lookup("#decisions").queryAs(TableView.class);
        assertThat(Fx.on(() -> decisions.getItems().size())).isEqualTo((int) (sends + suppressed));
        DecisionRow send = Fx.on(() -> decisions.getItems().stream()
                .filter(r -> r.outcome().equals(DecisionRow.SENT)).findFirst().orElseThrow());
        robot.interact(() -> decisions.getSelectionModel().select(send));

        TableView<TimelineEntry> timeline = robot.lookup("#timeline").queryAs(TableView.class);
        assertThat(robot.lookup("#timeline-title").queryAs(Label.class).getText())
                .isEqualTo("Timeline of " + send.customerId());
        assertThat(Fx.on(() -> List.copyOf(timeline.getItems())))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("send");
                    assertThat(e.ruleId()).isEqualTo(send.ruleId());
                    assertThat(e.at()).isEqualTo(send.at());
                });
    }

    @Test
    void cancelStopsALongRunAndSaysSo(FxRobot robot) {
        robot.clickOn("#nav-simulation");
        settings(robot, "20000", "30");
        robot.clickOn("#run-simulation");

        ProgressBar progress = robot.lookup("#simulation-progress").queryAs(ProgressBar.class);
        Fx.await("the simulation to be under way", () -> progress.getProgress() > 0);
        robot.clickOn("#cancel-simulation");

        Label status = robot.lookup("#simulation-status").queryAs(Label.class);
        Fx.await("the run to stop", () -> status.getText().equals("Simulation cancelled."));
        assertThat(robot.lookup("#run-simulation").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#cancel-simulation").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#rule-summary").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(progress.getProgress()).isZero();
        Fx.await("the partitions' threads to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("simulation-partition") && t.isAlive()));
    }

    private static void settings(FxRobot robot, String customers, String days) {
        robot.interact(() -> {
            robot.lookup("#customers").queryAs(TextField.class).setText(customers);
            robot.lookup("#days").queryAs(TextField.class).setText(days);
        });
    }
}
