package dev.triggerforge.console.triggers;

import dev.triggerforge.model.ruleset.GuardrailSettings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The guardrails every trigger of the set obeys unless it is exempt: at most N trigger emails per customer per window,
 * and the local quiet hours in which sends wait; a field that cannot be read is named instead of applied.
 */
final class GuardrailsForm {

    private final Spinner<Integer> cap = new Spinner<>(0, 50, 2);
    private final Spinner<Integer> windowHours = new Spinner<>(1, 24 * 30, 24);
    private final TextField quietStart = new TextField("21:00");
    private final TextField quietEnd = new TextField("08:00");
    private final ReadOnlyObjectWrapper<GuardrailSettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final TitledPane root;
    private boolean loading;

    GuardrailsForm() {
        cap.setId("guardrail-cap");
        windowHours.setId("guardrail-window");
        quietStart.setId("guardrail-quiet-start");
        quietEnd.setId("guardrail-quiet-end");
        cap.setPrefWidth(70);
        windowHours.setPrefWidth(80);
        quietStart.setPrefColumnCount(4);
        quietEnd.setPrefColumnCount(4);
        HBox row = new HBox(6, new Label("At most"), cap, new Label("trigger emails per customer per"), windowHours,
                new Label("hours; quiet from"), quietStart, new Label("to"), quietEnd,
                new Label("local time (equal: no quiet hours)"));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setPadding(new Insets(6));
        root = new TitledPane("Guardrails for every trigger", row);
        root.setId("guardrails");
        root.setExpanded(false);
        cap.valueProperty().addListener((obs, old, v) -> read());
        windowHours.valueProperty().addListener((obs, old, v) -> read());
        quietStart.textProperty().addListener((obs, old, v) -> read());
        quietEnd.textProperty().addListener((obs, old, v) -> read());
    }

    Node node() {
        return root;
    }

    /** The guardrails as last read from valid fields. */
    ReadOnlyObjectProperty<GuardrailSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Why the fields cannot be read, or empty. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void load(GuardrailSettings shown) {
        loading = true;
        try {
            cap.getValueFactory().setValue(shown.frequencyCap());
            windowHours.getValueFactory().setValue((int) Math.max(1, shown.frequencyWindow().toHours()));
            quietStart.setText(shown.quietStart().toString());
            quietEnd.setText(shown.quietEnd().toString());
        } finally {
            loading = false;
        }
        settings.set(shown);
        problem.set("");
    }

    private void read() {
        if (loading) {
            return;
        }
        try {
            settings.set(new GuardrailSettings(cap.getValue(), Duration.ofHours(windowHours.getValue()),
                    time("quiet from", quietStart), time("quiet to", quietEnd)));
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    private static LocalTime time(String field, TextField text) {
        try {
            return LocalTime.parse(text.getText().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("guardrails: " + field + " must be a time like 21:00, not '"
                    + text.getText().strip() + "'", e);
        }
    }
}
