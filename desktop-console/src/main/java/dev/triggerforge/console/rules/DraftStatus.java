package dev.triggerforge.console.rules;

import dev.triggerforge.rules.compile.CompileError;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;

import java.util.List;

/** What the last check of the draft found, observable so the editor and its error list follow it. */
public final class DraftStatus {

    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked");
    private final ReadOnlyListWrapper<CompileError> problems =
            new ReadOnlyListWrapper<>(this, "problems", FXCollections.observableArrayList());

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** True once a check has finished for the text now in the editor. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<CompileError> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    void started() {
        checking.set(true);
        checked.set(false);
    }

    void finished(List<CompileError> found) {
        problems.setAll(found);
        checking.set(false);
        checked.set(true);
    }

    /** The check was dropped (a newer text replaced it) or failed. */
    void abandoned() {
        checking.set(false);
    }
}
