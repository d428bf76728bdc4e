package dev.triggerforge.console.triggers;

import dev.triggerforge.model.trigger.Variant;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One editable row of the variants table; keeps the variant's wait and parameters, which the form does not show. */
final class VariantRow {

    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty weight = new SimpleStringProperty(this, "weight", "50");
    private final BooleanProperty holdout = new SimpleBooleanProperty(this, "holdout");
    private final StringProperty templateId = new SimpleStringProperty(this, "templateId", "");
    private final Duration waitDuration;
    private final Map<String, Object> parameters;

    VariantRow(String id, String templateId) {
        this(id, "50", false, templateId, null, Map.of());
    }

    private VariantRow(String id, String weight, boolean holdout, String templateId, Duration waitDuration,
                       Map<String, Object> parameters) {
        this.id.set(id);
        this.weight.set(weight);
        this.holdout.set(holdout);
        this.templateId.set(templateId == null ? "" : templateId);
        this.waitDuration = waitDuration;
        this.parameters = parameters;
    }

    static VariantRow of(Variant v) {
        return new VariantRow(v.id(), String.valueOf(v.weight()), v.holdout(), v.templateId(), v.waitDuration(),
                v.parameters());
    }

    StringProperty idProperty() {
        return id;
    }

    StringProperty weightProperty() {
        return weight;
    }

    BooleanProperty holdoutProperty() {
        return holdout;
    }

    StringProperty templateIdProperty() {
        return templateId;
    }

    Observable[] observables() {
        return new Observable[] {id, weight, holdout, templateId};
    }

    /** The variant; an unreadable weight is reported in {@code problems} and taken as 0. */
    Variant toVariant(List<String> problems) {
        int w = 0;
        try {
            w = Integer.parseInt(weight.get().strip());
        } catch (NumberFormatException e) {
            problems.add("variants." + id.get() + ".weight: '" + weight.get() + "' is not a whole number");
        }
        String template = templateId.get().isBlank() ? null : templateId.get().strip();
        return new Variant(id.get(), w, holdout.get(), template, waitDuration, parameters);
    }
}
