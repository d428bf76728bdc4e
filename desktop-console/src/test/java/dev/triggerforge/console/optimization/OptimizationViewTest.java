package dev.triggerforge.console.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleFixture;
import dev.triggerforge.console.Fx;
import dev.triggerforge.console.LiveData;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.model.report.TimelineEntry;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The Optimization screen against the real server (learning periods of 5 s): the adaptive experiment's allocation
 * has a line per variant and a point per stored period, the send-time model shows a customer's reading hour, and a
 * customer's decision shows the bandit's reasons.
 */
@ExtendWith(ApplicationExtension.class)
class OptimizationViewTest {

    private static List<String> customers;

    @TempDir
    Path folder;

    @BeforeAll
    static void arrange() {
        LiveData.deploy();
        customers = LiveData.customers("opt", 4);
        LiveData.events(customers, "custom:console_bandit");
        LiveData.until("the bandit's decisions", () -> customers.stream().allMatch(c ->
                LiveData.client().get("/api/customers/" + c + "/timeline").findValuesAsText("variantReason")
                        .size() == 1));
    }

    @Start
    void start(Stage stage) {
        ConsoleFixture.openConnected(stage, folder);
    }

    @Test
    void theAllocationHasALinePerVariantAndAPointPerStoredPeriod(FxRobot robot) {
        int storedBefore = storedPeriods();
        assertThat(storedBefore).as("periods stored since the server started").isGreaterThanOrEqualTo(1);

        robot.clickOn("#nav-optimization");
        ComboBox<String> experiment = robot.lookup("#optimization-experiment").queryComboBox();
        Fx.await("the experiment offered", () -> experiment.getItems().contains(LiveData.BANDIT));
        Fx.on(() -> {
            experiment.setValue(LiveData.BANDIT);
            return null;
        });
        LineChart<Number, Number> chart = robot.lookup("#optimization-allocation").queryAs(LineChart.class);
        Fx.await("the allocation", () -> chart.getData().size() == 2
                && chart.getData().get(0).getData().size() >= storedBefore);
        int storedAfter = storedPeriods();

        List<XYChart.Series<Number, Number>> lines = Fx.on(() -> List.copyOf(chart.getData()));
        assertThat(lines).extracting(XYChart.Series::getName).containsExactly("a", "b");
        int points = lines.get(0).getData().size();
        assertThat(lines.get(1).getData()).hasSize(points);
        assertThat(points).isBetween(storedBefore, storedAfter);
        assertThat(lines.get(0).getData()).allSatisfy(d -> assertThat(d.getYValue().doubleValue()
                + lines.get(1).getData().get(lines.get(0).getData().indexOf(d)).getYValue().doubleValue())
                .isCloseTo(100.0, offset(1e-6)));
    }

    @Test
    void aCustomersDecisionShowsTheBanditsReasons(FxRobot robot) {
        robot.clickOn("#nav-optimization");
        robot.clickOn("Customer decisions");
        robot.clickOn("#optimization-customer").write(customers.get(0));
        robot.clickOn("#optimization-explain");

        TextArea why = robot.lookup("#optimization-why").queryAs(TextArea.class);
        Fx.await("the reasons", () -> why.getText().contains("Variant: "));
        TableView<TimelineEntry> timeline = robot.lookup("#optimization-timeline").queryTableView();
        TimelineEntry chosen = Fx.on(() -> timeline.getSelectionModel().getSelectedItem());
        assertThat(chosen.explanation().variantReason()).contains("chose '");
        assertThat(why.getText()).contains("Segment: " + chosen.explanation().segment())
                .contains("Variant: " + chosen.explanation().variantReason()).contains("(a " + Math.round(chosen.explanation().variantProbabilities().get("a") * 100) + "%, b ")
                .contains("Learning period: " + chosen.explanation().policyAt());
    }

