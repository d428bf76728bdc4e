package dev.triggerforge.server.delivery.provider;

/** A delivery the provider refused for good (bad address, rejected content): retrying would only repeat the refusal. */
public class PermanentDeliveryException extends Exception {

    public PermanentDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
