package dev.triggerforge.console.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.event.GuardrailsEdited;
import dev.triggerforge.console.event.OpenRuleSet;
import dev.triggerforge.console.event.TriggersEdited;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompileError;
import dev.triggerforge.rules.library.TriggerLibrary;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The guided trigger editor: the trigger specs being edited, a form for the selected one, its JSON, and a live
 * check of the whole set as the server would compile it.
 */
public final class TriggersView {

    static final Duration CHECK_DELAY = Duration.ofMillis(400);

    private final EventBus bus;
    private final BackgroundWork work;
    private final ObservableList<TriggerSpec> specs =
            FXCollections.observableArrayList(TriggerLibrary.ruleSet().triggers());
    private final ListView<TriggerSpec> list = new ListView<>(specs);
    private final TriggerForm form = new TriggerForm();
    private final GuardrailsForm guardrails = new GuardrailsForm();
    private final TextArea json = new TextArea();
    private final ListView<String> problems = new ListView<>();
    private final Label state = new Label("Checking…");
    private final BorderPane root = new BorderPane();
    private List<CompileError> found = List.of();
    private TriggerCheck running;
    private boolean updating;
    private boolean checking;
    private int added;

    public TriggersView(ConsoleContext context) {
        this.bus = context.bus();
        this.work = context.work();

        list.setId("trigger-list");
        list.setPrefWidth(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TriggerSpec spec, boolean empty) {
                super.updateItem(spec, empty);
                setText(empty || spec == null ? null : spec.id());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, spec) -> {
            if (!updating && spec != null) {
                form.load(spec);
            }
        });
        form.specProperty().addListener((obs, old, spec) -> edited(spec));
        form.inputProblemsProperty().addListener((obs, old, now) -> showProblems());
        json.setId("trigger-json");
        json.setEditable(false);
        json.getStyleClass().add("trigger-json");
        problems.setId("trigger-problems");
        problems.setPlaceholder(new Label("No problems"));
        problems.setPrefHeight(110);
        state.setId("triggers-status");
        Button add = new Button("Add");
        add.setId("add-trigger");
        add.setOnAction(e -> add());
        Button remove = new Button("Remove");
        remove.setId("remove-trigger");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove());
        VBox left = new VBox(6, list, new HBox(6, add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);
        ScrollPane formPane = new ScrollPane(form.node());
        formPane.setFitToWidth(true);
        formPane.setPadding(new Insets(8));
        VBox right = new VBox(6, new HBox(8, new Label("Check:"), state), problems, new Label("JSON"), json);
        VBox.setVgrow(json, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(left, formPane, right);
        split.setDividerPositions(0.18, 0.6);
        root.setCenter(split);
        list.getSelectionModel().selectFirst();
        state.setText("Not checked yet");
        guardrails.load(TriggerLibrary.ruleSet().guardrails());
        guardrails.settingsProperty().addListener((obs, old, now) -> bus.publish(new GuardrailsEdited(now)));
        guardrails.problemProperty().addListener((obs, old, now) -> showProblems());
        root.setBottom(guardrails.node());
        root.setTop(new SavedSetsBar(context).node());
        bus.subscribe(OpenRuleSet.class, e -> {
            guardrails.load(e.ruleSet().guardrails());
            open(e.ruleSet().triggers());
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && running == null) {
                schedule();
            }
        });
    }

    public Node node() {
        return root;
    }


    /** The form's spec replaces the selected one in the list; the preview follows and a check is scheduled. */
    private void edited(TriggerSpec spec) {
        int index = list.getSelectionModel().getSelectedIndex();
        json.setText(spec == null ? "" : pretty(spec));
        if (spec == null || index < 0 || specs.get(index) == spec) {
            showProblems();
            return;
        }
        updating = true;
        try {
            specs.set(index, spec);
            list.getSelectionModel().select(index);
        } finally {
            updating = false;
        }
        schedule();
    }

    /** Replaces the edited set with {@code triggers}, e.g. a server version opened for editing. */
    private void open(List<TriggerSpec> triggers) {
        specs.setAll(triggers);
        list.getSelectionModel().selectFirst();
        schedule();
    }

    /** Announces the set as it now stands and starts a check of it, cancelling the one before. */
    private void schedule() {
        bus.publish(new TriggersEdited(specs));
        state.setText("Checking…");
        checking = true;
        if (running != null) {
            running.cancel();
        }
        TriggerCheck check = new TriggerCheck(specs, CHECK_DELAY);
        running = check;
        check.setOnSucceeded(e -> {
            if (running == check) {
                checking = false;
                found = check.getValue();
                showProblems();
            }
        });
        check.setOnFailed(e -> {
            if (running == check) {
                checking = false;
                found = List.of(new CompileError("console", 0, 0, "the check failed: " + check.getException()));
                showProblems();
            }
        });
        work.start(check);
    }

    /** The selected trigger's problems next to the form, and the count over the whole set in the status. */
    private void showProblems() {
        TriggerSpec selected = list.getSelectionModel().getSelectedItem();
        List<String> shown = new ArrayList<>(form.inputProblemsProperty());
        if (!guardrails.problemProperty().get().isEmpty()) {
            shown.add(guardrails.problemProperty().get());
        }
        String source = selected == null ? null : "trigger:" + selected.id();
        found.stream().filter(e -> e.source().equals(source) || !e.source().startsWith("trigger:"))
                .map(CompileError::message).forEach(shown::add);
        problems.getItems().setAll(shown);
        if (checking) {
            return;
        }
        int count = found.size() + form.inputProblemsProperty().size()
                + (guardrails.problemProperty().get().isEmpty() ? 0 : 1);
        state.setText(count == 0 ? "Valid" : count == 1 ? "1 problem" : count + " problems");
    }

    private void add() {
        added++;
        String id = "new-trigger-" + added;
        specs.add(new TriggerSpec(id, "New trigger", null, 10, Subject.CUSTOMER, EventMatch.of("signup"), null,
                Duration.ofHours(1), List.of(), List.of(), null, id, List.of(), List.of(), null));
        list.getSelectionModel().selectLast();
        schedule();
    }

    private void remove() {
        int index = list.getSelectionModel().getSelectedIndex();
        specs.remove(index);
        if (!specs.isEmpty()) {
            list.getSelectionModel().select(Math.min(index, specs.size() - 1));
        }
        schedule();
    }

    private static String pretty(TriggerSpec spec) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            return "cannot show as JSON: " + e.getMessage();
        }
    }
}
