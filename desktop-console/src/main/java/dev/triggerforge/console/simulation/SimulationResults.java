package dev.triggerforge.console.simulation;

import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.connection.Connection;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * Lays out one run: charts (sends per hour, funnel, variants) and the per-rule summary above, every decision below
 * with the selected customer's story and the email they would get.
 */
final class SimulationResults {

    private final HourlySendsChart chart = new HourlySendsChart();
    private final FunnelChart funnel = new FunnelChart();
    private final VariantComparison variants = new VariantComparison();
    private final TableView<RuleRow> summary = new TableView<>();
    private final TableView<DecisionRow> decisions = new TableView<>();
    private final TimelinePane timeline = new TimelinePane();
    private final EmailPreview preview;
    private final SplitPane root;
    private SimulationOutcome outcome;

    SimulationResults(Connection connection, BackgroundWork work) {
        preview = new EmailPreview(connection, work);
        summary.setId("rule-summary");
        summary.getColumns().setAll(List.of(Columns.of("rule", RuleRow::ruleId, 150),
                Columns.of("sends", RuleRow::sends, 70), Columns.of("suppressed", RuleRow::suppressed, 90),
                Columns.of("median delay", RuleRow::medianDelay, 100),
                Columns.of("suppressed because", RuleRow::reasons, 260)));
        decisions.setId("decisions");
        decisions.getColumns().setAll(List.of(Columns.time("at (UTC)", DecisionRow::at, 160),
                Columns.of("customer", DecisionRow::customerId, 110), Columns.of("rule", DecisionRow::ruleId, 140),
                Columns.of("outcome", DecisionRow::outcome, 90), Columns.of("detail", DecisionRow::detail, 260)));
        decisions.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> selected(row));
        TabPane charts = tabs("chart-tabs", new Tab("Sends per hour", chart.node()), new Tab("Funnel", funnel.node()),
                new Tab("Variants", variants.node()));
        TabPane story = tabs("story-tabs", new Tab("Timeline", timeline.node()), new Tab("Email", preview.node()));
        SplitPane top = new SplitPane(charts, summary);
        SplitPane bottom = new SplitPane(decisions, story);
        root = new SplitPane(top, bottom);
        root.setOrientation(Orientation.VERTICAL);
    }

    Node node() {
        return root;
    }

    void show(SimulationOutcome shown) {
        outcome = shown;
        chart.show(shown.report());
        funnel.show(shown.report(), shown.funnel());
        variants.show(shown.report().experiments() == null ? List.of() : shown.report().experiments());
        summary.getItems().setAll(RuleRow.of(shown.report()));
        decisions.getItems().setAll(DecisionRow.of(shown.report()));
        timeline.clear();
        preview.clear();
    }

    void clear() {
        outcome = null;
        chart.clear();
        funnel.clear();
        variants.clear();
        summary.getItems().clear();
        decisions.getItems().clear();
        timeline.clear();
        preview.clear();
    }

    private void selected(DecisionRow row) {
        if (outcome == null) {
            return;
        }
        timeline.show(outcome.report(), row);
        preview.show(row == null || row.sendKey() == null ? null : outcome.decisionsByKey().get(row.sendKey()));
    }

    private static TabPane tabs(String id, Tab... tabs) {
        TabPane pane = new TabPane(tabs);
        pane.setId(id);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }
}
