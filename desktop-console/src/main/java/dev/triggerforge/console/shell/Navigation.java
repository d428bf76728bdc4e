package dev.triggerforge.console.shell;

import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.event.ShowView;
import dev.triggerforge.console.event.ViewId;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The left-hand list of screens; choosing one asks the shell, through the bus, to show it. */
final class Navigation {

    private final ListView<ViewId> list = new ListView<>();
    private boolean selecting;

    Navigation(EventBus bus) {
        list.getItems().setAll(ViewId.values());
        list.setId("navigation");
        list.getStyleClass().add("navigation");
        list.setPrefWidth(170);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ViewId item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setId(empty || item == null ? null : "nav-" + item.name().toLowerCase());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, id) -> {
            if (id != null && !selecting) {
                bus.publish(new ShowView(id));
            }
        });
    }

    Node node() {
        return list;
    }

    /** Marks the view being shown without announcing it again. */
    void select(ViewId id) {
        selecting = true;
        try {
            list.getSelectionModel().select(id);
        } finally {
            selecting = false;
        }
    }
}
