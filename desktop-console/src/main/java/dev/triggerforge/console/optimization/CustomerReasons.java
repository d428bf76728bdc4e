package dev.triggerforge.console.optimization;

import dev.triggerforge.console.simulation.Columns;
import dev.triggerforge.console.simulation.TimelinePane;
import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.report.TimelineEntry;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** One customer's timeline on the server and, for the chosen line, why the models decided what they did. */
final class CustomerReasons {

    private final TextField customer = new TextField();
    private final Button explain = new Button("Show timeline");
    private final Label title = new Label("Type a customer id to see their decisions and the reasons behind them.");
    private final TableView<TimelineEntry> entries = new TableView<>();
    private final TextArea why = new TextArea();
    private final VBox root;

    CustomerReasons(Consumer<String> onExplain) {
        customer.setId("optimization-customer");
        customer.setPromptText("customer id");
        customer.setPrefColumnCount(24);
        explain.setId("optimization-explain");
        explain.setDefaultButton(false);
        explain.setOnAction(e -> onExplain.accept(customer.getText().trim()));
        customer.setOnAction(e -> onExplain.accept(customer.getText().trim()));
        title.setId("optimization-timeline-title");
        entries.setId("optimization-timeline");
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.getColumns().setAll(List.of(Columns.time("at (UTC)", TimelineEntry::at, 160),
                Columns.of("kind", TimelineEntry::kind, 80), Columns.of("what", TimelineEntry::what, 110),
                Columns.of("rule", TimelineEntry::ruleId, 130), Columns.of("detail", TimelineEntry::detail, 260)));
        entries.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) ->
                why.setText(entry == null ? "" : text(entry.explanation())));
        why.setId("optimization-why");
        why.setEditable(false);
        why.setWrapText(true);
        why.setPrefRowCount(6);
        root = new VBox(6, new HBox(8, new Label("Customer"), customer, explain), title, entries, new Label("Why"),
                why);
        VBox.setVgrow(entries, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    /** Shows the timeline and selects its latest line a model explained (else its last line). */
    void show(String id, List<TimelineEntry> timeline) {
        title.setText(timeline.isEmpty() ? "Nothing recorded for " + id + "." : "Timeline of " + id);
        entries.getItems().setAll(timeline);
        for (int i = timeline.size() - 1; i >= 0; i--) {
            Explanation e = timeline.get(i).explanation();
            if (e != null && !e.isEmpty()) {
                entries.getSelectionModel().select(i);
                return;
            }
        }
        entries.getSelectionModel().selectLast();
    }

    void clear(String message) {
        title.setText(message);
        entries.getItems().clear();
        why.clear();
    }

    /** The simulation's wording of the reasons, plus when the email was due and the chosen hour's chance. */
    static String text(Explanation e) {
        StringBuilder out = new StringBuilder(TimelinePane.text(e));
        if (e != null && e.policyAt() != null) {
            out.append("\nLearning period: ").append(e.policyAt());
        }
        if (e != null && e.dueAt() != null) {
            out.append("\nDue at: ").append(e.dueAt());
        }
        if (e != null && e.hourProbability() != null) {
            out.append(String.format(Locale.ROOT, "\nChance of engaging in the chosen hour: %.1f%%",
                    e.hourProbability() * 100));
        }
        return out.toString();
    }
}
