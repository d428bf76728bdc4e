package dev.triggerforge.server.events;

import dev.triggerforge.server.engine.Delivery;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Settles a broker message once: acknowledged after commit, or handed back to the queue to be delivered again; a
 * second settlement of the same message is ignored.
 */
final class MessageDelivery implements Delivery {

    private final Message<?> message;
    private final AtomicBoolean settled = new AtomicBoolean();

    MessageDelivery(Message<?> message) {
        this.message = message;
    }

    @Override
    public void committed() {
        if (settled.compareAndSet(false, true)) {
            message.ack();
        }
    }

    @Override
    public void failed(Throwable cause) {
        if (settled.compareAndSet(false, true)) {
            message.nack(cause, Metadata.of(new RabbitMQRejectMetadata(true)));
        }
    }
}
