package dev.triggerforge.server.events;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
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
 * confirm.
 */
@ApplicationScoped
public class RabbitEventPublisher implements EventPublisher {

    private final Emitter<String> emitter;

    RabbitEventPublisher(@Channel("events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                         Emitter<String> emitter) {
        this.emitter = emitter;
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
