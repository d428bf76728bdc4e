package dev.triggerforge.console.library;

import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.event.WorkspaceChanged;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.console.simulation.RecordingChooser;
import dev.triggerforge.console.simulation.SimulationSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What-if before deploy, on this machine: the working copy against the active version (the server's when connected,
 * the built-in library offline) on the same synthetic or recorded events; sends per rule and the overlaps.
 */
final class WhatIfPane {

    private final ConsoleContext context;
    private final TextField customers = field("whatif-customers", "1000");
    private final TextField days = field("whatif-days", "7");
    private final TextField seed = field("whatif-seed", "42");
    private final RecordingChooser recording = new RecordingChooser();
    private final CheckBox withDraft = new CheckBox("Include the DRL draft");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Not run yet.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final WhatIfResults results = new WhatIfResults();
    private final BorderPane root = new BorderPane();
    private WhatIfTask task;

    WhatIfPane(ConsoleContext context) {
        this.context = context;
        customers.disableProperty().bind(recording.recorded());
        days.disableProperty().bind(recording.recorded());
        withDraft.setId("whatif-with-draft");
        progress.setId("whatif-progress");
        status.setId("whatif-status");
        Button run = new Button("Run what-if");
        run.setId("whatif-run");
        run.disableProperty().bind(running);
        run.setOnAction(e -> run());
        Button cancel = new Button("Cancel");
        cancel.setId("whatif-cancel");
        cancel.disableProperty().bind(running.not());
        cancel.setOnAction(e -> cancel());
        FlowPane events = new FlowPane(8, 6, new Label("Customers"), customers, new Label("Days"), days,
                new Label("Seed"), seed, new Separator(Orientation.VERTICAL), new Label("Or recorded events"),
                recording.node());
        events.setPadding(new Insets(6, 8, 6, 8));
        root.setTop(new VBox(new ToolBar(run, cancel, new Separator(Orientation.VERTICAL), withDraft), events));
        HBox bar = new HBox(8, progress, status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(bar);
        root.setCenter(results.node());
        context.bus().subscribe(WorkspaceChanged.class, e -> draftChoice());
        draftChoice();
    }

    Node node() {
        return root;
    }

    private void run() {
        if (running.get()) {
            return;
        }
        SimulationSettings input;
        try {
            input = SimulationSettings.parse(customers.getText(), days.getText(), seed.getText(), false)
                    .withRecording(recording.events(), recording.profiles());
        } catch (IllegalArgumentException e) {
            ErrorDialogs.show(window(), "The what-if settings need a fix", e.getMessage(), null);
            return;
        }
        RuleSet candidate = context.workspace().ruleSet(withDraft.isSelected());
        WhatIfTask started = new WhatIfTask(input, baseline(), candidate, () -> Platform.runLater(this::stopped));
        task = started;
        results.clear();
        progress.progressProperty().bind(started.progressProperty());
        status.textProperty().bind(started.messageProperty());
        started.setOnSucceeded(e -> finished(started.getValue()));
        started.setOnFailed(e -> failed(started.getException()));
        started.setOnCancelled(e -> show("Cancelling…"));
        running.set(true);
        context.work().start(started);
    }

    private void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel(true);
        }
    }

    /** The server's active version when connected (fetched on the worker thread), else the built-in library. */
    private Callable<RuleSet> baseline() {
        Optional<ServerClient> client = context.connection().client();
        RuleSet library = renamed(TriggerLibrary.ruleSet(), "built-in library");
        if (client.isEmpty()) {
            return () -> library;
        }
        RuleSetApi api = new RuleSetApi(client.get());
        return () -> api.active().map(v -> renamed(v.ruleSet(), "active version " + v.version())).orElse(library);
    }

    private static RuleSet renamed(RuleSet ruleSet, String name) {
        return new RuleSet(name, ruleSet.drl(), ruleSet.triggers(), ruleSet.guardrails());
    }

    private void finished(WhatIfOutcome outcome) {
        results.show(outcome);
        show(String.format("%s against the working copy on %,d events: %,d → %,d sends, in %.1f s.",
                outcome.baseline(), outcome.events(), outcome.difference().baselineSends(),
                outcome.difference().candidateSends(), outcome.took().toMillis() / 1000.0));
        progress.setProgress(1);
    }

    private void failed(Throwable failure) {
        show("What-if failed.");
        if (failure instanceof RuleSetRejectedException rejected) {
            ErrorDialogs.show(window(), "The rules do not compile", rejected.errors().stream()
                    .map(CompileError::toString).collect(Collectors.joining("\n")), null);
        } else if (failure instanceof IllegalArgumentException bad) {
            status.setText(bad.getMessage().lines().findFirst().orElse("What-if failed."));
            ErrorDialogs.show(window(), "The events cannot be used", bad.getMessage(), null);
        } else {
            ServerCalls.show(root, "The what-if failed", failure);
        }
    }

    /** The worker has let go: Run again, and say so if it was cancelled. */
    private void stopped() {
        running.set(false);
        if (task != null && task.isCancelled()) {
            show("What-if cancelled.");
        }
    }

    private void show(String text) {
        status.textProperty().unbind();
        progress.progressProperty().unbind();
        progress.setProgress(0);
        status.setText(text);
    }

    private void draftChoice() {
        withDraft.setDisable(context.workspace().draft().isEmpty());
        context.workspace().draft().ifPresent(d -> withDraft.setText("Include DRL draft " + d.name()));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static TextField field(String id, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPrefColumnCount(5);
        return field;
    }
}
