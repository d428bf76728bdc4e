package dev.triggerforge.server.delivery.preview;

/** A preview was asked for a customer the server knows nothing about. */
public class UnknownCustomerException extends RuntimeException {

    public UnknownCustomerException(String customerId) {
        super("unknown customer " + customerId);
    }
}
