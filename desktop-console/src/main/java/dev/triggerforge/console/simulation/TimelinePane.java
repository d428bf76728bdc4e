package dev.triggerforge.console.simulation;

import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.TimelineEntry;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The selected send's customer story (events, waits, sends, suppressions) and why a model chose what it did. */
public final class TimelinePane {

    private final Label title = new Label("Select a send or suppression to see the customer's timeline.");
    private final TableView<TimelineEntry> entries = new TableView<>();
    private final TextArea explanation = new TextArea();
    private final BorderPane root = new BorderPane();

    TimelinePane() {
        entries.setId("timeline");
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.getColumns().setAll(List.of(Columns.time("at (UTC)", TimelineEntry::at, 160),
                Columns.of("kind", TimelineEntry::kind, 80), Columns.of("what", TimelineEntry::what, 110),
                Columns.of("rule", TimelineEntry::ruleId, 130), Columns.of("detail", TimelineEntry::detail, 200)));
        entries.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, entry) -> explain(entry == null ? null : entry.explanation()));
        explanation.setId("explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPrefRowCount(4);
        title.setId("timeline-title");
        root.setTop(title);
        root.setCenter(entries);
        root.setBottom(new VBox(new Label("Why"), explanation));
    }

    Node node() {
        return root;
    }

    void show(SimulationReport report, DecisionRow row) {
        if (row == null) {
            clear();
            return;
        }
        Map<String, List<TimelineEntry>> timelines = report.timelines() == null ? Map.of() : report.timelines();
        List<TimelineEntry> story = timelines.get(row.customerId());
        title.setText(story == null
                ? "No timeline recorded for " + row.customerId() + " (runs of up to "
                + SimulationSettings.TIMELINE_LIMIT + " customers record them)."
                : "Timeline of " + row.customerId());
        entries.getItems().setAll(story == null ? List.of() : story);
        explain(row.explanation());
    }

    void clear() {
        title.setText("Select a send or suppression to see the customer's timeline.");
        entries.getItems().clear();
        explanation.clear();
    }

    private void explain(Explanation why) {
        explanation.setText(text(why));
    }

    /** The model's reasons as sentences, or a plain note that the rule's own settings decided. */
    public static String text(Explanation why) {
        if (why == null || why.isEmpty()) {
            return "No model was involved: the rule's own variant split and timing decided.";
        }
        StringBuilder out = new StringBuilder();
        if (why.segment() != null) {
            out.append("Segment: ").append(why.segment()).append('\n');
        }
        if (why.variantReason() != null) {
            out.append("Variant: ").append(why.variantReason());
            if (!why.variantProbabilities().isEmpty()) {
                out.append(" (").append(why.variantProbabilities().entrySet().stream()
                        .map(e -> e.getKey() + " " + Math.round(e.getValue() * 100) + "%")
                        .collect(Collectors.joining(", "))).append(')');
            }
            out.append('\n');
        }
        if (why.sendTimeReason() != null) {
            out.append("Send time: ").append(why.sendTimeReason()).append('\n');
        }
        return out.toString().strip();
    }
}
