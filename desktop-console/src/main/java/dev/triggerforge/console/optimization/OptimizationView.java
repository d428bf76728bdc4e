package dev.triggerforge.console.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.Polling;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.connection.ServerException;
import dev.triggerforge.console.event.ConnectionChanged;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.model.report.TimelineEntry;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Optimization screen: for an adaptive experiment, the bandit's allocation over time per segment and the
 * off-policy estimates; the send-time model of the policy in use; and one customer's decisions with their reasons.
 */
public final class OptimizationView {

    private static final Duration REFRESH = Duration.seconds(15);
    private static final java.time.Duration HISTORY = java.time.Duration.ofDays(1);
    private static final String OFFLINE = "Offline: connect to a server under Server (Ctrl+8) to see what "
            + "optimization has learned.";

    private final ConsoleContext context;
    private final Polling polling;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> experiment = new ComboBox<>();
    private final ChoiceBox<String> segment = new ChoiceBox<>();
    private final Label status = new Label(OFFLINE);
    private final AllocationChart allocation = new AllocationChart();
    private final SendTimeChart sendTime = new SendTimeChart();
    private final OffPolicyTable offPolicy;
    private final CustomerReasons reasons = new CustomerReasons(this::explain);

    /** One refresh's answers; {@code allocation} and {@code offPolicy} null with the server's reason instead. */
    private record Loaded(List<String> experiments, JsonNode policy, String experiment, JsonNode allocation,
                          String allocationProblem, JsonNode offPolicy, String offPolicyProblem) {
    }

    public OptimizationView(ConsoleContext context) {
        this.context = context;
        this.polling = new Polling(context, root, REFRESH, this::refresh);
        this.offPolicy = new OffPolicyTable(polling::refreshNow);
        root.setId("optimization-view");
        experiment.setId("optimization-experiment");
        experiment.setPromptText("adaptive experiment");
        segment.setId("optimization-segment");
        segment.setMinWidth(150);
        status.setId("optimization-status");
        status.setWrapText(true);
        experiment.valueProperty().addListener((obs, old, id) -> {
            allocation.clear();
            polling.refreshNow();
        });
        segment.valueProperty().addListener((obs, old, s) -> {
            if (s != null) {
                allocation.show(s);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("optimization-refresh");
        refresh.setOnAction(e -> polling.refreshNow());
        ToolBar toolbar = new ToolBar(new Label("Experiment"), experiment, new Label("Segment"), segment,
                new Separator(Orientation.VERTICAL), refresh);
        TabPane tabs = new TabPane(tab("Allocation over time", allocation.node()),
                tab("Send-time model", sendTime.node()), tab("Off-policy estimates", offPolicy.node()),
                tab("Customer decisions", reasons.node()));
        tabs.setId("optimization-tabs");
        root.setTop(new VBox(4, toolbar, status));
        root.setCenter(tabs);
        root.setPadding(new Insets(0, 8, 8, 8));
        context.bus().subscribe(ConnectionChanged.class, e -> connectionChanged(e.online()));
        connectionChanged(context.connection().client().isPresent());
    }

    public Node node() {
        return root;
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private void connectionChanged(boolean online) {
        allocation.clear();
        offPolicy.unavailable("");
        reasons.clear("Type a customer id to see their decisions and the reasons behind them.");
        if (online) {
            status.setText("Loading…");
            polling.start();
        } else {
            polling.stop();
            experiment.getItems().clear();
            status.setText(OFFLINE);
        }
    }

    private Task<?> refresh() {
        ServerClient client = context.connection().require();
        String chosen = experiment.getValue();
        String window = offPolicy.window();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                JsonNode policy = client.get("/api/optimization/policy");
                TreeSet<String> ids = new TreeSet<>();
                policy.path("experiments").fieldNames().forEachRemaining(ids::add);
                client.get("/api/experiments").forEach(e -> ids.add(e.path("experimentId").asText()));
                if (chosen == null) {
                    return new Loaded(new ArrayList<>(ids), policy, null, null, null, null, null);
                }
                String base = "/api/optimization/experiments/" + ServerClient.encode(chosen);
                JsonNode points = null;
                String pointsProblem = null;
                try {
                    points = client.get(base + "/allocation?from="
                            + ServerClient.encode(Instant.now().minus(HISTORY).toString()));
                } catch (ServerException e) {
                    pointsProblem = e.getMessage();
                }
                JsonNode report = null;
                String reportProblem = null;
                try {
                    report = client.get(base + "/off-policy?window=" + ServerClient.encode(window));
                } catch (ServerException e) {
                    reportProblem = e.getMessage();
                }
                return new Loaded(new ArrayList<>(ids), policy, chosen, points, pointsProblem, report,
                        reportProblem);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> status.setText("Could not load optimization: "
                + ErrorDialogs.describe(task.getException())));
        return task;
    }

    private void show(Loaded loaded) {
        if (context.connection().client().isEmpty()) {
            return;
        }
        String kept = experiment.getValue();
        if (!experiment.getItems().equals(loaded.experiments())) {
            experiment.getItems().setAll(loaded.experiments());
            experiment.setValue(kept != null || loaded.experiments().isEmpty() ? kept : loaded.experiments().get(0));
        }
        sendTime.load(loaded.policy());
        status.setText("Policy in use since " + loaded.policy().path("at").asText() + "; refreshed every 15 s.");
        if (loaded.experiment() == null || !loaded.experiment().equals(experiment.getValue())) {
            return;
        }
        if (loaded.allocation() != null) {
            List<String> segments = allocation.load(loaded.allocation());
            String keptSegment = segment.getValue();
            segment.getItems().setAll(segments);
            segment.setValue(segments.contains(keptSegment) ? keptSegment : "*");
            allocation.show(segment.getValue());
        } else {
            allocation.clear();
            status.setText(loaded.allocationProblem());
        }
        if (loaded.offPolicy() != null) {
            offPolicy.show(loaded.offPolicy());
        } else {
            offPolicy.unavailable(loaded.offPolicyProblem());
        }
    }

    private void explain(String customer) {
        if (customer.isEmpty()) {
            return;
        }
        ServerClient client;
        try {
            client = context.connection().require();
        } catch (ServerException offline) {
            ErrorDialogs.show(root.getScene().getWindow(), "No timeline", offline.getMessage(), null);
            return;
        }
        Task<List<TimelineEntry>> task = new Task<>() {
            @Override
            protected List<TimelineEntry> call() {
                List<TimelineEntry> entries = new ArrayList<>();
                client.get("/api/customers/" + ServerClient.encode(customer) + "/timeline")
                        .forEach(n -> entries.add(client.read(n, TimelineEntry.class)));
                return entries;
            }
        };
        task.setOnSucceeded(e -> reasons.show(customer, task.getValue()));
        task.setOnFailed(e -> ErrorDialogs.show(root.getScene().getWindow(), "No timeline for " + customer,
                ErrorDialogs.describe(task.getException()), task.getException()));
        context.work().start(task);
    }
}
