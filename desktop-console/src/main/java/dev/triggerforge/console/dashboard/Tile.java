package dev.triggerforge.console.dashboard;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One number on the dashboard with its name and a line of context under it. */
final class Tile {

    private final Label value = new Label("–");
    private final Label detail = new Label();
    private final VBox root;

    Tile(String id, String title) {
        value.setId("dashboard-" + id);
        detail.setId("dashboard-" + id + "-detail");
        value.getStyleClass().add("title-2");
        detail.getStyleClass().add("text-muted");
        root = new VBox(2, new Label(title), value, detail);
        root.setPadding(new Insets(8, 12, 8, 12));
        root.setMinWidth(150);
        root.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
    }

    Node node() {
        return root;
    }

    void show(String shown, String context) {
        value.setText(shown);
        detail.setText(context);
    }
}
