package dev.triggerforge.console.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.Polling;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.event.ConnectionChanged;
import dev.triggerforge.console.event.ShowView;
import dev.triggerforge.console.event.ViewId;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.report.ExperimentResult;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Experiments screen: the server's experiments with their status, the selected one's live results and verdict,
 * the controls a marketer runs it with (pause, resume, stop, promote, settings), and help to design the next one.
 */
public final class ExperimentsView {

    private static final Duration REFRESH = Duration.seconds(10);
    private static final String OFFLINE = "Offline: connect to a server under Server (Ctrl+8) to see experiments.";

    private final ConsoleContext context;
    private final BorderPane root = new BorderPane();
    private final ListView<ExperimentRow> list = new ListView<>();
    private final ResultsPane results = new ResultsPane();
    private final SettingsPane settings;
    private final ChoiceBox<String> promoteChoice = new ChoiceBox<>();
    private final Label status = new Label(OFFLINE);
    private final Label answer = new Label();
    private final Polling polling;
    private boolean reloading;

    /** Loaded rows and the selected one's results, as one answer of a refresh. */
    private record Loaded(List<ExperimentRow> rows, String selected, ExperimentResult result) {
    }

    public ExperimentsView(ConsoleContext context) {
        this.context = context;
        this.settings = new SettingsPane(this::configure, () -> ErrorDialogs.show(window(), "Settings not applied",
                "Every setting must read: the window as an ISO duration (P7D), numbers as numbers.", null));
        this.polling = new Polling(context, root, REFRESH, this::refresh);
        root.setId("experiments-view");
        list.setId("experiments-list");
        list.setPrefWidth(260);
        status.setId("experiments-status");
        status.setWrapText(true);
        answer.setId("experiments-answer");
        answer.setWrapText(true);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!reloading) {
                chosen(row);
            }
        });
        VBox left = new VBox(6, new Label("Experiments"), list);
        left.setPadding(new Insets(0, 8, 0, 0));
        VBox bottom = new VBox(10, settings.node(), new Separator(), new SampleSizePane().node());
        bottom.setPadding(new Insets(8, 0, 0, 0));
        BorderPane centre = new BorderPane(results.node());
        centre.setBottom(bottom);
        root.setTop(new VBox(4, toolbar(), status, answer));
        root.setLeft(left);
        root.setCenter(centre);
        root.setPadding(new Insets(0, 8, 8, 8));
        context.bus().subscribe(ConnectionChanged.class, e -> connectionChanged(e.online()));
        connectionChanged(context.connection().client().isPresent());
    }

    public Node node() {
        return root;
    }

    private ToolBar toolbar() {
        Button refresh = button("Refresh", "experiments-refresh", polling::refreshNow);
        Button pause = button("Pause", "experiment-pause", () -> act("pause"));
        Button resume = button("Resume", "experiment-resume", () -> act("resume"));
        Button stop = button("Stop", "experiment-stop", () -> act("stop"));
        Button promote = button("Promote", "experiment-promote", this::promote);
        Button design = button("Design in Triggers", "experiment-design",
                () -> context.bus().publish(new ShowView(ViewId.TRIGGERS)));
        promoteChoice.setId("experiment-promote-variant");
        promoteChoice.setMinWidth(90);
        for (Button b : List.of(pause, resume, stop, promote)) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        return new ToolBar(refresh, new Separator(Orientation.VERTICAL), pause, resume, stop,
                new Separator(Orientation.VERTICAL), new Label("Variant"), promoteChoice, promote,
                new Separator(Orientation.VERTICAL), design);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void connectionChanged(boolean online) {
        if (online) {
            status.setText("Loading experiments…");
            polling.start();
        } else {
            polling.stop();
            list.getItems().clear();
            results.clear("No experiment selected.");
            status.setText(OFFLINE);
            answer.setText("");
        }
    }

    private Task<?> refresh() {
        ServerClient client = context.connection().require();
        ExperimentRow chosen = list.getSelectionModel().getSelectedItem();
        String selected = chosen == null ? null : chosen.experimentId();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                List<ExperimentRow> rows = new ArrayList<>();
                client.get("/api/experiments").forEach(n -> rows.add(ExperimentRow.of(n, client)));
                ExperimentResult result = selected == null ? null : client.read(
                        client.get("/api/experiments/" + ServerClient.encode(selected) + "/results"),
                        ExperimentResult.class);
                return new Loaded(rows, selected, result);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> status.setText("Could not load experiments: "
                + ErrorDialogs.describe(task.getException())));
        return task;
    }

    private void show(Loaded loaded) {
        if (context.connection().client().isEmpty()) {
            return;
        }
        ExperimentRow current = list.getSelectionModel().getSelectedItem();
        String keep = current == null ? loaded.selected() : current.experimentId();
        reloading = true;
        list.getItems().setAll(loaded.rows());
        loaded.rows().stream().filter(r -> r.experimentId().equals(keep)).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r));
        reloading = false;
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        status.setText(loaded.rows().isEmpty() ? "The server has no experiments yet: design one under Triggers "
                + "(variants and weights), then deploy it." : loaded.rows().size() + " experiments; results refresh "
                + "every 10 s.");
        ExperimentRow selected = list.getSelectionModel().getSelectedItem();
        if (loaded.result() != null && selected != null && selected.experimentId().equals(loaded.selected())) {
            results.show(loaded.result(), selected.settings());
        }
    }

    /** A marketer chose another experiment: its settings, its variants to promote, and its results next. */
    private void chosen(ExperimentRow row) {
        settings.show(row);
        promoteChoice.getItems().setAll(row == null ? List.of() : row.sendingVariants());
        if (row != null) {
            results.clear("Loading " + row.experimentId() + "…");
            polling.refreshNow();
        }
    }

    private void act(String verb) {
        ExperimentRow row = list.getSelectionModel().getSelectedItem();
        call("Could not " + verb + " " + row.experimentId(), client -> client.post("/api/experiments/"
                + ServerClient.encode(row.experimentId()) + "/" + verb, null), said -> answer.setText(
                "Experiment " + row.experimentId() + " is now " + said.path("status").asText() + "."));
    }

    private void configure(ExperimentSettings chosen, boolean autoPromote) {
        ExperimentRow row = list.getSelectionModel().getSelectedItem();
        call("Settings of " + row.experimentId() + " not applied", client -> client.put("/api/experiments/"
                + ServerClient.encode(row.experimentId()) + "/settings",
                Map.of("settings", chosen, "autoPromote", autoPromote)), said -> answer.setText(
                "Settings of " + row.experimentId() + " saved."));
    }

    private void promote() {
        ExperimentRow row = list.getSelectionModel().getSelectedItem();
        String variant = promoteChoice.getValue();
        if (variant == null) {
            ErrorDialogs.show(window(), "Choose a variant", "Choose the variant to promote next to Promote.", null);
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Make variant '" + variant + "' everyone's? This "
                + "uploads and activates a new rule-set version in which trigger '" + row.ruleId() + "' sends '"
                + variant + "', and stops experiment " + row.experimentId() + " for good.", ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setHeaderText("Promote '" + variant + "'?");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        call("Could not promote " + variant, client -> client.post("/api/experiments/"
                + ServerClient.encode(row.experimentId()) + "/promote", Map.of("variant", variant)), promoted -> {
            String said = "Variant '" + variant + "' is everyone's now: rule-set version "
                    + promoted.path("experiment").path("promotedVersion").asText("?") + " is active and experiment "
                    + row.experimentId() + " is " + promoted.path("experiment").path("status").asText() + ".";
            answer.setText(said);
            Alert done = new Alert(Alert.AlertType.INFORMATION, said, ButtonType.OK);
            done.initOwner(window());
            done.setHeaderText("Promoted");
            done.show();
        });
    }

    /** Runs one server call off the JavaFX thread, shows its answer, and refreshes the screen afterwards. */
    private void call(String failureTitle, Function<ServerClient, JsonNode> request,
                      Consumer<JsonNode> onAnswer) {
        ServerClient client;
        try {
            client = context.connection().require();
        } catch (RuntimeException offline) {
            ErrorDialogs.show(window(), failureTitle, offline.getMessage(), null);
            return;
        }
        Task<JsonNode> task = new Task<>() {
            @Override
            protected JsonNode call() {
                return request.apply(client);
            }
        };
        task.setOnSucceeded(e -> {
            onAnswer.accept(task.getValue());
            polling.refreshNow();
        });
        task.setOnFailed(e -> ErrorDialogs.show(window(), failureTitle, ErrorDialogs.describe(task.getException()),
                task.getException()));
        context.work().start(task);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
