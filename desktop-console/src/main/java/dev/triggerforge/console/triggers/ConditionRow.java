package dev.triggerforge.console.triggers;

import dev.triggerforge.model.trigger.Condition;
import dev.triggerforge.model.trigger.Operator;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the entry event's conditions table, turned back into a {@link Condition} on each change. */
final class ConditionRow {

    private final StringProperty property = new SimpleStringProperty(this, "property", "");
    private final ObjectProperty<Operator> op = new SimpleObjectProperty<>(this, "op", Operator.EQ);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    static ConditionRow of(Condition condition) {
        ConditionRow row = new ConditionRow();
        row.property.set(condition.property());
        row.op.set(condition.op());
        row.value.set(condition.value() == null ? "" : String.valueOf(condition.value()));
        return row;
    }

    StringProperty propertyProperty() {
        return property;
    }

    ObjectProperty<Operator> opProperty() {
        return op;
    }

    StringProperty valueProperty() {
        return value;
    }

    Observable[] observables() {
        return new Observable[] {property, op, value};
    }

    /** The condition; numbers and true/false are read as such, anything else as text, and {@code exists} has none. */
    Condition toCondition() {
        return new Condition(property.get(), op.get(), op.get() == Operator.EXISTS ? null : literal(value.get()));
    }

    private static Object literal(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        try {
            return t.contains(".") ? (Object) Double.valueOf(t) : (Object) Long.valueOf(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }
}
