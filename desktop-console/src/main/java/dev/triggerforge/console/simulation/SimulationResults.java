package dev.triggerforge.console.simulation;

import dev.triggerforge.model.report.SimulationReport;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;

import java.util.List;

/** Lays out one report: chart and per-rule summary above, every decision and the selected customer's story below. */
final class SimulationResults {

    private final HourlySendsChart chart = new HourlySendsChart();
    private final TableView<RuleRow> summary = new TableView<>();
    private final TableView<DecisionRow> decisions = new TableView<>();
    private final TimelinePane timeline = new TimelinePane();
    private final SplitPane root;
    private SimulationReport report;

    SimulationResults() {
        summary.setId("rule-summary");
        summary.getColumns().setAll(List.of(Columns.of("rule", RuleRow::ruleId, 150),
                Columns.of("sends", RuleRow::sends, 70), Columns.of("suppressed", RuleRow::suppressed, 90),
                Columns.of("median delay", RuleRow::medianDelay, 100),
                Columns.of("suppressed because", RuleRow::reasons, 260)));
        decisions.setId("decisions");
        decisions.getColumns().setAll(List.of(Columns.time("at (UTC)", DecisionRow::at, 160),
                Columns.of("customer", DecisionRow::customerId, 110), Columns.of("rule", DecisionRow::ruleId, 140),
                Columns.of("outcome", DecisionRow::outcome, 90), Columns.of("detail", DecisionRow::detail, 260)));
        decisions.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, row) -> timeline.show(report, row));
        SplitPane top = new SplitPane(chart.node(), summary);
        SplitPane bottom = new SplitPane(decisions, timeline.node());
        root = new SplitPane(top, bottom);
        root.setOrientation(Orientation.VERTICAL);
    }

    Node node() {
        return root;
    }

    void show(SimulationReport shown) {
        report = shown;
        chart.show(shown);
        summary.getItems().setAll(RuleRow.of(shown));
        decisions.getItems().setAll(DecisionRow.of(shown));
        timeline.clear();
    }

    void clear() {
        report = null;
        chart.clear();
        summary.getItems().clear();
        decisions.getItems().clear();
        timeline.clear();
    }
}
