package dev.triggerforge.server.demo;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.server.events.EventPublisher;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the application's event publisher under {@link DemoTrafficProfile} only, keeping each event with the
 * moment it was handed over, so the demo's lifecycle can be watched without the ingestion side.
 */
@Singleton
@Alternative
@Priority(1)
@IfBuildProperty(name = RecordingPublisher.ENABLED, stringValue = "true")
public class RecordingPublisher implements EventPublisher {

    static final String ENABLED = "test.recording-publisher.enabled";

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> publish(CustomerEvent event) {
        published.add(new Published(event, Instant.now()));
        return CompletableFuture.completedFuture(null);
    }

    List<Published> published() {
        return published;
    }

    /** An event and when the demo published it. */
    record Published(CustomerEvent event, Instant at) {
    }
}
