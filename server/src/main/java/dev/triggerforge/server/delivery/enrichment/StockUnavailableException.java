package dev.triggerforge.server.delivery.enrichment;

/**
 * The stock provider gave no usable answer in time, so the send falls back on last known values; {@code reason} is
 * a short word for the metric and the send's note ({@code timeout} or {@code error}).
 */
public class StockUnavailableException extends Exception {

    private final String reason;

    public StockUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
