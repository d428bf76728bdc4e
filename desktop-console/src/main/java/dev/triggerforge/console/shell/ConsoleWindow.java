package dev.triggerforge.console.shell;

import dev.triggerforge.console.BackgroundWork;
import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.ConsoleSettings;
import dev.triggerforge.console.connection.Connection;
import dev.triggerforge.console.connection.ConnectionView;
import dev.triggerforge.console.dashboard.DashboardView;
import dev.triggerforge.console.event.EventBus;
import dev.triggerforge.console.experiments.ExperimentsView;
import dev.triggerforge.console.event.RunSimulation;
import dev.triggerforge.console.event.SaveDraft;
import dev.triggerforge.console.event.ShowView;
import dev.triggerforge.console.event.ViewId;
import dev.triggerforge.console.library.LibraryView;
import dev.triggerforge.console.workspace.Workspace;
import dev.triggerforge.console.optimization.OptimizationView;
import dev.triggerforge.console.rules.DraftStore;
import dev.triggerforge.console.rules.RulesView;
import dev.triggerforge.console.simulation.SimulationView;
import dev.triggerforge.console.triggers.TriggersView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.EnumMap;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * The console's main window: navigation on the left, one feature view in the centre, and the keyboard shortcuts
 * that work wherever the focus is; features reach each other only through the {@link EventBus}.
 */
public final class ConsoleWindow {

    /** The preference that names the screen shown last. */
    public static final String LAST_VIEW = "lastView";

    private final EventBus bus = new EventBus();
    private final BackgroundWork work = new BackgroundWork();
    private final Connection connection = new Connection(bus);
    private final Workspace workspace = new Workspace(bus);
    private final Map<ViewId, Node> views = new EnumMap<>(ViewId.class);
    private final BorderPane root = new BorderPane();
    private final Navigation navigation;
    private final Preferences preferences;
    private final RulesView rulesView;
    private final SimulationView simulationView;

    private ConsoleWindow(ConsoleSettings settings) {
        ConsoleContext context = new ConsoleContext(bus, work, connection, workspace, settings);
        rulesView = new RulesView(bus, work, new DraftStore(settings.draftsFolder()));
        simulationView = new SimulationView(context);
        views.put(ViewId.RULES, rulesView.node());
        views.put(ViewId.SIMULATION, simulationView.node());
        views.put(ViewId.TRIGGERS, new TriggersView(context).node());
        views.put(ViewId.LIBRARY, new LibraryView(context).node());
        views.put(ViewId.SERVER, new ConnectionView(context).node());
        views.put(ViewId.EXPERIMENTS, new ExperimentsView(context).node());
        views.put(ViewId.DASHBOARD, new DashboardView(context).node());
        views.put(ViewId.OPTIMIZATION, new OptimizationView(context).node());
        navigation = new Navigation(bus);
        root.setLeft(navigation.node());
        root.setBottom(statusBar());
        root.getStyleClass().add("console-root");
        bus.subscribe(ShowView.class, e -> show(e.view()));
        this.preferences = settings.preferences();
        show(lastView());
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

    /** The connection state, always in view; clicking it opens the Server screen. */
    private Node statusBar() {
        Hyperlink status = new Hyperlink();
        status.setId("connection-status");
        status.textProperty().bind(connection.statusProperty());
        status.setOnAction(e -> bus.publish(new ShowView(ViewId.SERVER)));
        status.getStyleClass().add("status-bar");
        return status;
    }

    /** The server connection every live view shares. */
    public Connection connection() {
        return connection;
    }

    /** Ctrl+1 to Ctrl+8 switch views, Ctrl+S saves the draft, Ctrl+R runs the simulation (Cmd on macOS). */
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
        preferences.put(LAST_VIEW, id.name());
    }

    /** The screen shown when the console was last closed, so the marketer picks up where they left off. */
    private ViewId lastView() {
        try {
            return ViewId.valueOf(preferences.get(LAST_VIEW, ViewId.RULES.name()));
        } catch (IllegalArgumentException e) {
            return ViewId.RULES;
        }
    }

    /** Stops background work; the window itself is closed by JavaFX. */
    public void close() {
        simulationView.cancel();
        work.close();
    }
}
