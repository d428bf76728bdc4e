package dev.triggerforge.server.cluster;

import com.rabbitmq.client.Channel;
import dev.triggerforge.server.engine.Delivery;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Settles one message of a partition queue once, from the partition's thread: acknowledged after the commit, or
 * handed back to the queue. A channel that closed meanwhile is no error: the broker redelivers the message.
 */
final class QueueDelivery implements Delivery {

    private static final Logger LOG = Logger.getLogger(QueueDelivery.class);

    private final Channel channel;
    private final long tag;
    private final AtomicBoolean settled = new AtomicBoolean();

    QueueDelivery(Channel channel, long tag) {
        this.channel = channel;
        this.tag = tag;
    }

    @Override
    public void committed() {
        if (settled.compareAndSet(false, true)) {
            try {
                channel.basicAck(tag, false);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Acknowledgement not sent (the broker redelivers, the store knows the event): %s", e);
            }
        }
    }

    @Override
    public void failed(Throwable cause) {
        if (settled.compareAndSet(false, true)) {
            try {
                channel.basicNack(tag, false, true);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Message not handed back (the broker redelivers it anyway): %s", e);
            }
        }
    }
}
