package dev.triggerforge.console.simulation;

import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.SimulationReport;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Sends per hour of the day (UTC), stacked by rule: shows when each rule's emails go out. */
final class HourlySendsChart {

    private final CategoryAxis hours = new CategoryAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(hours, new NumberAxis());

    HourlySendsChart() {
        chart.setId("hourly-sends");
        chart.setTitle("Sends per hour of day (UTC)");
        chart.setAnimated(false);
        hours.setLabel("hour");
        hours.getCategories().setAll(IntStream.range(0, 24).mapToObj(HourlySendsChart::label).toList());
        chart.getYAxis().setLabel("sends");
    }

    Node node() {
        return chart;
    }

    void show(SimulationReport report) {
        Map<String, long[]> perRule = new TreeMap<>();
        for (ReportedSend send : report.sends()) {
            perRule.computeIfAbsent(send.ruleId(), r -> new long[24])[send.sendAt().atZone(ZoneOffset.UTC).getHour()]++;
        }
        chart.getData().clear();
        perRule.forEach((rule, counts) -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(rule);
            for (int h = 0; h < 24; h++) {
                series.getData().add(new XYChart.Data<>(label(h), counts[h]));
            }
            chart.getData().add(series);
        });
    }

    void clear() {
        chart.getData().clear();
    }

    private static String label(int hour) {
        return String.format("%02d", hour);
    }
}
