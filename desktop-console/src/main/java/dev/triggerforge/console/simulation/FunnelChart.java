package dev.triggerforge.console.simulation;

import dev.triggerforge.model.report.RuleKpi;
import dev.triggerforge.model.report.RuleSummary;
import dev.triggerforge.model.report.SimulationReport;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.List;

/**
 * Each rule's funnel, from decisions reached through sends to opens and clicks, and the sends followed by a purchase
 * within 7 days (clicked or not): where emails lose people.
 */
final class FunnelChart {

    static final List<String> STAGES = List.of("decided", "sent", "opened", "clicked", "bought in 7 days");

    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());

    FunnelChart() {
        chart.setId("funnel");
        chart.setTitle("Funnel per rule (simulated answers, 7-day attribution)");
        chart.setAnimated(false);
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(STAGES);
        chart.getYAxis().setLabel("customers");
    }

    Node node() {
        return chart;
    }

    void show(SimulationReport report, List<RuleKpi> funnel) {
        chart.getData().clear();
        for (RuleKpi kpi : funnel) {
            RuleSummary summary = report.perRule().get(kpi.ruleId());
            long suppressed = summary == null ? 0 : summary.suppressions().values().stream()
                    .mapToLong(Long::longValue).sum();
            long[] counts = {kpi.sends() + suppressed, kpi.sends(), kpi.opens(), kpi.clicks(), kpi.conversions()};
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(kpi.ruleId());
            for (int i = 0; i < STAGES.size(); i++) {
                series.getData().add(new XYChart.Data<>(STAGES.get(i), counts[i]));
            }
            chart.getData().add(series);
        }
    }

    void clear() {
        chart.getData().clear();
    }
}
