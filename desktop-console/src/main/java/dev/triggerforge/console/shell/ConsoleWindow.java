package dev.triggerforge.console.shell;

import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.ConsoleSettings;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.event.RunSimulation;
import dev.triggerforge.console.event.SaveDraft;
import dev.triggerforge.console.event.ShowView;
import dev.triggerforge.console.event.ViewId;
import dev.triggerforge.console.rules.DraftStore;
import dev.triggerforge.console.rules.RulesView;
import dev.triggerforge.console.simulation.SimulationView;
import dev.triggerforge.console.triggers.TriggersView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.EnumMap;
import java.util.Map;

/**
 * The console's main window: navigation on the left, one feature view in the centre, and the keyboard shortcuts
 * that work wherever the focus is; features reach each other only through the {@link EventBus}.
 */
public final class ConsoleWindow {

    private final EventBus bus = new EventBus();
    private final BackgroundWork work = new BackgroundWork();
    private final Map<ViewId, Node> views = new EnumMap<>(ViewId.class);
    private final BorderPane root = new BorderPane();
    private final Navigation navigation;
    private final RulesView rulesView;
    private final SimulationView simulationView;

    private ConsoleWindow(ConsoleSettings settings) {
        rulesView = new RulesView(bus, work, new DraftStore(settings.draftsFolder()));
        simulationView = new SimulationView(bus, work);
        views.put(ViewId.RULES, rulesView.node());
        views.put(ViewId.SIMULATION, simulationView.node());
        views.put(ViewId.TRIGGERS, new TriggersView(work).node());
        navigation = new Navigation(bus);
        root.setLeft(navigation.node());
        root.getStyleClass().add("console-root");
        bus.subscribe(ShowView.class, e -> show(e.view()));
        show(ViewId.RULES);
    }

    /** Builds the window on {@code stage}, restores its placement and shows it. */
    public static ConsoleWindow open(Stage stage, ConsoleSettings settings) {
        ConsoleWindow window = new ConsoleWindow(settings);
        Scene scene = new Scene(window.root);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("/dev/triggerforge/console/console.css")
                .toExternalForm());
        window.installShortcuts(scene);
        WindowBounds bounds = new WindowBounds(settings.preferences());
        bounds.restore(stage);
        stage.setOnHiding(e -> bounds.save(stage));
        stage.setTitle("TriggerForge console");
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** Ctrl+1 to Ctrl+3 switch views, Ctrl+S saves the draft, Ctrl+R runs the simulation (Cmd on macOS). */
    private void installShortcuts(Scene scene) {
        ViewId[] ids = ViewId.values();
        for (int i = 0; i < ids.length; i++) {
            ViewId id = ids[i];
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> bus.publish(new ShowView(id)));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> bus.publish(new SaveDraft()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            bus.publish(new ShowView(ViewId.SIMULATION));
            bus.publish(new RunSimulation());
        });
    }

    private void show(ViewId id) {
        root.setCenter(views.get(id));
        navigation.select(id);
    }

    /** Stops background work; the window itself is closed by JavaFX. */
    public void close() {
        simulationView.cancel();
        work.close();
    }
}
