package dev.triggerforge.server.events;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.server.config.TriggerForgeConfig;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes events to the events exchange under their lane's routing key ({@link Lanes}), completing on the broker's
 * confirm. Every event carries its customer id in the header named by
 * {@code triggerforge.cluster.hash-header}, which the partitioned topology hashes on (issue 10); in single-queue mode
 * nobody reads it.
 */
@ApplicationScoped
public class RabbitEventPublisher implements EventPublisher {

    private final Emitter<String> emitter;
    private final String customerHeader;

    RabbitEventPublisher(@Channel("events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                         Emitter<String> emitter, TriggerForgeConfig config) {
        this.emitter = emitter;
        this.customerHeader = config.cluster().hashHeader();
    }

    @Override
    public CompletionStage<Void> publish(CustomerEvent event) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        OutgoingRabbitMQMetadata amqp = new OutgoingRabbitMQMetadata.Builder()
                .withRoutingKey(Lanes.routingKey(event.type()))
                .withMessageId(event.eventId())
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withHeader(PublishedAt.HEADER, System.currentTimeMillis())
                .withHeader(customerHeader, event.customerId())
                .build();
        emitter.send(Message.of(EventCodec.encode(event), Metadata.of(amqp), () -> {
            confirmed.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            confirmed.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return confirmed;
    }
}
