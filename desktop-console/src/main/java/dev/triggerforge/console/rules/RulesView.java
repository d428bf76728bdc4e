package dev.triggerforge.console.rules;

import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.event.DraftEdited;
import dev.triggerforge.console.event.OpenRuleSet;
import dev.triggerforge.model.ruleset.DrlSource;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.event.SaveDraft;
import dev.triggerforge.console.shell.ErrorDialogs;
import dev.triggerforge.rules.compile.CompileError;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.geometry.Orientation;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The DRL editor: highlighting as the marketer types, a compile check 400 ms after they stop (off the JavaFX thread)
 * whose errors are underlined at their line and listed below, and drafts saved to and opened from a local folder.
 */
public final class RulesView {

    static final Duration CHECK_DELAY = Duration.ofMillis(400);

    private final EventBus bus;
    private final BackgroundWork work;
    private final DraftStore store;
    private final DraftStatus status = new DraftStatus();
    private final CodeArea editor = new CodeArea();
    private final TextField name = new TextField("vip-thanks");
    private final ComboBox<String> drafts = new ComboBox<>();
    private final ListView<CompileError> problems = new ListView<>(status.problemsProperty());
    private final Label message = new Label();
    private final Label checkState = new Label("Checking…");
    private final BorderPane root = new BorderPane();
    private DraftCheck running;

    public RulesView(EventBus bus, BackgroundWork work, DraftStore store) {
        this.bus = bus;
        this.work = work;
        this.store = store;
        editor.setId("drl-editor");
        editor.getStyleClass().add("drl-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.plainTextChanges().subscribe(c -> editor.setStyleSpans(0, DrlHighlighting.compute(editor.getText())));
        editor.multiPlainChanges().successionEnds(CHECK_DELAY).subscribe(c -> check());
        problems.setId("problems");
        problems.setPrefHeight(140);
        problems.setPlaceholder(new Label("No errors"));
        problems.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CompileError error, boolean empty) {
                super.updateItem(error, empty);
                setText(empty || error == null ? null : describe(error));
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((obs, old, error) -> reveal(error));
        status.problemsProperty().addListener((obs, old, now) -> underline(now));
        message.setId("rules-message");
        checkState.setId("check-state");
        checkState.textProperty().bind(Bindings.createStringBinding(this::checkSummary, status.checkingProperty(),
                status.checkedProperty(), status.problemsProperty()));
        name.setId("draft-name");
        drafts.setId("drafts");
        drafts.setPromptText("Saved drafts");
        drafts.setOnShowing(e -> refreshDrafts());
        Button open = new Button("Open");
        open.setOnAction(e -> open(drafts.getValue()));
        Button save = new Button("Save draft");
        save.setId("save-draft");
        save.setOnAction(e -> save());
        ToolBar tools = new ToolBar(new Label("Draft"), name, save, drafts, open, new Separator(Orientation.VERTICAL),
                checkState, new Separator(Orientation.VERTICAL), message);
        SplitPane split = new SplitPane(new VirtualizedScrollPane<>(editor), problems);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        root.setTop(tools);
        root.setCenter(split);
        bus.subscribe(SaveDraft.class, e -> save());
        bus.subscribe(OpenRuleSet.class, e -> e.ruleSet().drl().stream().findFirst().ifPresent(this::load));
        editor.replaceText(sample());
    }

    public Node node() {
        return root;
    }

    public DraftStatus status() {
        return status;
    }

    /** The file name compile errors of this draft carry. */
    String sourceName() {
        return name.getText() + ".drl";
    }

    private void check() {
        if (running != null) {
            running.cancel();
        }
        String drl = editor.getText();
        bus.publish(new DraftEdited(new DrlSource(sourceName(), drl)));
        DraftCheck check = new DraftCheck(sourceName(), drl);
        running = check;
        status.started();
        check.setOnSucceeded(e -> {
            if (running == check) {
                status.finished(check.getValue());
            }
        });
        check.setOnFailed(e -> {
            if (running == check) {
                status.abandoned();
                ErrorDialogs.show(root.getScene().getWindow(), "The draft could not be checked",
                        ErrorDialogs.describe(check.getException()), check.getException());
            }
        });
        work.start(check);
    }

    /** Marks each line with an error of this draft; clears the lines that no longer have one. */
    private void underline(List<? extends CompileError> errors) {
        for (int p = 0; p < editor.getParagraphs().size(); p++) {
            if (!editor.getParagraph(p).getParagraphStyle().isEmpty()) {
                editor.setParagraphStyle(p, List.of());
            }
        }
        for (CompileError error : errors) {
            if (error.source().equals(sourceName()) && error.line() > 0
                    && error.line() <= editor.getParagraphs().size()) {
                editor.setParagraphStyle(error.line() - 1, List.of("compile-error"));
            }
        }
    }

    private void reveal(CompileError error) {
        if (error != null && error.source().equals(sourceName()) && error.line() > 0
                && error.line() <= editor.getParagraphs().size()) {
            editor.moveTo(error.line() - 1, Math.max(0, Math.min(error.column() - 1,
                    editor.getParagraphLength(error.line() - 1))));
            editor.requestFollowCaret();
            editor.requestFocus();
        }
    }

    private String checkSummary() {
        if (status.checkingProperty().get() || !status.checkedProperty().get()) {
            return "Checking…";
        }
        int count = status.problemsProperty().size();
        return count == 0 ? "Compiles" : count == 1 ? "1 error" : count + " errors";
    }

    /** {@code line:column message} for this draft's errors, with the source for the others (trigger specs). */
    private String describe(CompileError error) {
        String at = error.line() > 0 ? error.line() + ":" + Math.max(error.column(), 1) + "  " : "";
        String source = error.source().equals(sourceName()) ? "" : error.source() + " ";
        return source + at + error.message();
    }

    private void save() {
        try {
            store.save(name.getText(), editor.getText());
            message.setText("Saved " + sourceName());
        } catch (IOException | IllegalArgumentException e) {
            ErrorDialogs.show(root.getScene().getWindow(), "The draft was not saved",
                    ErrorDialogs.describe(e) + " (folder " + store.folder() + ")", e);
        }
    }

    private void open(String draft) {
        if (draft == null) {
            return;
        }
        try {
            String drl = store.load(draft);
            name.setText(draft);
            editor.replaceText(drl);
            message.setText("Opened " + sourceName());
        } catch (IOException | IllegalArgumentException e) {
            ErrorDialogs.show(root.getScene().getWindow(), "The draft could not be opened",
                    ErrorDialogs.describe(e), e);
        }
    }

    /** Loads a rule set's DRL file into the editor, named after the file. */
    private void load(DrlSource source) {
        String file = source.name().replaceAll("^.*/", "").replaceAll("\\.drl$", "").replaceAll("[^A-Za-z0-9_-]", "-");
        name.setText(DraftStore.isValidName(file) ? file : "opened");
        editor.replaceText(source.content());
        message.setText("Opened " + source.name());
    }

    private void refreshDrafts() {
        try {
            drafts.getItems().setAll(store.names());
        } catch (IOException e) {
            ErrorDialogs.show(root.getScene().getWindow(), "Saved drafts could not be listed",
                    ErrorDialogs.describe(e) + " (folder " + store.folder() + ")", e);
        }
    }

    private static String sample() {
        try (InputStream in = RulesView.class.getResourceAsStream("/dev/triggerforge/console/sample.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample DRL is missing from the console's resources", e);
        }
    }
}
