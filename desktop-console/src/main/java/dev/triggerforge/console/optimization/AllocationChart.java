package dev.triggerforge.console.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The bandit's chance for each variant in every stored learning period, for one segment, as a line per variant. */
final class AllocationChart {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private static final String TITLE = "Chance of each variant per learning period (%)";
    private static final String EMPTY = "No learning period of this experiment is stored yet";

    private final NumberAxis time = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(time, new NumberAxis(0, 100, 10));
    private JsonNode points;

    AllocationChart() {
        chart.setId("optimization-allocation");
        chart.setTitle(EMPTY);
        chart.setAnimated(false);
        time.setForceZeroInRange(false);
        time.setLabel("period start");
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
    }

    Node node() {
        return chart;
    }

    /** Keeps the server's answer; returns the segments it knows, the pooled {@code *} first. */
    List<String> load(JsonNode allocation) {
        points = allocation;
        Set<String> segments = new LinkedHashSet<>();
        segments.add("*");
        allocation.forEach(p -> p.path("bySegment").fieldNames().forEachRemaining(segments::add));
        return new ArrayList<>(segments);
    }

    /** Draws one line per variant (by name) for {@code segment}, a point per stored period. */
    void show(String segment) {
        Map<String, XYChart.Series<Number, Number>> byVariant = new TreeMap<>();
        if (points != null) {
            for (JsonNode p : points) {
                long at = Instant.parse(p.path("periodStart").asText()).getEpochSecond();
                p.path("bySegment").path(segment).fields().forEachRemaining(e -> byVariant.computeIfAbsent(
                        e.getKey(), v -> series(v)).getData().add(new XYChart.Data<>(at,
                        e.getValue().asDouble() * 100)));
            }
        }
        chart.getData().setAll(byVariant.values());
        chart.setTitle(byVariant.isEmpty() ? EMPTY : TITLE);
        chart.setCreateSymbols(byVariant.values().stream().allMatch(s -> s.getData().size() < 60));
    }

    void clear() {
        points = null;
        chart.getData().clear();
        chart.setTitle(EMPTY);
    }

    private static XYChart.Series<Number, Number> series(String variant) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(variant);
        return s;
    }
}
