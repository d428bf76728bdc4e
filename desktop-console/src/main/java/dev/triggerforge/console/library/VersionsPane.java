package dev.triggerforge.console.library;

import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.event.OpenRuleSet;
import dev.triggerforge.console.event.WorkspaceChanged;
import dev.triggerforge.console.rules.DraftStore;
import dev.triggerforge.console.simulation.Columns;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rule library: the server's versions (newest first, the active one marked) and what is on this machine (the
 * working copy and the saved DRL drafts); the selected one's triggers and DRL, and "Edit a copy" to work on it.
 */
final class VersionsPane {

    private final ConsoleContext context;
    private final ServerCalls calls;
    private final DraftStore drafts;
    private final TableView<ServerVersion> versions = new TableView<>();
    private final Label serverState = new Label();
    private final Label workingCopy = new Label();
    private final ListView<String> draftList = new ListView<>();
    private final Label detailTitle = new Label("Select a version or a draft.");
    private final ListView<String> triggers = new ListView<>();
    private final TextArea source = new TextArea();
    private final Button editCopy = new Button("Edit a copy");
    private final SplitPane root;
    private ServerVersion shown;

    VersionsPane(ConsoleContext context, ServerCalls calls) {
        this.context = context;
        this.calls = calls;
        this.drafts = new DraftStore(context.settings().draftsFolder());
        versions.setId("library-versions");
        serverState.setId("library-server-state");
        serverState.setWrapText(true);
        workingCopy.setId("library-working-copy");
        draftList.setId("library-drafts");
        detailTitle.setId("library-detail-title");
        triggers.setId("library-detail-triggers");
        source.setId("library-detail-source");
        source.setEditable(false);
        source.getStyleClass().add("drl-editor");
        editCopy.setId("library-edit-copy");
        editCopy.setDisable(true);
        editCopy.setOnAction(e -> context.bus().publish(new OpenRuleSet(shown.ruleSet(), "version " + shown.version())));
        columns();
        versions.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> {
            if (v != null) {
                draftList.getSelectionModel().clearSelection();
                open(v);
            }
        });
        draftList.getSelectionModel().selectedItemProperty().addListener((obs, old, name) -> {
            if (name != null) {
                versions.getSelectionModel().clearSelection();
                openDraft(name);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("library-refresh");
        refresh.setOnAction(e -> reload(list -> { }));
        VBox.setVgrow(versions, Priority.ALWAYS);
        VBox left = new VBox(6, new HBox(8, new Label("On the server"), refresh), serverState, versions,
                new Label("On this machine"), workingCopy, new Label("Saved DRL drafts"), draftList);
        left.setPadding(new Insets(8));
        draftList.setPrefHeight(120);
        VBox.setVgrow(source, Priority.ALWAYS);
        triggers.setPrefHeight(140);
        VBox right = new VBox(6, new HBox(8, detailTitle, editCopy), new Label("Triggers"), triggers,
                new Label("DRL"), source);
        right.setPadding(new Insets(8));
        root = new SplitPane(left, right);
        root.setDividerPositions(0.56);
        context.bus().subscribe(WorkspaceChanged.class, e -> showWorkingCopy());
        showWorkingCopy();
    }

    Node node() {
        return root;
    }

    /** Reloads the server's versions (or says the console is offline) and the local drafts; hands on the list. */
    void reload(Consumer<List<ServerVersion>> loaded) {
        loadDrafts();
        if (!calls.online()) {
            versions.getItems().clear();
            serverState.setText("Offline: connect to a server (Server, Ctrl+8) to see its versions."
                    + " The working copy and the drafts below still work.");
            loaded.accept(List.of());
            return;
        }
        serverState.setText("Loading the server's versions…");
        calls.run(RuleSetApi::versions, list -> {
            versions.getItems().setAll(list);
            if (versions.getSelectionModel().isEmpty() && draftList.getSelectionModel().isEmpty()) {
                list.stream().filter(ServerVersion::active).findFirst()
                        .ifPresent(v -> versions.getSelectionModel().select(v));
            }
            serverState.setText(list.size() + " versions; active: " + list.stream().filter(ServerVersion::active)
                    .map(v -> "version " + v.version()).findFirst().orElse("none"));
            loaded.accept(list);
        }, failure -> {
            serverState.setText("The server's versions could not be loaded: " + String.join(" ",
                    ServerCalls.describe(failure)));
            loaded.accept(List.of());
        });
    }

    private void columns() {
        versions.getColumns().add(Columns.of("Version", ServerVersion::version, 70));
        versions.getColumns().add(Columns.of("Active", v -> v.active() ? "active" : "", 66));
        versions.getColumns().add(Columns.of("Who", ServerVersion::author, 110));
        versions.getColumns().add(Columns.time("When (UTC)", ServerVersion::createdAt, 170));
        versions.getColumns().add(Columns.of("Note", ServerVersion::comment, 110));
        versions.getColumns().add(Columns.of("Triggers", ServerVersion::triggers, 76));
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void open(ServerVersion summary) {
        detailTitle.setText("Version " + summary.version() + ": loading…");
        editCopy.setDisable(true);
        calls.run(api -> api.version(summary.version()), v -> {
            shown = v;
            show("Version " + v.version() + (v.active() ? " (active)" : ""), v.ruleSet());
            editCopy.setDisable(false);
        }, failure -> detailTitle.setText("Version " + summary.version() + ": "
                + String.join(" ", ServerCalls.describe(failure))));
    }

    private void openDraft(String name) {
        editCopy.setDisable(true);
        try {
            show("Draft " + name + " (" + drafts.folder().resolve(name + ".drl") + ")",
                    new RuleSet(name, List.of(new DrlSource(name + ".drl", drafts.load(name))), List.of(), null));
        } catch (IOException e) {
            detailTitle.setText("Draft " + name + " cannot be read: " + e.getMessage());
        }
    }

    private void show(String title, RuleSet ruleSet) {
        detailTitle.setText(title);
        triggers.getItems().setAll(ruleSet.triggers().stream().map(VersionsPane::describe).toList());
        source.setText(ruleSet.drl().isEmpty() ? "(no DRL: trigger specs only)"
                : ruleSet.drl().stream().map(d -> "// " + d.name() + "\n" + d.content())
                .reduce((a, b) -> a + "\n\n" + b).orElse(""));
    }

    private static String describe(TriggerSpec spec) {
        return spec.id() + ": " + spec.name() + ", wait " + spec.waitDuration() + ", template " + spec.templateId();
    }

    private void showWorkingCopy() {
        RuleSet copy = context.workspace().ruleSet(false);
        workingCopy.setText("Working copy from " + context.workspace().origin() + ": " + copy.triggers().size()
                + " triggers" + context.workspace().draft().map(d -> ", DRL draft " + d.name()).orElse(""));
    }

    private void loadDrafts() {
        try {
            draftList.getItems().setAll(drafts.names());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the drafts in " + drafts.folder(), e);
        }
    }
}
