package dev.triggerforge.console.event;

import javafx.application.Platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Lets views talk without knowing each other: a view publishes a {@link ConsoleEvent} and whoever subscribed to its
 * type hears it on the JavaFX thread, so new screens can join without touching the existing ones.
 */
public final class EventBus {

    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();

    public <E extends ConsoleEvent> void subscribe(Class<E> type, Consumer<? super E> subscriber) {
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(e -> subscriber.accept(type.cast(e)));
    }

    /** Delivers the event to the subscribers of its exact type, on the JavaFX thread. */
    public void publish(ConsoleEvent event) {
        List<Consumer<Object>> listeners = subscribers.getOrDefault(event.getClass(), List.of());
        if (Platform.isFxApplicationThread()) {
            listeners.forEach(l -> l.accept(event));
        } else {
            Platform.runLater(() -> listeners.forEach(l -> l.accept(event)));
        }
    }
}
