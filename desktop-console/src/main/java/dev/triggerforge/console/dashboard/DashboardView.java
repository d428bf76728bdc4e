package dev.triggerforge.console.dashboard;

import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.Polling;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.event.ConnectionChanged;
import dev.triggerforge.console.shell.ErrorDialogs;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The live dashboard: every 2 s while it is on screen it scrapes the server's open Prometheus metrics and shows
 * throughput, failures, event-to-decision latency and data freshness as tiles and line charts of the last minutes.
 */
public final class DashboardView {

    private static final Duration EVERY = Duration.seconds(2);
    private static final int KEPT = 150;
    private static final int LATENCY_WINDOW = 15;
    private static final String OFFLINE = "Offline: connect to a server under Server (Ctrl+8) to see live figures.";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ConsoleContext context;
    private final Polling polling;
    private final Deque<Snapshot> snapshots = new ArrayDeque<>();
    private final Label status = new Label(OFFLINE);
    private final Tile events = new Tile("events", "Events / s");
    private final Tile decisions = new Tile("decisions", "Decisions / s");
    private final Tile sends = new Tile("sends", "Sends / s");
    private final Tile failures = new Tile("failures", "Failures");
    private final Tile latency = new Tile("latency", "Event → decision");
    private final Tile ingestion = new Tile("ingestion", "Ingestion lag p99");
    private final Tile outbox = new Tile("outbox", "Outbox lag");
    private final Tile policy = new Tile("policy", "Optimization policy age");
    private final XYChart.Series<Number, Number> eventSeries = series("events/s");
    private final XYChart.Series<Number, Number> decisionSeries = series("decisions/s");
    private final XYChart.Series<Number, Number> sendSeries = series("sends/s");
    private final XYChart.Series<Number, Number> p50Series = series("p50 ms");
    private final XYChart.Series<Number, Number> p99Series = series("p99 ms");
    private final VBox root = new VBox(10);
    private Instant started;

    public DashboardView(ConsoleContext context) {
        this.context = context;
        this.polling = new Polling(context, root, EVERY, this::scrape);
        status.setId("dashboard-status");
        FlowPane tiles = new FlowPane(8, 8, events.node(), decisions.node(), sends.node(), failures.node(),
                latency.node(), ingestion.node(), outbox.node(), policy.node());
        LineChart<Number, Number> throughput = chart("dashboard-throughput", "Throughput (per second)",
                List.of(eventSeries, decisionSeries, sendSeries));
        LineChart<Number, Number> latencies = chart("dashboard-latency", "Event → decision latency (ms)",
                List.of(p50Series, p99Series));
        HBox charts = new HBox(8, throughput, latencies);
        HBox.setHgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(latencies, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        root.getChildren().setAll(status, tiles, charts);
        root.setId("dashboard-view");
        root.setPadding(new Insets(12));
        context.bus().subscribe(ConnectionChanged.class, e -> connectionChanged(e.online()));
        connectionChanged(context.connection().client().isPresent());
    }

    public Node node() {
        return root;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static LineChart<Number, Number> chart(String id, String title,
                                                   List<XYChart.Series<Number, Number>> series) {
        NumberAxis time = new NumberAxis();
        time.setLabel("seconds since the dashboard started");
        time.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(time, new NumberAxis());
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getData().setAll(series);
        return chart;
    }

    private void connectionChanged(boolean online) {
        snapshots.clear();
        for (XYChart.Series<Number, Number> s : List.of(eventSeries, decisionSeries, sendSeries, p50Series,
                p99Series)) {
            s.getData().clear();
        }
        if (online) {
            started = Instant.now();
            status.setText("Connecting to the server's metrics…");
            polling.start();
        } else {
            polling.stop();
            status.setText(OFFLINE);
        }
    }

    private Task<?> scrape() {
        ServerClient client = context.connection().require();
        Task<Snapshot> task = new Task<>() {
            @Override
            protected Snapshot call() {
                String text = client.getText("/q/metrics");
                return Snapshot.of(PrometheusText.parse(text), Instant.now());
            }
        };
        task.setOnSucceeded(e -> {
            if (context.connection().client().orElse(null) == client) {
                add(task.getValue());
            }
        });
        task.setOnFailed(e -> status.setText("The metrics could not be read: "
                + ErrorDialogs.describe(task.getException()) + " (trying again every 2 s)"));
        return task;
    }

    private void add(Snapshot now) {
        Snapshot previous = snapshots.peekLast();
        Snapshot windowStart = snapshots.size() > LATENCY_WINDOW
                ? snapshots.stream().skip(snapshots.size() - LATENCY_WINDOW).findFirst().orElse(now)
                : snapshots.isEmpty() ? now : snapshots.peekFirst();
        snapshots.addLast(now);
        while (snapshots.size() > KEPT) {
            snapshots.removeFirst();
        }
        status.setText("Live: updated " + CLOCK.format(now.at()) + ", every 2 s from " + context.connection()
                .client().map(c -> c.profile().url().toString()).orElse("?") + "/q/metrics");
        if (previous == null) {
            showTotals(now);
            return;
        }
        Figures f = Figures.between(previous, now, windowStart);
        events.show(number(f.eventsPerSecond()), count(now.events()) + " events in all");
        decisions.show(number(f.decisionsPerSecond()), count(now.decisions()) + " decisions in all");
        sends.show(number(f.sendsPerSecond()), count(now.sent()) + " sent in all");
        failures.show(count(now.failures()), count(now.rejected()) + " events dead-lettered, "
                + count(now.failedSends()) + " sends failed" + (f.failuresPerMinute() > 0
                ? String.format(Locale.ROOT, "; %.1f / min now", f.failuresPerMinute()) : ""));
        latency.show(millis(f.latencyP50()) + " / " + millis(f.latencyP99()), "p50 / p99, last 30 s");
        ingestion.show(seconds(f.ingestionLagP99()), "occurredAt → received, last 30 s");
        outbox.show(seconds(now.outboxLagSeconds()), "oldest due send not yet delivered");
        policy.show(seconds(now.policyAgeSeconds()), "since the learning period began");
        double x = java.time.Duration.between(started, now.at()).toMillis() / 1000.0;
        point(eventSeries, x, f.eventsPerSecond());
        point(decisionSeries, x, f.decisionsPerSecond());
        point(sendSeries, x, f.sendsPerSecond());
        if (!Double.isNaN(f.latencyP50())) {
            point(p50Series, x, f.latencyP50() * 1000);
            point(p99Series, x, f.latencyP99() * 1000);
        }
    }

    private void showTotals(Snapshot now) {
        events.show("–", count(now.events()) + " events in all");
        decisions.show("–", count(now.decisions()) + " decisions in all");
        sends.show("–", count(now.sent()) + " sent in all");
        failures.show(count(now.failures()), count(now.rejected()) + " events dead-lettered, "
                + count(now.failedSends()) + " sends failed");
        outbox.show(seconds(now.outboxLagSeconds()), "oldest due send not yet delivered");
        policy.show(seconds(now.policyAgeSeconds()), "since the learning period began");
    }

    private static void point(XYChart.Series<Number, Number> series, double x, double y) {
        series.getData().add(new XYChart.Data<>(x, y));
        if (series.getData().size() > KEPT) {
            series.getData().remove(0);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    private static String millis(double seconds) {
        return Double.isNaN(seconds) ? "–" : String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    private static String seconds(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 120 ? String.format(Locale.ROOT, "%.1f s", value)
                : String.format(Locale.ROOT, "%.0f min", value / 60);
    }
}
