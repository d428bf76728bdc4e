package dev.triggerforge.console.experiments;

import dev.triggerforge.console.simulation.Columns;
import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.VariantResult;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * One experiment's live results: the plain-language verdict, the server's own reason, a table per variant and a
 * chart of the primary rate with its confidence interval in each bar's label.
 */
final class ResultsPane {

    private final Label verdict = new Label("Select an experiment.");
    private final Label reason = new Label();
    private final TableView<VariantResult> table = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final VBox root = new VBox(8, verdict, reason, table, chart);

    ResultsPane() {
        verdict.setId("experiment-verdict");
        verdict.getStyleClass().add("title-4");
        reason.setId("experiment-reason");
        reason.setWrapText(true);
        table.setId("experiment-results");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.of("variant", v -> v.variant() + (v.holdout() ? " (holdout)" : ""), 110),
                Columns.of("sends", VariantResult::sends, 70),
                Columns.of("clicks", VariantResult::clicks, 60),
                Columns.of("click rate", v -> rate(v.clickRate()), 150),
                Columns.of("conversions", VariantResult::conversions, 85),
                Columns.of("conversion rate", v -> rate(v.conversionRate()), 150),
                Columns.of("lift", v -> v.vsControl() == null ? "control"
                        : String.format(Locale.ROOT, "%+.1f%%", v.vsControl().lift() * 100), 70),
                Columns.of("P(beats control)", v -> v.vsControl() == null ? ""
                        : String.format(Locale.ROOT, "%.1f%%", v.vsControl().probabilityToBeat() * 100), 110),
                Columns.of("significant", v -> v.vsControl() == null ? "" : v.vsControl().significant() ? "yes" : "no",
                        80)));
        chart.setId("experiment-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getYAxis().setLabel("% (bar), 95% interval in the label");
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    void show(ExperimentResult result, ExperimentSettings settings) {
        verdict.setText(VerdictText.of(result, settings));
        reason.setText(result.recommendation() == null ? "" : "Server: " + result.recommendation().reason());
        table.getItems().setAll(result.variants());
        Metric metric = result.primaryMetric();
        chart.setTitle(metric.wireName() + " rate per variant");
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        for (VariantResult v : result.variants()) {
            Rate r = VerdictText.rate(v, metric);
            if (r != null) {
                bars.getData().add(new XYChart.Data<>(v.variant() + "\n" + interval(r), r.value() * 100));
            }
        }
        chart.getData().setAll(List.of(bars));
    }

    void clear(String message) {
        verdict.setText(message);
        reason.setText("");
        table.getItems().clear();
        chart.getData().clear();
    }

    /** {@code 5.20% (4.10–6.30)}, or empty when the arm has no such rate. */
    static String rate(Rate r) {
        return r == null ? "" : String.format(Locale.ROOT, "%.2f%% (%.2f–%.2f)", r.value() * 100, r.low() * 100,
                r.high() * 100);
    }

    private static String interval(Rate r) {
        return String.format(Locale.ROOT, "%.2f%% [%.2f–%.2f]", r.value() * 100, r.low() * 100, r.high() * 100);
    }
}
