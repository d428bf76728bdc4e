package dev.triggerforge.console.simulation;

import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.VariantResult;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/** The A/B tests of a run side by side: each variant's rate on the experiment's metric, its interval and verdict. */
final class VariantComparison {

    /** One variant of one experiment as a table line. */
    record Row(String experiment, String variant, long sends, String rate, String interval, String vsControl,
               String verdict) {
    }

    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<Row> table = new TableView<>();
    private final SplitPane root = new SplitPane(chart, table);

    VariantComparison() {
        chart.setId("variant-chart");
        chart.setTitle("Variants: rate on each experiment's metric (%)");
        chart.setAnimated(false);
        chart.getYAxis().setLabel("%");
        table.setId("variant-table");
        table.setPlaceholder(new javafx.scene.control.Label("No trigger in this rule set has variants."));
        table.getColumns().setAll(List.of(Columns.of("experiment", Row::experiment, 130),
                Columns.of("variant", Row::variant, 70), Columns.of("sends", Row::sends, 60),
                Columns.of("rate", Row::rate, 110), Columns.of("95% interval", Row::interval, 110),
                Columns.of("vs control", Row::vsControl, 130), Columns.of("verdict", Row::verdict, 240)));
        root.setOrientation(Orientation.HORIZONTAL);
    }

    Node node() {
        return root;
    }

    void show(List<ExperimentResult> experiments) {
        chart.getData().clear();
        List<Row> rows = new ArrayList<>();
        for (ExperimentResult experiment : experiments) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(experiment.experimentId() + " (" + experiment.primaryMetric().wireName() + ")");
            for (VariantResult v : experiment.variants()) {
                Rate rate = rate(experiment, v);
                series.getData().add(new XYChart.Data<>(experiment.experimentId() + " · " + v.variant(),
                        rate.value() * 100));
                rows.add(new Row(experiment.experimentId(), v.variant() + (v.holdout() ? " (holdout)" : ""),
                        v.sends(), percent(rate.value()) + " of " + rate.trials(),
                        percent(rate.low()) + " – " + percent(rate.high()), difference(v),
                        experiment.recommendation() == null ? "" : experiment.recommendation().reason()));
            }
            chart.getData().add(series);
        }
        table.getItems().setAll(rows);
    }

    void clear() {
        chart.getData().clear();
        table.getItems().clear();
    }

    private static Rate rate(ExperimentResult experiment, VariantResult v) {
        return switch (experiment.primaryMetric()) {
            case OPEN -> v.openRate();
            case CLICK -> v.clickRate();
            case CONVERSION -> v.conversionRate();
        };
    }

    private static String difference(VariantResult v) {
        if (v.vsControl() == null) {
            return "control";
        }
        return String.format("%+.2f pts (%+.2f, %+.2f)%s", v.vsControl().difference() * 100,
                v.vsControl().differenceLow() * 100, v.vsControl().differenceHigh() * 100,
                v.vsControl().significant() ? " *" : "");
    }

    private static String percent(double share) {
        return String.format("%.2f %%", share * 100);
    }
}
