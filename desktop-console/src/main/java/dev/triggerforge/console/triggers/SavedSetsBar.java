package dev.triggerforge.console.triggers;

import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.event.OpenRuleSet;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.console.workspace.RuleSetFiles;
import dev.triggerforge.console.workspace.Workspace;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;

/** Saves the edited trigger set under a name, or opens a saved one in its place, from the Triggers screen's toolbar. */
final class SavedSetsBar {

    private final EventBus bus;
    private final Workspace workspace;
    private final RuleSetFiles files;
    private final TextField setName = new TextField("my-triggers");
    private final ComboBox<String> saved = new ComboBox<>();
    private final Label message = new Label();
    private final ToolBar root;

    SavedSetsBar(ConsoleContext context) {
        this.bus = context.bus();
        this.workspace = context.workspace();
        this.files = new RuleSetFiles(context.settings().ruleSetsFolder());
        setName.setId("set-name");
        setName.setPrefColumnCount(14);
        saved.setId("saved-sets");
        saved.setPromptText("Saved sets");
        saved.setOnShowing(e -> refreshSaved());
        message.setId("set-message");
        Button save = new Button("Save set");
        save.setId("save-set");
        save.setOnAction(e -> saveSet());
        Button openSaved = new Button("Open");
        openSaved.setId("open-set");
        openSaved.setOnAction(e -> openSet(saved.getValue()));
        root = new ToolBar(new Label("Set"), setName, save, saved, openSaved, new Separator(Orientation.VERTICAL),
                message);
    }

    Node node() {
        return root;
    }

    private void saveSet() {
        try {
            Path file = files.save(setName.getText().strip(), workspace.ruleSet(false));
            message.setText("Saved " + file.getFileName());
        } catch (IOException | IllegalArgumentException e) {
            ErrorDialogs.show(window(), "The set was not saved", ErrorDialogs.describe(e)
                    + " (folder " + files.folder() + ")", e);
        }
    }

    private void openSet(String name) {
        if (name == null) {
            return;
        }
        try {
            bus.publish(new OpenRuleSet(files.load(name), "set " + name));
            setName.setText(name);
            message.setText("Opened " + name + ".json");
        } catch (IOException | IllegalArgumentException e) {
            ErrorDialogs.show(window(), "The set could not be opened", ErrorDialogs.describe(e), e);
        }
    }

    private void refreshSaved() {
        try {
            saved.getItems().setAll(files.names());
        } catch (IOException e) {
            ErrorDialogs.show(window(), "Saved sets could not be listed", ErrorDialogs.describe(e), e);
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
