package dev.triggerforge.console.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.simulation.Columns;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Version history: two versions compared (triggers added, removed and changed, then each changed trigger's JSON and
 * DRL file line by line) and the audit trail of who uploaded, activated and rolled back what.
 */
final class HistoryPane {

    private final ServerCalls calls;
    private final ChoiceBox<Long> from = new ChoiceBox<>();
    private final ChoiceBox<Long> to = new ChoiceBox<>();
    private final DiffText diff = new DiffText();
    private final TableView<JsonNode> audit = new TableView<>();
    private final Label state = new Label();
    private final SplitPane root;

    HistoryPane(ServerCalls calls) {
        this.calls = calls;
        from.setId("diff-from");
        to.setId("diff-to");
        state.setId("history-state");
        audit.setId("library-audit");
        Button compare = new Button("Compare");
        compare.setId("diff-compare");
        compare.disableProperty().bind(calls.unavailable().or(from.valueProperty().isNull())
                .or(to.valueProperty().isNull()));
        compare.setOnAction(e -> compare(from.getValue(), to.getValue()));
        auditColumns();
        ScrollPane scroll = new ScrollPane(diff.node());
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox top = new VBox(6, new HBox(8, new Label("From version"), from, new Label("to version"), to, compare),
                state, scroll);
        top.setPadding(new Insets(8));
        VBox bottom = new VBox(6, new Label("Audit trail (newest first)"), audit);
        VBox.setVgrow(audit, Priority.ALWAYS);
        bottom.setPadding(new Insets(8));
        root = new SplitPane(top, bottom);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.65);
    }

    Node node() {
        return root;
    }

    /** Offers the listed versions for comparison (by default the one before the newest against the newest). */
    void versions(List<ServerVersion> versions) {
        List<Long> numbers = versions.stream().map(ServerVersion::version).toList();
        from.getItems().setAll(numbers);
        to.getItems().setAll(numbers);
        if (numbers.isEmpty()) {
            audit.getItems().clear();
            state.setText(calls.online() ? "No versions." : "Offline: history needs a server.");
            return;
        }
        to.setValue(numbers.get(0));
        from.setValue(numbers.get(Math.min(1, numbers.size() - 1)));
        state.setText("Choose two versions and Compare.");
        calls.run(RuleSetApi::audit, entries -> {
            audit.getItems().clear();
            entries.forEach(audit.getItems()::add);
        }, failure -> state.setText("The audit trail could not be loaded: "
                + String.join(" ", ServerCalls.describe(failure))));
    }

    private void compare(long a, long b) {
        state.setText("Comparing version " + a + " with version " + b + "…");
        calls.run(api -> new Compared(api.diff(a, b), api.version(a).ruleSet(), api.version(b).ruleSet()), c -> {
            diff.show(c.summary(), details(c));
            state.setText("Version " + a + " → version " + b + ".");
        }, failure -> state.setText(String.join(" ", ServerCalls.describe(failure))));
    }

    private record Compared(JsonNode summary, RuleSet before, RuleSet after) {
    }

    /** Each changed trigger's JSON and each changed DRL file, line by line, under a heading. */
    private static List<DiffText.Section> details(Compared c) {
        List<DiffText.Section> sections = new ArrayList<>();
        c.summary().path("triggersChanged").forEach(id -> sections.add(new DiffText.Section("Trigger " + id.asText(),
                LineDiff.of(trigger(c.before(), id.asText()), trigger(c.after(), id.asText())))));
        c.summary().path("drlChanged").forEach(name -> sections.add(new DiffText.Section("DRL " + name.asText(),
                LineDiff.of(drl(c.before(), name.asText()), drl(c.after(), name.asText())))));
        if (c.summary().path("guardrailsChanged").asBoolean()) {
            sections.add(new DiffText.Section("Guardrails", LineDiff.of(json(c.before().guardrails()),
                    json(c.after().guardrails()))));
        }
        return sections;
    }

    private static String trigger(RuleSet ruleSet, String id) {
        return ruleSet.triggers().stream().filter(t -> t.id().equals(id)).findFirst().map(HistoryPane::json)
                .orElse("");
    }

    private static String drl(RuleSet ruleSet, String name) {
        return ruleSet.drl().stream().filter(d -> d.name().equals(name)).map(DrlSource::content).findFirst()
                .orElse("");
    }

    private void auditColumns() {
        audit.getColumns().add(Columns.time("When (UTC)", HistoryPane::at, 140));
        audit.getColumns().add(Columns.of("Who", n -> n.path("actor").asText(), 90));
        audit.getColumns().add(Columns.of("Did", n -> n.path("action").asText(), 80));
        audit.getColumns().add(Columns.of("What", n -> n.path("target").asText(), 90));
        audit.getColumns().add(Columns.of("Detail", n -> n.path("detail").asText(""), 300));
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static Instant at(JsonNode entry) {
        try {
            return Instant.parse(entry.path("at").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write as JSON", e);
        }
    }
}
