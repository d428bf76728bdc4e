package dev.triggerforge.console.library;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/** Shows a version diff readably: what was added, removed and changed, then the changed lines in green and red. */
final class DiffText {

    static final Color ADDED = Color.web("#1a7f37");
    static final Color REMOVED = Color.web("#cf222e");

    /** One changed thing (a trigger, a DRL file) and its lines. */
    record Section(String title, List<LineDiff.Line> lines) {
    }

    private final TextFlow flow = new TextFlow();

    DiffText() {
        flow.setId("diff-text");
    }

    Node node() {
        return flow;
    }

    void show(JsonNode summary, List<Section> sections) {
        List<Text> texts = new ArrayList<>();
        texts.add(heading("Version " + summary.path("from").asText() + " → version " + summary.path("to").asText()
                + "\n"));
        texts.add(plain(listed("Triggers added", summary.path("triggersAdded"))
                + listed("Triggers removed", summary.path("triggersRemoved"))
                + listed("Triggers changed", summary.path("triggersChanged"))
                + listed("DRL files added", summary.path("drlAdded"))
                + listed("DRL files removed", summary.path("drlRemoved"))
                + listed("DRL files changed", summary.path("drlChanged"))
                + "Guardrails " + (summary.path("guardrailsChanged").asBoolean() ? "changed" : "unchanged") + "\n"));
        for (Section section : sections) {
            texts.add(heading("\n" + section.title() + "\n"));
            for (LineDiff.Line line : section.lines()) {
                Text text = mono(line + "\n");
                switch (line.kind()) {
                    case ADDED -> styled(text, ADDED, "diff-added");
                    case REMOVED -> styled(text, REMOVED, "diff-removed");
                    case SAME -> text.getStyleClass().add("diff-same");
                }
                texts.add(text);
            }
        }
        flow.getChildren().setAll(texts);
    }

    /** The whole diff as plain text, as a screen reader or a test reads it. */
    String text() {
        StringBuilder out = new StringBuilder();
        flow.getChildren().forEach(n -> out.append(((Text) n).getText()));
        return out.toString();
    }

    private static String listed(String what, JsonNode names) {
        List<String> list = new ArrayList<>();
        names.forEach(n -> list.add(n.asText()));
        return what + ": " + (list.isEmpty() ? "none" : String.join(", ", list)) + "\n";
    }

    private static void styled(Text text, Color color, String styleClass) {
        text.setFill(color);
        text.getStyleClass().add(styleClass);
    }

    private static Text heading(String value) {
        Text text = new Text(value);
        text.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize() + 1));
        return text;
    }

    private static Text plain(String value) {
        return new Text(value);
    }

    private static Text mono(String value) {
        Text text = new Text(value);
        text.setFont(Font.font("monospace", Font.getDefault().getSize()));
        return text;
    }
}
