package dev.triggerforge.console.triggers;

import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.trigger.AllocationMode;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.GuardrailOverrides;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The form for one trigger spec: every change rebuilds the immutable {@link TriggerSpec} from the fields, keeping what
 * the form does not show (description, repeat, restarts, parameters…) from the spec it was loaded with.
 */
final class TriggerForm {

    private final ReadOnlyObjectWrapper<TriggerSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyListWrapper<String> inputProblems =
            new ReadOnlyListWrapper<>(this, "inputProblems", FXCollections.observableArrayList());
    private final TextField id = field("trigger-id");
    private final TextField name = field("trigger-name");
    private final TextField priority = field("trigger-priority");
    private final ChoiceBox<Subject> subject = new ChoiceBox<>(FXCollections.observableArrayList(Subject.values()));
    private final ComboBox<String> entry =
            new ComboBox<>(FXCollections.observableArrayList(EventType.BUILT_IN.stream().sorted().toList()));
    private final ObservableList<ConditionRow> conditions =
            FXCollections.observableArrayList(ConditionRow::observables);
    private final TextField waitText = field("trigger-wait");
    private final TextField cancelOn = field("trigger-cancel-on");
    private final TextField templateId = field("trigger-template");
    private final ObservableList<VariantRow> variants = FXCollections.observableArrayList(VariantRow::observables);
    private final ChoiceBox<AllocationMode> allocation =
            new ChoiceBox<>(FXCollections.observableArrayList(AllocationMode.values()));
    private final TextField bestTime = field("trigger-best-time");
    private final CheckBox capExempt = new CheckBox("Exempt from the frequency cap");
    private final CheckBox quietExempt = new CheckBox("Exempt from quiet hours");
    private final GridPane grid = new GridPane();
    private TriggerSpec loaded;
    private boolean loading;