    @Test
    void theSendTimeModelShowsEveryLocalHourAndMarksTheLikeliest(FxRobot robot) {
        String reader = LiveData.customers("reader", 1).get(0);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        int hour = (now.getHour() + 5) % 24;
        List<Map<String, Object>> opens = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            Instant at = now.minusDays(d).withHour(hour).withMinute(10).toInstant();
            opens.add(Map.of("eventId", reader + "-open-" + d, "customerId", reader, "type", "email_open",
                    "occurredAt", at.toString(), "properties", Map.of("sendId", reader + "-earlier-" + d)));
        }
        LiveData.client().post("/api/events", opens);
        LiveData.until("the opens in the policy", () -> {
            JsonNode hours = LiveData.client().get("/api/optimization/policy").path("engagementHours");
            return hours.size() > 0 && hours.elements().next().path(hour).asLong() >= 3;
        });

        robot.clickOn("#nav-optimization");
        robot.clickOn("Send-time model");
        BarChart<String, Number> chart = robot.lookup("#optimization-sendtime").queryAs(BarChart.class);
        Fx.await("the hours", () -> chart.getData().size() == 2);
        JsonNode policy = LiveData.client().get("/api/optimization/policy");
        String segment = Fx.on(() -> robot.lookup("#optimization-sendtime-segment").queryAs(ChoiceBox.class)
                .getValue().toString());
        int likeliest = SendTimeChart.likeliestHour(policy.path("engagementHours").path(segment),
                policy.path("deliveryHours").path(segment));

        assertThat(Fx.on(() -> chart.getData().get(0).getData().size())).isEqualTo(24);
        assertThat(Fx.on(() -> chart.getData().get(0).getData().get(hour).getYValue().longValue()))
                .isEqualTo(policy.path("engagementHours").path(segment).path(hour).asLong());
        assertThat(likeliest).isGreaterThanOrEqualTo(0);
        Fx.await("the likeliest hour", () -> robot.lookup("#optimization-likeliest-hour").queryAs(Label.class)
                .getText().equals(String.format("Likeliest hour: %02d:00 local (marked)", likeliest)));
    }

    @Test
    void theOffPolicyTableHasTheServersEstimatePerVariant(FxRobot robot) {
        robot.clickOn("#nav-optimization");
        ComboBox<String> experiment = robot.lookup("#optimization-experiment").queryComboBox();
        Fx.await("the experiment offered", () -> experiment.getItems().contains(LiveData.BANDIT));
        robot.clickOn("Off-policy estimates");
        Fx.on(() -> {
            robot.lookup("#optimization-offpolicy-window").queryTextInputControl().setText("PT1S");
            experiment.setValue(LiveData.BANDIT);
            return null;
        });

        TableView<OffPolicyTable.Row> table = robot.lookup("#optimization-offpolicy").queryTableView();
        Fx.await("the estimates", () -> table.getItems().size() == 2);
        JsonNode report = LiveData.client().get("/api/optimization/experiments/" + LiveData.BANDIT
                + "/off-policy?window=PT1S");
        List<OffPolicyTable.Row> rows = Fx.on(() -> List.copyOf(table.getItems()));
        assertThat(rows).extracting(OffPolicyTable.Row::variant).containsExactlyInAnyOrder("a", "b");
        for (OffPolicyTable.Row row : rows) {
            JsonNode v = report.path("alwaysVariant").path(row.variant());
            assertThat(row.ips()).startsWith(String.format(Locale.ROOT, "%.2f%% (",
                    v.path("ips").asDouble() * 100));
        }
        assertThat(robot.lookup("#optimization-offpolicy-summary").queryAs(Label.class).getText())
                .contains("sends of bandit-" + LiveData.RUN);
    }

    private static int storedPeriods() {
        JsonNode points = LiveData.client().get("/api/optimization/experiments/" + LiveData.BANDIT
                + "/allocation?from=" + ServerClient.encode(Instant.now().minus(Duration.ofDays(1)).toString()));
        return points.size();
    }
}
