package dev.triggerforge.console.simulation;

import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.event.EventBus;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** Runs the current rules over synthetic traffic on this machine and shows what they would send. */
public final class SimulationView {

    private final BorderPane root = new BorderPane(new Label("Simulation"));

    public SimulationView(EventBus bus, BackgroundWork work) {
        root.setId("simulation-view");
    }

    public Node node() {
        return root;
    }

    public void cancel() {
    }
}
