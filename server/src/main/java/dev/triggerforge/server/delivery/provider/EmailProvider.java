package dev.triggerforge.server.delivery.provider;

/**
 * A way to hand an email to the outside world; adapters report failures as transient (try again later) or permanent
 * (this email will never go out), which is all the dispatcher needs to decide what happens to the outbox row.
 */
public interface EmailProvider {

    /** The provider's name as configured and as stored on sent rows. */
    String name();

    /** Throws an exception naming the setting when the provider cannot work as configured. */
    default void checkConfiguration() {
    }

    /** Hands the email over; returns only once the provider has accepted it. */
    DeliveryReceipt send(OutgoingEmail email) throws TransientDeliveryException, PermanentDeliveryException;
}
