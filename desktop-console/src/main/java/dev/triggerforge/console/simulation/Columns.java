package dev.triggerforge.console.simulation;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Builds read-only table columns from a getter, so the result tables stay declarative. */
public final class Columns {

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Columns() {
    }

    public static <R, V> TableColumn<R, V> of(String title, Function<R, V> value, double width) {
        TableColumn<R, V> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column of instants shown as {@code 2026-01-05 07:24:31} in UTC, still sorted as instants. */
    public static <R> TableColumn<R, Instant> time(String title, Function<R, Instant> value, double width) {
        TableColumn<R, Instant> column = of(title, value, width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : UTC_SECONDS.format(at));
            }
        });
        return column;
    }
}
