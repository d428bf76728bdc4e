package dev.triggerforge.console.simulation;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Builds read-only table columns from a getter, so the result tables stay declarative. */
final class Columns {

    private Columns() {
    }

    static <R, V> TableColumn<R, V> of(String title, Function<R, V> value, double width) {
        TableColumn<R, V> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
