package dev.triggerforge.server.events;

import dev.triggerforge.server.engine.Delivery;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Settles a broker message: acknowledged after commit, or handed back to the queue to be delivered again. */
final class MessageDelivery implements Delivery {

    private final Message<?> message;

    MessageDelivery(Message<?> message) {
        this.message = message;
    }

    @Override
    public void committed() {
        message.ack();
    }

    @Override
    public void failed(Throwable cause) {
        message.nack(cause, Metadata.of(new RabbitMQRejectMetadata(true)));
    }
}
