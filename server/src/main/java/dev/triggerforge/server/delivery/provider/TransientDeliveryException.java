package dev.triggerforge.server.delivery.provider;

import java.time.Duration;
import java.util.Optional;

/** A delivery that failed for a reason that may go away (timeout, throttling, server error): retry later. */
public class TransientDeliveryException extends Exception {

    private final Duration retryAfter;

    public TransientDeliveryException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public TransientDeliveryException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait the provider asked for, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
