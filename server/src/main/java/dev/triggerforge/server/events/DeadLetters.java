package dev.triggerforge.server.events;

import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import dev.triggerforge.server.config.TriggerForgeConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Puts a message the server cannot use on the dead-letter exchange with the reason in the {@code x-triggerforge-reason}
 * header, and completes only once the broker has it, so the original can be acknowledged without losing it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON_HEADER = "x-triggerforge-reason";
    public static final String ROUTING_KEY_HEADER = "x-original-routing-key";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<String> emitter;
    private final String routingKey;

    DeadLetters(@Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                Emitter<String> emitter,
                TriggerForgeConfig config) {
        this.emitter = emitter;
        this.routingKey = config.events().deadLetterRoutingKey();
    }

    public CompletionStage<Void> send(String body, String reason, String originalRoutingKey) {
        LOG.debugf("Dead-lettering a message from %s: %s", originalRoutingKey, reason);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        OutgoingRabbitMQMetadata amqp = new OutgoingRabbitMQMetadata.Builder()
                .withRoutingKey(routingKey)
                .withHeader(REASON_HEADER, truncate(reason))
                .withHeader(ROUTING_KEY_HEADER, originalRoutingKey)
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .build();
        emitter.send(Message.of(body, Metadata.of(amqp), () -> {
            stored.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            stored.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return stored;
    }

    private static String truncate(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 2000) + "...";
    }
}
