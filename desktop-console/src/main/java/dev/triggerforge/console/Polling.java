package dev.triggerforge.console;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;

import java.util.function.Supplier;

/**
 * Repeats a server call on a JavaFX {@link Timeline} while the console is connected and the view is on screen,
 * skipping a tick while the previous call is still in flight, so a slow server never gets a pile of requests from a
 * live view and hidden views ask for nothing.
 */
public final class Polling {

    private final ConsoleContext context;
    private final Node view;
    private final Supplier<Task<?>> call;
    private final Timeline timeline;
    private boolean inFlight;
    private boolean again;

    /**
     * Calls {@code call} (built on the JavaFX thread, run on a worker) every {@code every} once started, whenever
     * {@code view} is in a showing window, and at once when it comes back on screen.
     */
    public Polling(ConsoleContext context, Node view, Duration every, Supplier<Task<?>> call) {
        this.context = context;
        this.view = view;
        this.call = call;
        this.timeline = new Timeline(new KeyFrame(every, e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && running()) {
                refreshNow();
            }
        });
    }

    /** Calls at once, then every period; does nothing while offline. */
    public void start() {
        if (context.connection().client().isEmpty()) {
            stop();
            return;
        }
        timeline.play();
        tick();
    }

    public void stop() {
        timeline.stop();
    }

    public boolean running() {
        return timeline.getStatus() == Animation.Status.RUNNING;
    }

    /** Asks for a call now, or right after the one in flight (a user's refresh, a selection, an action). */
    public void refreshNow() {
        if (inFlight) {
            again = true;
            return;
        }
        tick();
    }

    /** Starts one call unless one is still running, the view is not on screen or the console went offline. */
    private void tick() {
        if (inFlight || !onScreen()) {
            return;
        }
        if (context.connection().client().isEmpty()) {
            stop();
            return;
        }
        Task<?> task = call.get();
        inFlight = true;
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> finished());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> finished());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> finished());
        context.work().start(task);
    }

    private boolean onScreen() {
        Scene scene = view.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    private void finished() {
        inFlight = false;
        if (again) {
            again = false;
            tick();
        }
    }
}
