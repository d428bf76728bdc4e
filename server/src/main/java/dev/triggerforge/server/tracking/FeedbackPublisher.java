package dev.triggerforge.server.tracking;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.server.events.EventPublisher;
import dev.triggerforge.server.feedback.Feedback;
import dev.triggerforge.server.sends.SendRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a recipient or a provider did with a send into a customer event about that send and publishes it through
 * the normal ingestion path, so opens, clicks, unsubscribes, deliveries and bounces are stored, deduplicated and
 * applied like any other event.
 */
@ApplicationScoped
public class FeedbackPublisher {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

    private final EventPublisher publisher;

    FeedbackPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Publishes and waits for the broker's confirm.
     *
     * @param idSeed what, besides the type, makes the event unique; the same seed gives the same event id, so a
     *               repeated hit is recognised as a duplicate
     * @throws FeedbackNotPublishedException when the broker did not confirm in time
     */
    public CustomerEvent publish(SendRecord send, EventType type, String idSeed, Instant occurredAt,
                                 Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put(Feedback.SEND_ID, send.idempotencyKey);
        properties.put("ruleId", send.ruleId);
        properties.put("templateId", send.templateId);
        String eventId = type.name().replace("email_", "") + "-" + hash(send.idempotencyKey + "\n" + idSeed);
        CustomerEvent event = CustomerEvent.of(eventId, send.customerId, type, occurredAt, properties);
        try {
            publisher.publish(event).toCompletableFuture().get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedbackNotPublishedException(event, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedbackNotPublishedException(event, e);
        }
        return event;
    }

    /** The minute an instant falls in, as a seed part: hits within one minute count once. */
    public static String minute(Instant at) {
        return Long.toString(at.getEpochSecond() / 60);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
