package dev.triggerforge.console.library;

import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.connection.ServerException;
import dev.triggerforge.console.shell.ErrorDialogs;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.concurrent.Task;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the library screen's server calls off the JavaFX thread and says whether any is under way or
 * the console is offline, so every button that calls the server can be disabled by one binding.
 */
final class ServerCalls {

    private final ConsoleContext context;
    private final IntegerProperty underWay = new SimpleIntegerProperty(this, "underWay");
    private final BooleanBinding unavailable;

    ServerCalls(ConsoleContext context) {
        this.context = context;
        this.unavailable = underWay.greaterThan(0).or(context.connection().clientProperty().isNull());
    }

    /** True while a call runs or when there is no server to call. */
    BooleanBinding unavailable() {
        return unavailable;
    }

    boolean online() {
        return context.connection().client().isPresent();
    }

    /** Calls the server on a worker thread; {@code done} or {@code failed} then runs on the JavaFX thread. */
    <T> void run(Function<RuleSetApi, T> call, Consumer<T> done, Consumer<Throwable> failed) {
        RuleSetApi api = new RuleSetApi(context.connection().require());
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return call.apply(api);
            }
        };
        task.setOnSucceeded(e -> {
            underWay.set(underWay.get() - 1);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            underWay.set(underWay.get() - 1);
            failed.accept(task.getException());
        });
        underWay.set(underWay.get() + 1);
        context.work().start(task);
    }

    /** The failure's sentence followed by every detail the server gave (errors at file:line:col, fields). */
    static List<String> describe(Throwable failure) {
        List<String> lines = new ArrayList<>();
        lines.add(ErrorDialogs.describe(failure));
        if (failure instanceof ServerException server) {
            server.details().forEach(d -> lines.add("  " + d));
        }
        return lines;
    }

    /** Shows the failure in an error dialog owned by {@code node}'s window, details included. */
    static void show(Node node, String title, Throwable failure) {
        ErrorDialogs.show(node.getScene() == null ? null : node.getScene().getWindow(), title,
                String.join("\n", describe(failure)), failure);
    }
}
