package dev.triggerforge.console.triggers;

import dev.triggerforge.model.trigger.Operator;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The form's two small editable tables (entry conditions and variants), each with Add and Remove buttons. */
final class FormTables {

    private FormTables() {
    }

    static Node conditions(ObservableList<ConditionRow> rows) {
        TableView<ConditionRow> table = table("conditions", rows);
        TableColumn<ConditionRow, String> property = new TableColumn<>("Property");
        property.setCellValueFactory(c -> c.getValue().propertyProperty());
        property.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<ConditionRow, Operator> op = new TableColumn<>("Operator");
        op.setCellValueFactory(c -> c.getValue().opProperty());
        op.setCellFactory(ChoiceBoxTableCell.forTableColumn(Operator.values()));
        TableColumn<ConditionRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        table.getColumns().setAll(List.of(property, op, value));
        return withButtons("condition", table, () -> rows.add(new ConditionRow()));
    }

    static Node variants(ObservableList<VariantRow> rows, Supplier<String> template) {
        TableView<VariantRow> table = table("variants", rows);
        TableColumn<VariantRow, String> id = new TableColumn<>("Id");
        id.setCellValueFactory(c -> c.getValue().idProperty());
        id.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<VariantRow, String> weight = new TableColumn<>("Weight");
        weight.setCellValueFactory(c -> c.getValue().weightProperty());
        weight.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<VariantRow, Boolean> holdout = new TableColumn<>("Holdout");
        holdout.setCellValueFactory(c -> c.getValue().holdoutProperty());
        holdout.setCellFactory(CheckBoxTableCell.forTableColumn(holdout));
        TableColumn<VariantRow, String> templateId = new TableColumn<>("Template");
        templateId.setCellValueFactory(c -> c.getValue().templateIdProperty());
        templateId.setCellFactory(TextFieldTableCell.forTableColumn());
        table.getColumns().setAll(List.of(id, weight, holdout, templateId));
        return withButtons("variant", table, () -> rows.add(new VariantRow(freeId(rows), template.get())));
    }

    /** The first of a, b, c… no row uses yet. */
    private static String freeId(ObservableList<VariantRow> rows) {
        return IntStream.range(0, 26).mapToObj(i -> String.valueOf((char) ('a' + i)))
                .filter(n -> rows.stream().noneMatch(r -> r.idProperty().get().equals(n)))
                .findFirst().orElse("v" + rows.size());
    }

    private static <T> TableView<T> table(String id, ObservableList<T> rows) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setEditable(true);
        table.setPrefHeight(110);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static <T> Node withButtons(String what, TableView<T> table, Runnable add) {
        Button addButton = new Button("Add " + what);
        addButton.setId("add-" + what);
        addButton.setOnAction(e -> add.run());
        Button remove = new Button("Remove " + what);
        remove.setId("remove-" + what);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> table.getItems().remove(table.getSelectionModel().getSelectedItem()));
        return new VBox(4, table, new HBox(6, addButton, remove));
    }
}
