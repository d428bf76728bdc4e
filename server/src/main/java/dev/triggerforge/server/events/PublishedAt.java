package dev.triggerforge.server.events;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;

import java.time.Instant;

/**
 * The millisecond a message was published, from the {@code x-published-at} header our publishers set (the AMQP
 * timestamp property only has seconds); what end-to-end latency is measured from.
 */
public final class PublishedAt {

    public static final String HEADER = "x-published-at";

    private PublishedAt() {
    }

    static Instant of(IncomingRabbitMQMetadata amqp) {
        return amqp == null ? null : of(amqp.getHeaders().get(HEADER));
    }

    /** The instant a header value states, or null when absent or not a number of milliseconds. */
    public static Instant of(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (value != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(value.toString()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
