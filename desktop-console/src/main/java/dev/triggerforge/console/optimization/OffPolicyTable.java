package dev.triggerforge.console.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triggerforge.console.simulation.Columns;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What always sending each variant would have earned in clicks, estimated by the server from the recorded sends. */
final class OffPolicyTable {

    /** One variant's estimates. */
    record Row(String variant, long decisions, String ips, String snips, String lift) {
    }

    private final TextField window = new TextField("PT24H");
    private final Label summary = new Label();
    private final TableView<Row> table = new TableView<>();
    private final VBox root;

    /** {@code onWindow} runs when the marketer changes the reward window. */
    OffPolicyTable(Runnable onWindow) {
        window.setId("optimization-offpolicy-window");
        window.setPrefColumnCount(8);
        window.setOnAction(e -> onWindow.run());
        root = new VBox(6, new HBox(8, new Label("A click counts within (ISO duration)"), window), summary, table);
        summary.setId("optimization-offpolicy-summary");
        summary.setWrapText(true);
        table.setId("optimization-offpolicy");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(Columns.of("always send", Row::variant, 110),
                Columns.of("sends", Row::decisions, 70), Columns.of("click rate (IPS)", Row::ips, 170),
                Columns.of("self-normalised", Row::snips, 170),
                Columns.of("vs what was sent", Row::lift, 170)));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    /** The reward window typed, as the query parameter the server reads. */
    String window() {
        return window.getText().trim();
    }

    void show(JsonNode report) {
        summary.setText(String.format(Locale.ROOT, "%,d sends of %s due at least %s ago; what was sent earned %s "
                        + "clicks per send%s.", report.path("decisions").asLong(), report.path("ruleId").asText(),
                report.path("window").asText(), percent(report.path("loggedRate").asDouble()),
                report.path("skipped").asLong() > 0 ? " (" + report.path("skipped").asLong() + " left out)" : ""));
        List<Row> rows = new ArrayList<>();
        report.path("alwaysVariant").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            rows.add(new Row(e.getKey(), v.path("decisions").asLong(), interval(v.path("ips"), v.path("ipsInterval")),
                    interval(v.path("snips"), v.path("snipsInterval")), interval(v.path("lift"),
                    v.path("liftInterval"))));
        });
        table.getItems().setAll(rows);
    }

    void unavailable(String why) {
        summary.setText(why);
        table.getItems().clear();
    }

    private static String interval(JsonNode value, JsonNode range) {
        return percent(value.asDouble()) + " (" + percent(range.path("low").asDouble()) + " to "
                + percent(range.path("high").asDouble()) + ")";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
