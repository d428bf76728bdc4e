package dev.triggerforge.console.simulation;

import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.event.RunSimulation;
import dev.triggerforge.console.event.WorkspaceChanged;
import dev.triggerforge.console.workspace.Workspace;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.model.report.RejectedLine;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the working rule set (the edited triggers, with the DRL draft if chosen) on this machine over synthetic
 * shoppers or a recorded events file, with progress and Cancel, and shows what would have been sent: charts, per-rule
 * summary, every decision, its timeline and its email.
 */
public final class SimulationView {

    private final BackgroundWork work;
    private final TextField customers = field("customers", "1000");
    private final TextField days = field("days", "7");
    private final TextField seed = field("seed", "42");
    private final CheckBox withDraft = new CheckBox("Include the draft");
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Not run yet.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final BehaviourSliders behaviour = new BehaviourSliders();
    private final RecordingChooser recording = new RecordingChooser();
    private final SimulationResults results;
    private final BorderPane root = new BorderPane();
    private Workspace workspace;
    private SimulationTask task;

    public SimulationView(ConsoleContext context) {
        this.work = context.work();
        this.results = new SimulationResults(context.connection(), work);
        root.setId("simulation-view");
        run.setId("run-simulation");
        run.setOnAction(e -> run());
        run.disableProperty().bind(running);
        cancel.setId("cancel-simulation");
        cancel.setOnAction(e -> cancel());
        cancel.disableProperty().bind(running.not());
        progress.setId("simulation-progress");
        progress.setPrefWidth(160);
        status.setId("simulation-status");
        status.getStyleClass().add("simulation-status");
        withDraft.setId("with-draft");
        withDraft.setDisable(true);
        customers.disableProperty().bind(recording.recorded());
        days.disableProperty().bind(recording.recorded());
        root.setTop(new VBox(new ToolBar(run, cancel, withDraft, new Separator(Orientation.VERTICAL),
                new Label("Customers"), customers, new Label("Days"), days, new Label("Seed"), seed),
                new ToolBar(new Label("Or replay recorded events"), recording.node()), behaviour.node()));
        HBox statusBar = new HBox(8, progress, status);
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        statusBar.setAlignment(Pos.CENTER_LEFT);
        root.setBottom(statusBar);
        root.setCenter(results.node());
        context.bus().subscribe(WorkspaceChanged.class, e -> {
            workspace = e.workspace();
            workspace.draft().ifPresent(d -> {
                withDraft.setDisable(false);
                withDraft.setText("Include draft " + d.name());
            });
        });
        context.bus().subscribe(RunSimulation.class, e -> run());
    }

    public Node node() {
        return root;
    }

    /** Starts a run with the fields' settings unless one is under way; a bad field is explained in a dialog. */
    public void run() {
        if (running.get()) {
            return;
        }
        SimulationSettings settings;
        try {
            settings = SimulationSettings.parse(customers.getText(), days.getText(), seed.getText(),
                    withDraft.isSelected() && workspace != null && workspace.draft().isPresent())
                    .withBehaviour(behaviour.behaviour(), behaviour.rates())
                    .withRecording(recording.events(), recording.profiles());
        } catch (IllegalArgumentException e) {
            ErrorDialogs.show(window(), "The simulation settings need a fix", e.getMessage(), null);
            return;
        }
        RuleSet rules = workspace == null ? TriggerLibrary.ruleSet() : workspace.ruleSet(settings.withDraft());
        results.clear();
        SimulationTask started = new SimulationTask(settings, rules, () -> Platform.runLater(this::stopped));
        task = started;
        progress.progressProperty().bind(started.progressProperty());
        status.textProperty().bind(started.messageProperty());
        started.setOnSucceeded(e -> finished(started.getValue()));
        started.setOnFailed(e -> failed(started.getException()));
        started.setOnCancelled(e -> show("Cancelling…"));
        running.set(true);
        work.start(started);
    }

    /** Asks the running simulation to stop; the status says so once its thread has let go. */
    public void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel(true);
        }
    }

    private void stopped() {
        running.set(false);
        if (task != null && task.isCancelled()) {
            show("Simulation cancelled.");
            progress.setProgress(0);
        }
    }

    private void finished(SimulationOutcome outcome) {
        results.show(outcome);
        List<RejectedLine> rejected = outcome.report().rejected() == null ? List.of() : outcome.report().rejected();
        show(String.format("%,d sends and %,d suppressions from %,d events in %.1f s.",
                outcome.report().sends().size(), outcome.report().suppressions().size(), outcome.events(),
                outcome.took().toMillis() / 1000.0)
                + (rejected.isEmpty() ? "" : String.format(" %,d lines skipped, first %s.", rejected.size(),
                SimulationInput.describe(rejected.get(0)))));
    }

    private void failed(Throwable failure) {
        show("Simulation failed.");
        progress.setProgress(0);
        if (failure instanceof RuleSetRejectedException rejected) {
            ErrorDialogs.show(window(), "The rules do not compile", rejected.errors().stream()
                    .map(CompileError::toString).collect(Collectors.joining("\n")), null);
        } else {
            ErrorDialogs.show(window(), "The simulation failed", ErrorDialogs.describe(failure), failure);
        }
    }

    private void show(String text) {
        status.textProperty().unbind();
        progress.progressProperty().unbind();
        status.setText(text);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static TextField field(String id, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPrefColumnCount(6);
        return field;
    }
}