    TriggerForm() {
        subject.setId("trigger-subject");
        entry.setId("trigger-entry");
        entry.setEditable(true);
        allocation.setId("trigger-allocation");
        capExempt.setId("trigger-cap-exempt");
        quietExempt.setId("trigger-quiet-exempt");
        cancelOn.setPromptText("event types, comma separated");
        bestTime.setPromptText("hours; empty = send when due");
        waitText.setPromptText("ISO duration, e.g. PT30M");
        grid.getStyleClass().add("trigger-form");
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, label("Id"), id);
        grid.addRow(row++, label("Name"), name);
        grid.addRow(row++, label("Priority"), priority);
        grid.addRow(row++, label("Subject"), subject);
        grid.addRow(row++, label("When event"), entry);
        grid.addRow(row++, label("with conditions"), FormTables.conditions(conditions));
        grid.addRow(row++, label("and not within"), waitText);
        grid.addRow(row++, label("any of"), cancelOn);
        grid.addRow(row++, label("send template"), templateId);
        grid.addRow(row++, label("Variants"), FormTables.variants(variants, this::nextVariant));
        grid.addRow(row++, label("Allocation"), allocation);
        grid.addRow(row++, label("Best time within"), bestTime);
        grid.addRow(row, label("Guardrails"), new VBox(4, capExempt, quietExempt));
        for (TextField f : List.of(id, name, priority, waitText, cancelOn, templateId, bestTime)) {
            f.textProperty().addListener((obs, old, now) -> rebuild());
        }
        entry.getEditor().textProperty().addListener((obs, old, now) -> rebuild());
        entry.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(entry.getEditor().getText())) {
                entry.getEditor().setText(now);
            }
        });
        subject.valueProperty().addListener((obs, old, now) -> rebuild());
        allocation.valueProperty().addListener((obs, old, now) -> rebuild());
        capExempt.selectedProperty().addListener((obs, old, now) -> rebuild());
        quietExempt.selectedProperty().addListener((obs, old, now) -> rebuild());
        conditions.addListener((ListChangeListener<ConditionRow>) c -> rebuild());
        variants.addListener((ListChangeListener<VariantRow>) c -> rebuild());
    }

    Node node() {
        return grid;
    }

    /** The spec as the form now stands; null until one is loaded. */
    ReadOnlyObjectProperty<TriggerSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** Fields the form cannot read (a wait that is not a duration, a priority that is not a number). */
    ReadOnlyListProperty<String> inputProblemsProperty() {
        return inputProblems.getReadOnlyProperty();
    }

    ObservableList<VariantRow> variants() {
        return variants;
    }

    ObservableList<ConditionRow> conditions() {
        return conditions;
    }

    void load(TriggerSpec s) {
        loading = true;
        try {
            loaded = s;
            id.setText(s.id());
            name.setText(s.name());
            priority.setText(String.valueOf(s.priority()));
            subject.setValue(s.subject());
            entry.getEditor().setText(s.entry() == null ? "" : s.entry().eventType());
            conditions.setAll(s.entry() == null ? List.of()
                    : s.entry().conditions().stream().map(ConditionRow::of).toList());
            waitText.setText(s.waitDuration().toString());
            cancelOn.setText(String.join(", ", s.cancelOn().stream().map(EventMatch::eventType).toList()));
            templateId.setText(s.templateId() == null ? "" : s.templateId());
            variants.setAll(s.variants().stream().map(VariantRow::of).toList());
            allocation.setValue(s.allocation() == null ? AllocationMode.FIXED : s.allocation());
            bestTime.setText(s.bestTimeWithin() == null ? "" : String.valueOf(s.bestTimeWithin().toHours()));
            capExempt.setSelected(Boolean.FALSE.equals(s.guardrails().frequencyCap()));
            quietExempt.setSelected(Boolean.FALSE.equals(s.guardrails().quietHours()));
        } finally {
            loading = false;
        }
        inputProblems.clear();
        spec.set(s);
    }

    private void rebuild() {
        if (loading || loaded == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        TriggerSpec s = loaded;
        int prio = s.priority();
        try {
            prio = Integer.parseInt(priority.getText().strip());
        } catch (NumberFormatException e) {
            problems.add("priority: '" + priority.getText() + "' is not a whole number");
        }
        Duration wait = duration("wait", waitText.getText(), s.waitDuration(), problems);
        Duration best = null;
        if (!bestTime.getText().isBlank()) {
            try {
                best = Duration.ofHours(Long.parseLong(bestTime.getText().strip()));
            } catch (NumberFormatException e) {
                problems.add("bestTimeWithin: '" + bestTime.getText() + "' is not a whole number of hours");
                best = s.bestTimeWithin();
            }
        }
        EventMatch entryMatch = new EventMatch(entry.getEditor().getText().strip(),
                conditions.stream().map(ConditionRow::toCondition).toList());
        List<Variant> vs = variants.stream().map(v -> v.toVariant(problems)).toList();
        GuardrailOverrides guardrails = new GuardrailOverrides(capExempt.isSelected() ? Boolean.FALSE : null,
                quietExempt.isSelected() ? Boolean.FALSE : null);
        String template = templateId.getText().isBlank() ? null : templateId.getText().strip();
        inputProblems.setAll(problems);
        spec.set(new TriggerSpec(id.getText().strip(), name.getText(), s.description(), prio, subject.getValue(),
                entryMatch, s.repeat(), wait, s.restartOn(), cancelMatches(s), s.oncePer(), template, s.requires(),
                vs, guardrails, s.experiment(), s.parameters(), allocation.getValue(), best));
    }

    /** The cancelling events typed, keeping the conditions of those the loaded spec already had. */
    private List<EventMatch> cancelMatches(TriggerSpec s) {
        return Arrays.stream(cancelOn.getText().split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> s.cancelOn().stream().filter(m -> Objects.equals(m.eventType(), t)).findFirst()
                        .orElse(EventMatch.of(t)))
                .toList();
    }

    private static Duration duration(String path, String text, Duration fallback, List<String> problems) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(path + ": '" + text + "' is not an ISO duration such as PT30M or P2D");
            return fallback;
        }
    }

    private String nextVariant() {
        String template = templateId.getText().strip();
        return template.isEmpty() ? "variant" : template;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
