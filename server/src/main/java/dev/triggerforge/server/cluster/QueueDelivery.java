package dev.triggerforge.server.cluster;

import dev.triggerforge.server.engine.Delivery;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Settles one message of a partition queue once, from the partition's thread: acknowledged with its turn's
 * multiple-ack after the commit, or handed back to the queue. A channel that closed meanwhile is no error: the broker
 * redelivers the message.
 */
final class QueueDelivery implements Delivery {

    private final Acknowledgements acks;
    private final long tag;
    private final AtomicBoolean settled = new AtomicBoolean();

    QueueDelivery(Acknowledgements acks, long tag) {
        this.acks = acks;
        this.tag = tag;
    }

    @Override
    public void committed() {
        if (settled.compareAndSet(false, true)) {
            acks.settled(tag);
        }
    }

    @Override
    public void failed(Throwable cause) {
        if (settled.compareAndSet(false, true)) {
            acks.handBack(tag);
        }
    }

    @Override
    public void flush() {
        acks.flush();
    }
}
