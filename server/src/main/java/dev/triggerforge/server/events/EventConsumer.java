package dev.triggerforge.server.events;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.InvalidEventException;
import dev.triggerforge.server.engine.Engine;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Takes customer events off the events queue. A valid event goes to its customer's partition and is acknowledged
 * only once what it caused is committed; anything else goes to the dead-letter queue with its reason.
 */
@ApplicationScoped
public class EventConsumer {

    private final Engine engine;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;

    EventConsumer(Engine engine, DeadLetters deadLetters, IngestMetrics metrics) {
        this.engine = engine;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Incoming("events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<?> message) {
        return take(message);
    }

    /** The browse lane: the same treatment, from its own queue (see {@link Lanes}). */
    @Incoming("browse")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consumeBrowsing(Message<?> message) {
        return take(message);
    }

    private CompletionStage<Void> take(Message<?> message) {
        Instant received = Instant.now();
        String body = text(message.getPayload());
        IncomingRabbitMQMetadata amqp = message.getMetadata(IncomingRabbitMQMetadata.class).orElse(null);
        CustomerEvent event;
        try {
            event = EventCodec.decode(body);
        } catch (InvalidEventException e) {
            return reject(message, body, amqp, e.getMessage());
        } catch (RuntimeException e) {
            return reject(message, body, amqp, "unreadable event: " + e);
        }
        metrics.consumed(event.type().name());
        metrics.ingestionLag(Lanes.BROWSING.contains(event.type()) ? "browse" : "events",
                Duration.between(event.occurredAt(), received));
        engine.submit(event, body, received, PublishedAt.of(amqp), new MessageDelivery(message));
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> reject(Message<?> message, String body, IncomingRabbitMQMetadata amqp,
                                         String reason) {
        metrics.rejected();
        String routingKey = amqp == null ? "" : amqp.getRoutingKey();
        return deadLetters.send(body, reason, routingKey).thenCompose(ignored -> message.ack());
    }

    private static String text(Object payload) {
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return payload == null ? "" : payload.toString();
    }
}
