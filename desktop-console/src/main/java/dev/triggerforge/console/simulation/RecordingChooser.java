package dev.triggerforge.console.simulation;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names recorded JSON Lines files (events, and optionally their profiles) to replay instead of synthetic traffic,
 * typed or picked with a file dialog; with no events file the simulation generates shoppers.
 */
public final class RecordingChooser {

    private final TextField events = new TextField();
    private final TextField profiles = new TextField();
    private final HBox root;

    public RecordingChooser() {
        events.setId("events-file");
        events.setPromptText("recorded events .jsonl (empty: synthetic)");
        events.setPrefColumnCount(18);
        profiles.setId("profiles-file");
        profiles.setPromptText("profiles .jsonl (optional)");
        profiles.setPrefColumnCount(12);
        profiles.disableProperty().bind(recorded().not());
        Button pickEvents = browse("choose-events", "Recorded events (JSON Lines)", events);
        Button pickProfiles = browse("choose-profiles", "Customer profiles (JSON Lines)", profiles);
        pickProfiles.disableProperty().bind(recorded().not());
        root = new HBox(4, events, pickEvents, profiles, pickProfiles);
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    public Node node() {
        return root;
    }

    /** True while an events file is named. */
    public BooleanBinding recorded() {
        return events.textProperty().isNotEmpty();
    }

    public Path events() {
        return path(events);
    }

    public Path profiles() {
        return events() == null ? null : path(profiles);
    }

    private static Path path(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip();
        return text.isEmpty() ? null : Path.of(text);
    }

    private Button browse(String id, String title, TextField target) {
        Button button = new Button("…");
        button.setId(id);
        button.setOnAction(e -> pick(title).ifPresent(p -> target.setText(p.toString())));
        return button;
    }

    private Optional<Path> pick(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl", "*.json",
                "*.ndjson"), new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
