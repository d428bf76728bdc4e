package dev.triggerforge.console.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.event.WorkspaceChanged;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.model.report.WhatIfReport;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Deploys the working copy: Validate, Upload (a new inactive version), Dry run it against the active version on the
 * server's recent events, Activate it after a confirmation, or Roll back; every answer of the server is listed.
 */
final class DeployPane {

    private final ConsoleContext context;
    private final ServerCalls calls;
    private final Runnable serverChanged;
    private final Label workingCopy = new Label();
    private final CheckBox withDraft = new CheckBox("Include the DRL draft (admin)");
    private final TextField note = new TextField();
    private final ChoiceBox<String> inFlight = new ChoiceBox<>();
    private final TextField version = new TextField();
    private final TextField hours = new TextField("24");
    private final Label resultTitle = new Label("The server's answers appear here.");
    private final ListView<String> result = new ListView<>();
    private final BorderPane root = new BorderPane();
    private WhatIfReport lastDryRun;
    private long lastDryRunVersion = -1;

    DeployPane(ConsoleContext context, ServerCalls calls, Runnable serverChanged) {
        this.context = context;
        this.calls = calls;
        this.serverChanged = serverChanged;
        workingCopy.setId("deploy-working-copy");
        withDraft.setId("deploy-with-draft");
        note.setId("deploy-note");
        note.setPromptText("what changed and why");
        note.setPrefColumnCount(24);
        inFlight.setId("deploy-in-flight");
        inFlight.getItems().setAll(RuleSetApi.IN_FLIGHT);
        inFlight.setValue(RuleSetApi.IN_FLIGHT.get(0));
        version.setId("deploy-version");
        version.setPrefColumnCount(5);
        version.setPromptText("upload first");
        hours.setId("deploy-hours");
        hours.setPrefColumnCount(4);
        resultTitle.setId("deploy-result-title");
        result.setId("deploy-result");
        ToolBar actions = new ToolBar(button("deploy-validate", "Validate", this::validate),
                button("deploy-upload", "Upload", this::upload), new Separator(Orientation.VERTICAL),
                button("deploy-dry-run", "Dry run", this::dryRun),
                button("deploy-activate", "Activate", this::activate), new Separator(Orientation.VERTICAL),
                button("deploy-rollback", "Roll back", this::rollback));
        FlowPane upload = new FlowPane(8, 6, workingCopy, withDraft, new Label("Note"), note,
                new Label("Waits in flight"), inFlight);
        FlowPane candidate = new FlowPane(8, 6, new Label("Version to dry run or activate"), version,
                new Label("Dry run over the last"), hours, new Label("hours"));
        VBox options = new VBox(6, upload, candidate);
        options.setPadding(new Insets(6, 8, 6, 8));
        root.setTop(new VBox(actions, options));
        VBox.setVgrow(result, Priority.ALWAYS);
        VBox answers = new VBox(6, resultTitle, result);
        answers.setPadding(new Insets(8));
        root.setCenter(answers);
        context.bus().subscribe(WorkspaceChanged.class, e -> showWorkingCopy());
        showWorkingCopy();
    }

    Node node() {
        return root;
    }

    private Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(calls.unavailable());
        button.setOnAction(e -> {
            try {
                action.run();
            } catch (IllegalArgumentException bad) {
                ErrorDialogs.show(root.getScene().getWindow(), text + " needs a fix", bad.getMessage(), null);
            }
        });
        return button;
    }

    private void showWorkingCopy() {
        workingCopy.setText("Working copy: " + context.workspace().origin() + ", "
                + context.workspace().ruleSet(false).triggers().size() + " triggers");
        withDraft.setDisable(context.workspace().draft().isEmpty());
        context.workspace().draft().ifPresent(d -> withDraft.setText("Include DRL draft " + d.name() + " (admin)"));
    }

    private RuleSetApi.Upload body() {
        return RuleSetApi.Upload.of(context.workspace().ruleSet(withDraft.isSelected()), note.getText(),
                inFlight.getValue());
    }

    private void validate() {
        RuleSetApi.Upload body = body();
        call("Validate", api -> api.validate(body), answer -> List.of(answer.path("valid").asBoolean()
                ? "Valid: " + answer.path("triggers").asInt() + " triggers compile as the server compiles them."
                : "Not valid: " + answer));
    }

    private void upload() {
        RuleSetApi.Upload body = body();
        call("Upload", api -> api.upload(body), v -> {
            version.setText(String.valueOf(v.version()));
            serverChanged.run();
            return List.of("Uploaded as version " + v.version() + " (inactive): " + v.triggers() + " triggers, "
                    + v.drlFiles() + " DRL files, by " + v.author() + ".",
                    "Dry run it, then Activate to run it on every instance.");
        });
    }

    private void dryRun() {
        long v = candidate();
        int window;
        try {
            window = Integer.parseInt(hours.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Hours must be a whole number, not '" + hours.getText() + "'");
        }
        call("Dry run of version " + v, api -> api.dryRun(v, window), report -> {
            lastDryRun = report;
            lastDryRunVersion = v;
            return DryRunText.lines(report, window);
        });
    }

    private void activate() {
        long v = candidate();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Version " + v + " will run on every server instance"
                + " from now on.\n" + (lastDryRunVersion == v ? "Dry run: " + DryRunText.summary(lastDryRun)
                : "Version " + v + " has not been dry run in this session."), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Activate version " + v);
        confirm.setHeaderText("Activate version " + v + "?");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        call("Activate version " + v, api -> new Switched(api.activate(v), api.instances()), this::switched);
    }

    private void rollback() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "The version that was active before the current one"
                + " will run on every server instance from now on.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Roll back");
        confirm.setHeaderText("Roll back to the previous version?");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        call("Roll back", api -> new Switched(api.rollback(), api.instances()), this::switched);
    }

    /** An activation's answer and the instances' versions right after it. */
    private record Switched(JsonNode activation, JsonNode instances) {
    }

    private List<String> switched(Switched s) {
        serverChanged.run();
        JsonNode a = s.activation();
        List<String> lines = new ArrayList<>();
        lines.add("Version " + a.path("version").asLong() + " is active (before: version "
                + a.path("previousVersion").asText("none") + ").");
        lines.add("Compiled in " + a.path("compileMillis").asLong() + " ms, swapped in " + a.path("swapMillis").asLong()
                + " ms; " + a.path("cancelledWaits").asInt() + " waits in flight cancelled.");
        s.instances().forEach(i -> lines.add("Instance " + i.path("instanceId").asText() + " runs version "
                + i.path("ruleSetVersion").asLong() + " since " + i.path("activatedAt").asText("?") + "."));
        return lines;
    }

    private long candidate() {
        try {
            return Long.parseLong(version.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Version must be a version number, not '" + version.getText() + "'");
        }
    }

    /** Runs one call; its answer (or the server's refusal, with every error listed) replaces the result pane. */
    private <T> void call(String what, Function<RuleSetApi, T> call, Function<T, List<String>> lines) {
        resultTitle.setText(what + ": waiting for the server…");
        result.getItems().clear();
        calls.run(call, answer -> {
            result.getItems().setAll(lines.apply(answer));
            resultTitle.setText(what + ": done.");
        }, failed(what));
    }

    private Consumer<Throwable> failed(String what) {
        return failure -> {
            List<String> lines = ServerCalls.describe(failure);
            resultTitle.setText(what + ": refused.");
            result.getItems().setAll(lines);
            ServerCalls.show(root, what + " was refused", failure);
        };
    }
}
