package dev.triggerforge.console.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The send-time model of the policy in use: opens and clicks, and deliveries, by local hour for one segment, with
 * the hour customers like these most likely read in marked.
 */
final class SendTimeChart {

    private final ChoiceBox<String> segment = new ChoiceBox<>();
    private final Label likeliest = new Label();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final VBox root;
    private JsonNode policy;

    SendTimeChart() {
        segment.setId("optimization-sendtime-segment");
        likeliest.setId("optimization-likeliest-hour");
        chart.setId("optimization-sendtime");
        chart.setTitle("Engagement and deliveries by local hour");
        chart.setAnimated(false);
        segment.valueProperty().addListener((obs, old, s) -> show(s));
        root = new VBox(6, new HBox(8, new Label("Segment"), segment, likeliest), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    void load(JsonNode snapshot) {
        policy = snapshot;
        String kept = segment.getValue();
        List<String> names = new ArrayList<>();
        snapshot.path("engagementHours").fieldNames().forEachRemaining(names::add);
        segment.getItems().setAll(names);
        segment.setValue(names.contains(kept) ? kept : names.isEmpty() ? null : names.get(0));
        if (names.isEmpty()) {
            chart.getData().clear();
            likeliest.setText("No opens or clicks recorded yet: sends go out when due.");
        }
    }

    private void show(String name) {
        if (policy == null || name == null) {
            return;
        }
        JsonNode engaged = policy.path("engagementHours").path(name);
        JsonNode delivered = policy.path("deliveryHours").path(name);
        XYChart.Series<String, Number> engagements = new XYChart.Series<>();
        engagements.setName("opens and clicks");
        XYChart.Series<String, Number> deliveries = new XYChart.Series<>();
        deliveries.setName("deliveries");
        int best = likeliestHour(engaged, delivered);
        for (int h = 0; h < 24; h++) {
            String hour = String.format(Locale.ROOT, "%02d", h);
            XYChart.Data<String, Number> bar = new XYChart.Data<>(hour, engaged.path(h).asLong());
            if (h == best) {
                bar.nodeProperty().addListener((obs, old, node) -> {
                    if (node != null) {
                        node.setStyle("-fx-bar-fill: -color-danger-emphasis;");
                    }
                });
            }
            engagements.getData().add(bar);
            deliveries.getData().add(new XYChart.Data<>(hour, delivered.path(h).asLong()));
        }
        chart.getData().setAll(List.of(engagements, deliveries));
        likeliest.setText(best < 0 ? "No engagement in this segment yet."
                : String.format(Locale.ROOT, "Likeliest hour: %02d:00 local (marked)", best));
    }

    /** The hour with the most opens and clicks per delivery (per total when nothing was delivered), or -1. */
    static int likeliestHour(JsonNode engaged, JsonNode delivered) {
        int best = -1;
        double bestScore = 0;
        boolean perDelivery = false;
        for (int h = 0; h < 24; h++) {
            perDelivery |= delivered.path(h).asLong() > 0;
        }
        for (int h = 0; h < 24; h++) {
            double e = engaged.path(h).asLong();
            double score = perDelivery ? (e + 1) / (delivered.path(h).asLong() + 2) : e;
            if (e > 0 && score > bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return best;
    }
}
